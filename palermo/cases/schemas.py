import datetime as dt

from ninja import Field, Schema

from palermo.web.limits import NAMES, NOTE, TEXT, Code, Codes, Id, PersonName, Version


class CaseIn(Schema):
    title: str = Field(max_length=200)
    summary: str = Field("", max_length=TEXT)
    sensitivity: str = Field("normal", max_length=32)
    opened_on: dt.date | None = None
    # {vocabulary: [codes]}, e.g. {"palermo_acts": [...], "exploitation_types": [...]}
    classification: dict[Code, Codes] = Field({}, max_length=10)
    # {"origin" | "transit" | "destination": [country codes]}
    countries: dict[Code, Codes] = Field({}, max_length=10)
    tags: Codes = []


class CaseSummary(Schema):
    id: int
    reference: str
    title: str
    status: str
    sensitivity: str
    lead_agency: str | None
    opened_on: dt.date
    version: int


class PersonOut(Schema):
    id: int  # the person's id in this case
    label: str
    role: str
    identity_visible: bool
    name: str | None
    aliases: list[str]
    birth_date: dt.date | None
    is_child: bool
    trafficking_status: str


class ElementsOut(Schema):
    act: bool
    means: bool
    purpose: bool
    means_not_needed: bool
    established: bool
    missing: list[str]


class CaseOut(CaseSummary):
    summary: str
    agencies: list[dict[str, str]]
    classification: dict[str, list[str]]
    countries: dict[str, list[str]]
    elements: ElementsOut
    persons: list[PersonOut]


class StatusIn(Schema):
    status: str = Field(max_length=32)
    version: Version
    reason: str = Field("", max_length=32)
    note: str = Field("", max_length=NOTE)


class DocumentIn(Schema):
    number: str = Field(max_length=64)
    issuing_country: str = Field(max_length=3)
    kind: str = Field("passport", max_length=32)


class PersonIn(Schema):
    role: str = Field(max_length=32)
    names: list[PersonName] = Field(max_length=NAMES)
    birth_date: dt.date | None = None
    estimated_age: int | None = Field(None, ge=0, le=120)
    sex: str = Field("", max_length=1)
    nationalities: Codes = []
    documents: list[DocumentIn] = Field([], max_length=NAMES)
    exploitation_started_on: dt.date | None = None


class ReferralIn(Schema):
    to_agency_id: Id
    reason: str = Field(max_length=32)
    consent: str = Field(max_length=16)
    consent_override_reason: str = Field("", max_length=NOTE)
    due_on: dt.date | None = None
    note: str = Field("", max_length=NOTE)


class ReferralAnswerIn(Schema):
    answer: str = Field(max_length=16)  # accept, reject, done, withdraw
    version: Version
    rejection_reason: str = Field("", max_length=32)
    note: str = Field("", max_length=NOTE)


class ReferralOut(Schema):
    id: int
    case: str
    case_person_id: int
    from_agency: str
    to_agency: str
    reason: str
    consent: str
    state: str
    due_on: dt.date | None
    overdue: bool
    version: int


class TaskIn(Schema):
    title: str = Field(max_length=200)
    agency_id: Id
    due_on: dt.date | None = None
    priority: str = Field("normal", max_length=16)


class TaskOut(Schema):
    id: int
    case: str
    title: str
    agency: str
    due_on: dt.date | None
    priority: str
    state: str
    overdue: bool
    version: int


class AssessmentIn(Schema):
    indicators: Codes


class AssessmentOut(Schema):
    score: float
    proposed_status: str
    proposed_referrals: list[str]
    explanation: list[str]
