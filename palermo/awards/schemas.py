"""What the awards API reads and answers, built from the services' own records (a
nomination, a score, a ranked row, a laureate) by the resolvers here, never by hand."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema

from palermo.awards.services.nominations import MAX_TEXT
from palermo.web.limits import CODES, NOTE, Code


class CycleOut(Schema):
    id: int
    year: int
    title: str
    state: str
    closes_on: dt.date
    ceremony_on: dt.date | None
    ceremony_place: str


class NominationIn(Schema):
    nominee_name: str = Field(max_length=200)
    achievements: str = Field(max_length=MAX_TEXT)
    nominee_organisation: str = Field("", max_length=200)
    nominee_email: str = Field("", max_length=254)
    # A nominee already nominated in the cycle is refused until the caller confirms.
    confirm_duplicate: bool = False


class NominationOut(Schema):
    id: int
    cycle_id: int
    nominee_name: str
    achievements: str
    nominee_organisation: str
    nominee_email: str
    nominating_agency: str
    eligible: bool | None
    attachments: list[str]

    @staticmethod
    def resolve_nominating_agency(nomination: Any) -> str:
        return str(nomination.nominating_agency.name)

    @staticmethod
    def resolve_attachments(nomination: Any) -> list[str]:
        return [attachment.name for attachment in nomination.attachments.all()]


class ScoreIn(Schema):
    marks: dict[Code, Annotated[int, Field(ge=0, le=10)]] = Field(max_length=CODES)
    comment: str = Field("", max_length=NOTE)


class ScoreOut(Schema):
    """A juror's score (``Score``) as stored: the marks cleaned and the weighted total."""

    nomination_id: int
    marks: dict[str, int]
    total: float


class RankedOut(Schema):
    """A row of ``jury.ranking`` (``jury.Ranked``)."""

    nomination_id: int
    nominee_name: str
    mean: float | None
    scores: int
    conflicts: int
    laureate: bool

    @staticmethod
    def resolve_nomination_id(row: Any) -> int:
        return int(row.nomination.pk)

    @staticmethod
    def resolve_nominee_name(row: Any) -> str:
        return str(row.nomination.nominee_name)


class LaureateOut(Schema):
    """A laureate of the archive (``Laureate``), named by its nomination."""

    year: int
    nominee_name: str
    nominee_organisation: str
    citation: str

    @staticmethod
    def resolve_year(laureate: Any) -> int:
        return int(laureate.nomination.cycle.year)

    @staticmethod
    def resolve_nominee_name(laureate: Any) -> str:
        return str(laureate.nomination.nominee_name)

    @staticmethod
    def resolve_nominee_organisation(laureate: Any) -> str:
        return str(laureate.nomination.nominee_organisation)
