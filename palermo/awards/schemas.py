import datetime as dt
from typing import Annotated

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


class ScoreIn(Schema):
    marks: dict[Code, Annotated[int, Field(ge=0, le=10)]] = Field(max_length=CODES)
    comment: str = Field("", max_length=NOTE)


class ScoreOut(Schema):
    nomination_id: int
    marks: dict[str, int]
    total: float


class RankedOut(Schema):
    nomination_id: int
    nominee_name: str
    mean: float | None
    scores: int
    conflicts: int
    laureate: bool


class LaureateOut(Schema):
    year: int
    nominee_name: str
    nominee_organisation: str
    citation: str
