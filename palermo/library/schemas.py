"""What the library API reads and answers. The answers are built from what the services
return (a search's result, a record, a proposed change, a sentencing distribution) by the
resolvers here, never by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ninja import Field, Schema

from palermo.library.services import records, review
from palermo.web.limits import NOTE, Version

if TYPE_CHECKING:
    from palermo.library.engine.backend import Hit, SearchResult
    from palermo.library.models import Citation, JudicialDecision
    from palermo.library.services.analytics import Distribution, Group


class LibrarySearchParams(Schema):
    q: str = ""
    sort: str = "relevance"
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    offset: int = 0
    limit: int = 20
    kind: list[str] = []
    country: list[str] = []
    court_level: list[str] = []
    legal_system: list[str] = []
    verdict: list[str] = []
    exploitation: list[str] = []
    sector: list[str] = []
    year: list[str] = []
    language: list[str] = []
    transnational: list[str] = []
    organised_crime: list[str] = []


class LibraryFacetValue(Schema):
    value: str
    count: int


class LibraryHitOut(Schema):
    """One record found (built from the engine's ``Hit``, whose key names kind and id)."""

    kind: str
    id: int
    title: str
    date: dt.date | None
    score: float
    snippet: str

    @staticmethod
    def resolve_kind(hit: Hit) -> str:
        return records.hit_target(hit.key)[0]

    @staticmethod
    def resolve_id(hit: Hit) -> int:
        return records.hit_target(hit.key)[1]


class LibrarySearchOut(Schema):
    """Built from the engine's ``SearchResult``."""

    total: int
    approximate: bool
    hits: list[LibraryHitOut]
    facets: dict[str, list[LibraryFacetValue]]

    @staticmethod
    def resolve_facets(found: SearchResult) -> dict[str, list[LibraryFacetValue]]:
        return {name: [LibraryFacetValue(value=value, count=count) for value, count in values]
                for name, values in found.facets.items()}


class CitationOut(Schema):
    """What a decision cites (built from a ``Citation``); ``decision_id`` is the cited
    decision, None while the library does not hold it."""

    text: str
    key: str
    form: str
    decision_id: int | None

    @staticmethod
    def resolve_decision_id(citation: Citation) -> int | None:
        return citation.cited_id


class CitedByOut(CitationOut):
    """A decision citing this one; ``decision_id`` is the citing decision."""

    @staticmethod
    def resolve_decision_id(citation: Citation) -> int | None:
        return citation.citing_id


@dataclass(frozen=True)
class DecisionPage:
    """A decision with what its detail shows beside it: the decisions appealed from it and
    the citations both ways. Every other attribute is the decision's own, so the answer
    reads as the record."""

    decision: JudicialDecision
    appeal_ids: list[int]
    cites: list[Citation]
    cited_by: list[Citation]

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the page itself lacks; its own and special names stay missing
        # (copying or unpickling would otherwise recurse).
        if name == "decision" or name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.decision, name)


class JudicialDecisionOut(Schema):
    """Built from a ``DecisionPage``."""

    id: int
    country: str
    court: str
    court_level: str
    legal_system: str
    case_number: str
    decision_date: dt.date | None
    parties: str
    previous_decision_id: int | None
    appeal_ids: list[int]
    cites: list[CitationOut]
    cited_by: list[CitedByOut]
    charges: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    victims_count: int | None
    defendants_count: int | None
    people_summary: dict[str, Any]
    acts: list[str]
    means: list[str]
    purposes: list[str]
    exploitation_types: list[str]
    sector: str
    transnational: bool | None
    organised_crime: bool | None
    summary: str
    reasoning: str
    language: str
    full_text: str
    source_file: str
    version: int


class ExpertOpinionOut(Schema):
    id: int
    author: str
    expertise: str
    opinion_date: dt.date | None
    subject: str
    concerns: str
    language: str
    full_text: str
    source_file: str
    version: int


class InvestigatorGuideOut(Schema):
    id: int
    form: str
    title: str
    version_number: str
    language: str
    full_text: str
    updated_at: dt.datetime
    version: int


class ProposedChangeIn(Schema):
    version: Version
    # A record's fields by name (a decision has about thirty); a full text may be long.
    fields: dict[str, Any] = Field(max_length=100)
    note: str = Field("", max_length=NOTE)


class ChangeReturnIn(Schema):
    reason: str = Field(max_length=NOTE)


class ChangeDifferenceOut(Schema):
    field: str
    label: str
    old: str
    new: str


class ProposedChangeOut(Schema):
    """Built from the ``ProposedChange``, with each changed field as it was and would be."""

    id: int
    kind: str
    record_id: int
    base_version: int
    state: str
    fields: dict[str, Any]
    previous: dict[str, Any]
    note: str
    proposed_by_id: int
    proposed_at: dt.datetime
    reviewed_by_id: int | None
    reviewed_at: dt.datetime | None
    reason: str
    differences: list[ChangeDifferenceOut]

    @staticmethod
    def resolve_differences(change: Any) -> list[review.Difference]:
        return review.diff(change)


class RecordVersionOut(Schema):
    version: int
    published_at: dt.datetime
    change_id: int | None
    values: dict[str, Any]


class SentenceGroupOut(Schema):
    """The spread of sentences in a year or a court (built from ``analytics.Group``)."""

    label: str
    count: int
    low: float
    lower_quartile: float
    median: float
    upper_quartile: float
    high: float

    @staticmethod
    def resolve_lower_quartile(group: Group) -> float:
        return group.quartiles[0]

    @staticmethod
    def resolve_upper_quartile(group: Group) -> float:
        return group.quartiles[1]


class SentenceOut(Schema):
    decision_id: int
    case_number: str
    court: str
    country: str
    date: dt.date | None
    defendant: str
    charge: str
    months: float


class SentencesOut(Schema):
    """Built from ``analytics.Distribution``."""

    charge: str
    exploitation: str
    count: int
    by_year: list[SentenceGroupOut]
    by_court: list[SentenceGroupOut]
    sentences: list[SentenceOut]

    @staticmethod
    def resolve_count(found: Distribution) -> int:
        return len(found.sentences)
