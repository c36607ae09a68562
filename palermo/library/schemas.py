import datetime as dt
from typing import Any

from ninja import Schema


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


class DecisionOut(Schema):
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
