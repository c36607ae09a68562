"""`palermo check` reports vocabulary faults as Django system-check errors."""

from __future__ import annotations

from typing import Any

from django.core import checks

from palermo.vocab import registry
from palermo.vocab.loader import VocabularyError


@checks.register("palermo")
def check_vocabularies(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        vocabularies = registry.load()
    except VocabularyError as exc:
        return [checks.Error(str(exc), obj=str(exc.path), id="palermo.E001")]
    return [
        checks.Info(f"{len(vocabularies)} vocabularies loaded", id="palermo.I001")
    ] if kwargs.get("verbose") else []
