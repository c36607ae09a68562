"""What the cases API reads and answers. The answers are built from the services' own
records (a case, a person's card, a referral...) by the resolvers here, never by hand."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ninja import Field, Schema

from palermo.web.limits import NAMES, NOTE, TEXT, Code, Codes, Id, PersonName, Version

if TYPE_CHECKING:
    from palermo.cases.services.reading import CasePage


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

    @staticmethod
    def resolve_lead_agency(case: Any) -> str | None:
        return case.lead_agency.name if case.lead_agency else None


class PersonOut(Schema):
    """A person in a case as one user may see them (built from ``persons.PersonCard``)."""

    id: int  # the person's id in this case
    label: str
    role: str
    identity_visible: bool
    name: str | None
    aliases: list[str]
    birth_date: dt.date | None
    is_child: bool
    trafficking_status: str

    @staticmethod
    def resolve_id(card: Any) -> int:
        return int(card.case_person.pk)

    @staticmethod
    def resolve_role(card: Any) -> str:
        return str(card.case_person.role)

    @staticmethod
    def resolve_identity_visible(card: Any) -> bool:
        return bool(card.shows_identity)

    @staticmethod
    def resolve_is_child(card: Any) -> bool:
        return bool(card.case_person.is_child)

    @staticmethod
    def resolve_trafficking_status(card: Any) -> str:
        return str(card.case_person.trafficking_status)


class ElementsOut(Schema):
    act: bool
    means: bool
    purpose: bool
    means_not_needed: bool
    established: bool
    missing: list[str]


class CaseOut(CaseSummary):
    """The case page as one user may see it (built from ``reading.CasePage``): the summary
    only for those who may read what concerns the whole case."""

    summary: str
    agencies: list[dict[str, str]]
    classification: dict[str, list[str]]
    countries: dict[str, list[str]]
    elements: ElementsOut
    persons: list[PersonOut]

    @staticmethod
    def resolve_id(page: CasePage) -> int:
        return int(page.case.pk)

    @staticmethod
    def resolve_reference(page: CasePage) -> str:
        return page.case.reference

    @staticmethod
    def resolve_title(page: CasePage) -> str:
        return page.case.title

    @staticmethod
    def resolve_status(page: CasePage) -> str:
        return page.case.status

    @staticmethod
    def resolve_sensitivity(page: CasePage) -> str:
        return page.case.sensitivity

    @staticmethod
    def resolve_lead_agency(page: CasePage) -> str | None:
        return CaseSummary.resolve_lead_agency(page.case)

    @staticmethod
    def resolve_opened_on(page: CasePage) -> dt.date:
        return page.case.opened_on

    @staticmethod
    def resolve_version(page: CasePage) -> int:
        return page.case.version

    @staticmethod
    def resolve_summary(page: CasePage) -> str:
        return page.case.summary if page.extra["shows_summary"] else ""

    @staticmethod
    def resolve_agencies(page: CasePage) -> list[dict[str, str]]:
        return [{"agency": p.agency.name, "role": p.role} for p in page.participants]


class AgencyLoadOut(Schema):
    agency: str
    referrals_waiting: int
    referrals_overdue: int
    tasks_overdue: int


class OverviewOut(Schema):
    """The coordinator's overview (built from ``overview.Overview``)."""

    open_total: int
    by_status: dict[str, int]
    by_exploitation: dict[str, int]
    agencies: list[AgencyLoadOut]
    without_lead: int
    stale: int

    @staticmethod
    def resolve_without_lead(data: Any) -> int:
        return int(data.without_lead_total)

    @staticmethod
    def resolve_stale(data: Any) -> int:
        return int(data.stale_total)


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
    # A likely duplicate is answered 409 with the candidates; send again with one of them
    # (``existing_person_id``) or with ``confirm_new`` to record someone new.
    existing_person_id: Id | None = None
    confirm_new: bool = False


class CandidateOut(Schema):
    """A person likely to be the one being added (built from ``duplicates.Candidate``)."""

    person_id: int
    name: str
    birth_date: dt.date | None
    score: float
    reasons: list[str]

    @staticmethod
    def resolve_person_id(candidate: Any) -> int:
        return int(candidate.person.pk)

    @staticmethod
    def resolve_birth_date(candidate: Any) -> dt.date | None:
        return candidate.person.birth_date


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]]


class PossibleDuplicatesOut(Schema):
    """The API's error shape, with the persons the caller chooses among."""

    error: ErrorBody
    candidates: list[CandidateOut]


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

    @staticmethod
    def resolve_case(referral: Any) -> str:
        return str(referral.case.reference)

    @staticmethod
    def resolve_from_agency(referral: Any) -> str:
        return str(referral.from_agency.name)

    @staticmethod
    def resolve_to_agency(referral: Any) -> str:
        return str(referral.to_agency.name)

    @staticmethod
    def resolve_overdue(referral: Any) -> bool:
        return bool(referral.is_overdue)


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

    @staticmethod
    def resolve_case(task: Any) -> str:
        return str(task.case.reference)

    @staticmethod
    def resolve_agency(task: Any) -> str:
        return str(task.agency.name)

    @staticmethod
    def resolve_overdue(task: Any) -> bool:
        return bool(task.is_overdue)


class TaskStateIn(Schema):
    state: str = Field(max_length=16)
    version: Version


class AssessmentIn(Schema):
    indicators: Codes


class AssessmentOut(Schema):
    score: float
    proposed_status: str
    proposed_referrals: list[str]
    explanation: list[str]
