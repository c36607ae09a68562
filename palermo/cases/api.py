"""Cases API under /api/v1/cases/: the same services, so the same rules, as the pages."""

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from palermo.access.permissions import Permission
from palermo.access.services import agencies
from palermo.cases import schemas
from palermo.cases.models import Case, Referral, Task
from palermo.cases.services import (
    assessment,
    cases,
    overview,
    persons,
    reading,
    referrals,
    tasks,
)
from palermo.cases.services.errors import ServiceError

router = Router(tags=["cases"])


def _summary(case: Case) -> dict[str, Any]:
    return {"id": case.pk, "reference": case.reference, "title": case.title,
            "status": case.status, "sensitivity": case.sensitivity,
            "lead_agency": case.lead_agency.name if case.lead_agency else None,
            "opened_on": case.opened_on, "version": case.version}


def _person(card: persons.PersonCard) -> dict[str, Any]:
    cp = card.case_person
    return {"id": cp.pk, "label": card.label, "role": cp.role,
            "identity_visible": card.shows_identity, "name": card.name,
            "aliases": card.aliases, "birth_date": card.birth_date, "is_child": cp.is_child,
            "trafficking_status": cp.trafficking_status}


def _referral(r: Referral) -> dict[str, Any]:
    return {"id": r.pk, "case": r.case.reference, "case_person_id": r.case_person_id,
            "from_agency": r.from_agency.name, "to_agency": r.to_agency.name,
            "reason": r.reason, "consent": r.consent, "state": r.state, "due_on": r.due_on,
            "overdue": r.is_overdue, "version": r.version}


def _task(t: Task) -> dict[str, Any]:
    return {"id": t.pk, "case": t.case.reference, "title": t.title, "agency": t.agency.name,
            "due_on": t.due_on, "priority": t.priority, "state": t.state,
            "overdue": t.is_overdue, "version": t.version}


def _agency(agency_id: int) -> Any:
    agency = agencies.listing().filter(pk=agency_id).first()
    if agency is None:
        raise ServiceError(_("There is no agency with this number."), field="agency_id")
    return agency


