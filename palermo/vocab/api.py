"""The vocabularies as JSON, from the same YAML the application loads. The answers are the
schemas of ``schemas.py``, built from the registry's vocabularies."""

from django.http import Http404, HttpRequest
from ninja import Router

from palermo.guards import Permission
from palermo.vocab import registry
from palermo.vocab.loader import Vocabulary
from palermo.vocab.schemas import VocabularyOut, VocabularySummary

router = Router(tags=["vocabularies"])


@router.get("/", response=list[VocabularySummary], auth=Permission("vocab.view"))
def vocabulary_list(request: HttpRequest) -> list[Vocabulary]:
    return [registry.get(name) for name in registry.names()]


@router.get("/{name}", response=VocabularyOut, auth=Permission("vocab.view"))
def vocabulary_detail(request: HttpRequest, name: str) -> Vocabulary:
    if name not in registry.names():
        raise Http404
    return registry.get(name)
