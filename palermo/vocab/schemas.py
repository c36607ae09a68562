"""What the vocabularies API answers, built from the registry's own records (a
``loader.Vocabulary`` and its ``loader.Term``s) by the resolvers here, never by hand."""

from __future__ import annotations

from typing import Any

from ninja import Schema


class TermOut(Schema):
    code: str
    labels: dict[str, str]
    definition: str
    extra: dict[str, Any]


class VocabularyOut(Schema):
    name: str
    description: str
    terms: list[TermOut]

    @staticmethod
    def resolve_terms(vocabulary: Any) -> list[Any]:
        # A vocabulary keeps its terms by code; it iterates them in the file's order.
        return list(vocabulary)


class VocabularySummary(Schema):
    name: str
    description: str
    size: int

    @staticmethod
    def resolve_size(vocabulary: Any) -> int:
        return len(vocabulary)