@router.get("/", response=list[schemas.CaseSummary], auth=Permission("cases.view"))
def case_list(request: HttpRequest, q: str = "", status: str = "", exploitation: str = "",
              limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    found = reading.search(request.auth, query=q, status=status,  # type: ignore[attr-defined]
                           exploitation=exploitation)
    return [_summary(c) for c in found[max(0, offset):max(0, offset) + min(max(limit, 1), 500)]]


@router.post("/", response={201: schemas.CaseSummary}, auth=Permission("cases.create"))
def case_create(request: HttpRequest, payload: schemas.CaseIn) -> Status[dict[str, Any]]:
    case = cases.open_case(actor=request.auth, request=request,  # type: ignore[attr-defined]
                           **payload.dict())
    return Status(201, _summary(case))


@router.get("/overview", auth=Permission("cases.coordinate"))
def case_overview(request: HttpRequest) -> dict[str, Any]:
    data = overview.build(request.auth)  # type: ignore[attr-defined]
    return {"open_total": data.open_total, "by_status": data.by_status,
            "by_exploitation": data.by_exploitation,
            "agencies": [a.__dict__ for a in data.agencies],
            "without_lead": data.without_lead_total, "stale": data.stale_total}


@router.get("/referrals", response=list[schemas.ReferralOut], auth=Permission("cases.refer"))
def referral_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [_referral(r) for r in referrals.inbox(request.auth)[:500]]  # type: ignore[attr-defined]


@router.post("/referrals/{referral_id}/answer", response=schemas.ReferralOut,
             auth=Permission("cases.refer"))
def referral_answer(request: HttpRequest, referral_id: int,
                    payload: schemas.ReferralAnswerIn) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    referral = referrals.inbox(user).filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    referral = referrals.answer(referral, payload.answer, actor=user, version=payload.version,
                                rejection_reason=payload.rejection_reason, note=payload.note,
                                request=request)
    return _referral(referral)


@router.get("/tasks", response=list[schemas.TaskOut], auth=Permission("cases.view"))
def task_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [_task(t) for t in tasks.for_user(request.auth)[:500]]  # type: ignore[attr-defined]


@router.get("/{case_id}", response=schemas.CaseOut, auth=Permission("cases.view"))
def case_detail(request: HttpRequest, case_id: int, reason: str = "") -> dict[str, Any]:
    page = reading.page(request.auth, case_id, request=request,  # type: ignore[attr-defined]
                        reason=reason)
    e = page.elements
    return {**_summary(page.case),
            "summary": page.case.summary if page.extra["shows_summary"] else "",
            "agencies": [{"agency": p.agency.name, "role": p.role} for p in page.participants],
            "classification": page.classification, "countries": page.countries,
            "elements": {"act": e.act, "means": e.means, "purpose": e.purpose,
                         "means_not_needed": e.means_not_needed,
                         "established": e.established, "missing": e.missing},
            "persons": [_person(card) for card in page.persons]}


@router.post("/{case_id}/status", response=schemas.CaseSummary, auth=Permission("cases.edit"))
def case_status(request: HttpRequest, case_id: int, payload: schemas.StatusIn
                ) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    case, _sight = reading.get_openable(user, case_id)
    if case.status == "closed":
        case = cases.reopen(case, actor=user, version=payload.version, note=payload.note,
                            request=request)
    else:
        case = cases.change_status(case, payload.status, actor=user, version=payload.version,
                                   reason=payload.reason, note=payload.note, request=request)
    return _summary(case)


@router.post("/{case_id}/persons", response={201: schemas.PersonOut},
             auth=Permission("cases.edit"))
def person_add(request: HttpRequest, case_id: int, payload: schemas.PersonIn,
               reason: str = "") -> Status[dict[str, Any]]:
    user = request.auth  # type: ignore[attr-defined]
    case, _sight = reading.get_openable(user, case_id)
    new = persons.NewPerson(
        names=payload.names, birth_date=payload.birth_date,
        estimated_age=payload.estimated_age, sex=payload.sex,
        nationalities=payload.nationalities, documents=[d.dict() for d in payload.documents])
    case_person = persons.add_to_case(case, new, payload.role, actor=user, request=request,
                                      exploitation_started_on=payload.exploitation_started_on)
    _cp, card = persons.get_visible(user, case_person.pk, request=request, reason=reason)
    return Status(201, _person(card))


@router.post("/{case_id}/tasks", response={201: schemas.TaskOut}, auth=Permission("cases.edit"))
def task_create(request: HttpRequest, case_id: int, payload: schemas.TaskIn
                ) -> Status[dict[str, Any]]:
    user = request.auth  # type: ignore[attr-defined]
    case, _sight = reading.get_openable(user, case_id)
    task = tasks.create(case, payload.title, actor=user, agency=_agency(payload.agency_id),
                        due_on=payload.due_on, priority=payload.priority, request=request)
    return Status(201, _task(task))


@router.get("/persons/{case_person_id}", response=schemas.PersonOut,
            auth=Permission("cases.view"))
def person_detail(request: HttpRequest, case_person_id: int, reason: str = "") -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    _cp, card = persons.get_visible(user, case_person_id, request=request, reason=reason)
    return _person(card)


@router.post("/persons/{case_person_id}/referrals", response={201: schemas.ReferralOut},
             auth=Permission("cases.refer"))
def referral_create(request: HttpRequest, case_person_id: int, payload: schemas.ReferralIn,
                    reason: str = "") -> Status[dict[str, Any]]:
    user = request.auth  # type: ignore[attr-defined]
    case_person, _card = persons.get_visible(user, case_person_id, request=request,
                                             reason=reason)
    referral = referrals.send(
        case_person, _agency(payload.to_agency_id), payload.reason, actor=user,
        consent=payload.consent, consent_override_reason=payload.consent_override_reason,
        due_on=payload.due_on, note=payload.note, request=request)
    return Status(201, _referral(referral))


@router.post("/persons/{case_person_id}/assessments", response={201: schemas.AssessmentOut},
             auth=Permission("cases.assess"))
def assess(request: HttpRequest, case_person_id: int, payload: schemas.AssessmentIn,
           reason: str = "") -> Status[dict[str, Any]]:
    user = request.auth  # type: ignore[attr-defined]
    case_person, _card = persons.get_visible(user, case_person_id, request=request,
                                             reason=reason)
    result = assessment.assess(case_person, payload.indicators, actor=user, request=request)
    return Status(201, {"score": result.score, "proposed_status": result.proposed_status,
                        "proposed_referrals": result.proposed_referrals,
                        "explanation": result.explanation})
