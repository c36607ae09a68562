import datetime as dt

from ninja import Schema


class NoticeIn(Schema):
    colour: str
    subject_names: list[str] = []
    birth_date: dt.date | None = None
    sex: str = ""
    nationalities: list[str] = []
    case_reference: str = ""
    reasons: str = ""
    legal_basis: str = ""
    charges: str = ""
    penalty_months: int | None = None
    requested_action: str = ""
    identifying_marks: str = ""


class NoticeOut(NoticeIn):
    id: int
    state: str
    issuing_agency: str
    expires_on: dt.date | None
    version: int


class ReviewIn(Schema):
    checks: dict[str, bool]
    notes: str = ""


class WithdrawIn(Schema):
    reason: str
