import datetime as dt
from typing import Any

from ninja import Schema


class NoticeIn(Schema):
    colour: str
    subject_names: list[str] = []
    family_name: str = ""
    birth_date: dt.date | None = None
    sex: str = ""
    nationalities: list[str] = []
    place_of_birth: str = ""
    country_of_birth: str = ""
    height_cm: int | None = None
    weight_kg: int | None = None
    eye_colour: str = ""
    hair_colour: str = ""
    languages: list[str] = []
    case_reference: str = ""
    reasons: str = ""
    legal_basis: str = ""
    charges: str = ""
    penalty_months: int | None = None
    requested_action: str = ""
    handling_restrictions: str = ""
    identifying_marks: str = ""


class NoticeOut(NoticeIn):
    id: int
    state: str
    issuing_agency: str
    source: str
    external_id: str
    expires_on: dt.date | None
    suspended_until: dt.date | None
    renewal_requested: bool
    version: int


class ReviewIn(Schema):
    checks: dict[str, bool]
    notes: str = ""


class ReasonIn(Schema):
    reason: str


class SuspendIn(ReasonIn):
    until: dt.date


class TripIn(Schema):
    to_country: str
    from_country: str = ""
    departs_on: dt.date | None = None
    returns_on: dt.date | None = None
    carrier: str = ""
    note: str = ""


class TripOut(TripIn):
    id: int
    notice_id: int
    source: str
    alerted_agencies: list[str]


class TravelAlertOut(Schema):
    id: int
    notice_id: int
    colour: str
    subject_names: list[str]
    requested_action: str
    trip: dict[str, Any]
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None
    follow_up: str


class FollowUpIn(Schema):
    follow_up: str = ""


class DiffusionIn(Schema):
    colour: str
    purpose: str
    body: str
    subject_names: list[str] = []
    birth_date: dt.date | None = None
    requested_action: str = ""
    legal_basis: str = ""
    agency_ids: list[int] = []
    countries: list[str] = []
    kinds: list[str] = []


class DiffusionOut(Schema):
    id: int
    colour: str
    purpose: str
    body: str
    subject_names: list[str]
    sender_agency: str
    sent_at: dt.datetime
    state: str
    recipients: list[dict[str, Any]]


class ResponseIn(Schema):
    response: str = ""


class ImportOut(Schema):
    imported: bool
    created: int
    updated: int
    skipped: int
    errors: list[dict[str, Any]]
