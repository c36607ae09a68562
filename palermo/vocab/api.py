"""The vocabularies as JSON, from the same YAML the application loads."""

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from palermo.access.permissions import Permission
from palermo.vocab import registry

router = Router(tags=["vocabularies"])


class TermOut(Schema):
    code: str
    labels: dict[str, str]
    definition: str
    extra: dict


class VocabularyOut(Schema):
    name: str
    description: str
    terms: list[TermOut]


class VocabularySummary(Schema):
    name: str
    description: str
    size: int


@router.get("/", response=list[VocabularySummary], auth=Permission("vocab.view"))
def vocabulary_list(request: HttpRequest) -> list[dict]:
    return [
        {"name": name, "description": registry.get(name).description,
         "size": len(registry.get(name))}
        for name in registry.names()
    ]


@router.get("/{name}", response=VocabularyOut, auth=Permission("vocab.view"))
def vocabulary_detail(request: HttpRequest, name: str) -> dict:
    if name not in registry.names():
        raise Http404
    vocabulary = registry.get(name)
    return {
        "name": vocabulary.name, "description": vocabulary.description,
        "terms": [
            {"code": t.code, "labels": t.labels, "definition": t.definition, "extra": t.extra}
            for t in vocabulary
        ],
    }
