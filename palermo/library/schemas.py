import datetime as dt
from typing import Any

from ninja import Field, Schema

from palermo.web.limits import NOTE, Version


class FacetValue(Schema):
    value: str
    count: int


class HitOut(Schema):
    kind: str
    id: int
    title: str
    date: dt.date | None
    score: float
    snippet: str


class SearchOut(Schema):
    total: int
    approximate: bool
    hits: list[HitOut]
    facets: dict[str, list[FacetValue]]


class CitationOut(Schema):
    text: str
    key: str
    form: str
    decision_id: int | None  # the cited decision (in "cites") or the citing one ("cited_by")


class JudicialDecisionOut(Schema):
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
    cited_by: list[CitationOut]
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


class OpinionOut(Schema):
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


class GuideOut(Schema):
    id: int
    form: str
    title: str
    version_number: str
    language: str
    full_text: str
    updated_at: dt.datetime
    version: int


class ChangeIn(Schema):
    version: Version
    # A record's fields by name (a decision has about thirty); a full text may be long.
    fields: dict[str, Any] = Field(max_length=100)
    note: str = Field("", max_length=NOTE)


class ReturnIn(Schema):
    reason: str = Field(max_length=NOTE)


class DifferenceOut(Schema):
    field: str
    label: str
    old: str
    new: str


class ChangeOut(Schema):
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
    differences: list[DifferenceOut]


class VersionOut(Schema):
    version: int
    published_at: dt.datetime
    change_id: int | None
    values: dict[str, Any]


class GroupOut(Schema):
    label: str
    count: int
    low: float
    lower_quartile: float
    median: float
    upper_quartile: float
    high: float


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
    charge: str
    exploitation: str
    count: int
    by_year: list[GroupOut]
    by_court: list[GroupOut]
    sentences: list[SentenceOut]
