import datetime as dt

from ninja import Schema


class CaseIn(Schema):
    title: str
    summary: str = ""
    sensitivity: str = "normal"
    opened_on: dt.date | None = None
    classification: dict[str, list[str]] = {}
    countries: dict[str, list[str]] = {}
    tags: list[str] = []


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
    status: str
    version: int
    reason: str = ""
    note: str = ""


class DocumentIn(Schema):
    number: str
    issuing_country: str
    kind: str = "passport"


class PersonIn(Schema):
    role: str
    names: list[str]
    birth_date: dt.date | None = None
    estimated_age: int | None = None
    sex: str = ""
    nationalities: list[str] = []
    documents: list[DocumentIn] = []
    exploitation_started_on: dt.date | None = None


class ReferralIn(Schema):
    to_agency_id: int
    reason: str
    consent: str
    consent_override_reason: str = ""
    due_on: dt.date | None = None
    note: str = ""


class ReferralAnswerIn(Schema):
    answer: str  # accept, reject, done, withdraw
    version: int
    rejection_reason: str = ""
    note: str = ""


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
    title: str
    agency_id: int
    due_on: dt.date | None = None
    priority: str = "normal"


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
    indicators: list[str]


class AssessmentOut(Schema):
    score: float
    proposed_status: str
    proposed_referrals: list[str]
    explanation: list[str]
