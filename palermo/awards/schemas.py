import datetime as dt

from ninja import Schema


class CycleOut(Schema):
    id: int
    year: int
    title: str
    state: str
    closes_on: dt.date
    ceremony_on: dt.date | None
    ceremony_place: str


class NominationIn(Schema):
    nominee_name: str
    achievements: str
    nominee_organisation: str = ""
    nominee_email: str = ""


class NominationOut(NominationIn):
    id: int
    cycle_id: int
    nominating_agency: str
    eligible: bool | None
    attachments: list[str]


class ScoreIn(Schema):
    marks: dict[str, int]
    comment: str = ""


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
