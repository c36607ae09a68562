"""Cases API under /api/v1/cases/: the same services, so the same rules, as the pages. The
answers are the schemas of ``schemas.py``, built from what the services return."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Router, Status

from palermo.access.services import agencies
from palermo.cases import schemas
from palermo.cases.services import (
    assessment,
    cases,
    overview,
    persons,
    reading,
    referrals,
    tasks,
)
from palermo.cases.services.errors import PossibleDuplicates, ServiceError
from palermo.core.api import acting_user
from palermo.guards import Permission

if TYPE_CHECKING:
    from palermo.cases.models import Case, IndicatorAssessment, Referral, Task

router = Router(tags=["cases"])


def _agency(agency_id: int) -> Any:
    agency = agencies.listing().filter(pk=agency_id).first()
    if agency is None:
        raise ServiceError(_("There is no agency with this number."), field="agency_id")
    return agency


@router.get("/", response=list[schemas.CaseSummary], auth=Permission("cases.view"))
def case_list(request: HttpRequest, q: str = "", status: str = "", exploitation: str = "",
              limit: int = 100, offset: int = 0) -> list[Case]:
    found = reading.search(acting_user(request), query=q, status=status, exploitation=exploitation)
    return list(found[max(0, offset):max(0, offset) + min(max(limit, 1), 500)])


@router.post("/", response={201: schemas.CaseSummary}, auth=Permission("cases.create"))
def case_create(request: HttpRequest, payload: schemas.CaseIn) -> Status[Case]:
    return Status(201, cases.open_case(actor=acting_user(request), request=request,
                                       **payload.dict()))


@router.get("/overview", response=schemas.OverviewOut, auth=Permission("cases.coordinate"))
def case_overview(request: HttpRequest) -> overview.Overview:
    return overview.build(acting_user(request))


@router.get("/referrals", response=list[schemas.ReferralOut], auth=Permission("cases.refer"))
def referral_list(request: HttpRequest) -> list[Referral]:
    return list(referrals.inbox(acting_user(request))[:500])


@router.post("/referrals/{referral_id}/answer", response=schemas.ReferralOut,
             auth=Permission("cases.refer"))
def referral_answer(request: HttpRequest, referral_id: int,
                    payload: schemas.ReferralAnswerIn) -> Referral:
    user = acting_user(request)
    referral = referrals.inbox(user).filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    return referrals.answer(referral, payload.answer, actor=user, version=payload.version,
                            rejection_reason=payload.rejection_reason, note=payload.note,
                            request=request)


@router.get("/tasks", response=list[schemas.TaskOut], auth=Permission("cases.view"))
def task_list(request: HttpRequest) -> list[Task]:
    return list(tasks.for_user(acting_user(request))[:500])


@router.post("/tasks/{task_id}/state", response=schemas.TaskOut, auth=Permission("cases.edit"))
def task_state(request: HttpRequest, task_id: int, payload: schemas.TaskStateIn) -> Task:
    """Only the owning agency changes its tasks (``Task.may_change``), as on the task list."""
    task = tasks.for_agency(acting_user(request)).filter(pk=task_id).first()
    if task is None:
        raise Http404
    return tasks.set_state(task, payload.state, actor=acting_user(request), version=payload.version,
                           request=request)


@router.get("/{case_id}", response=schemas.CaseOut, auth=Permission("cases.view"))
def case_detail(request: HttpRequest, case_id: int, reason: str = "") -> reading.CasePage:
    return reading.page(acting_user(request), case_id, request=request, reason=reason)


@router.post("/{case_id}/status", response=schemas.CaseSummary, auth=Permission("cases.edit"))
def case_status(request: HttpRequest, case_id: int, payload: schemas.StatusIn) -> Case:
    """A closed case is reopened (``note`` says why); any other moves to ``status``."""
    user = acting_user(request)
    case, _sight = reading.get_openable(user, case_id)
    return cases.set_status(case, payload.status, actor=user, version=payload.version,
                            reason=payload.reason, note=payload.note, request=request)


@router.post("/{case_id}/persons", response={201: schemas.PersonOut},
             auth=Permission("cases.edit"))
def person_add(request: HttpRequest, case_id: int, payload: schemas.PersonIn,
               reason: str = "") -> Status[persons.PersonCard] | HttpResponse:
    """A person likely known already is not added twice: the answer is 409, the error
    (code ``possible_duplicates``) with ``candidates`` beside it (``[{"person_id", "name",
    "birth_date", "score", "reasons"}]``), and nothing is written until the request comes
    again with one of them (``existing_person_id``) or with ``confirm_new``."""
    user = acting_user(request)
    case, _sight = reading.get_openable(user, case_id)
    new = persons.NewPerson(
        names=payload.names, birth_date=payload.birth_date,
        estimated_age=payload.estimated_age, sex=payload.sex,
        nationalities=payload.nationalities, documents=[d.dict() for d in payload.documents])
    try:
        case_person = persons.add_unless_known(
            case, new, payload.role, actor=user, existing_id=payload.existing_person_id,
            confirm_new=payload.confirm_new, request=request,
            exploitation_started_on=payload.exploitation_started_on)
    except PossibleDuplicates as exc:
        # Documented as the API's one error shape, which the candidates extend.
        answer = schemas.PossibleDuplicatesOut.model_validate(
            {"error": {"code": exc.code, "message": exc.message,
                       "fields": {"existing_person_id": [exc.message]}},
             "candidates": exc.candidates})
        return JsonResponse(answer.model_dump(mode="json"), status=409)
    _cp, card = persons.get_visible(user, case_person.pk, request=request, reason=reason)
    return Status(201, card)


@router.post("/{case_id}/tasks", response={201: schemas.TaskOut}, auth=Permission("cases.edit"))
def task_create(request: HttpRequest, case_id: int, payload: schemas.TaskIn) -> Status[Task]:
    user = acting_user(request)
    case, _sight = reading.get_openable(user, case_id)
    return Status(201, tasks.create(case, payload.title, actor=user,
                                    agency=_agency(payload.agency_id), due_on=payload.due_on,
                                    priority=payload.priority, request=request))


@router.get("/persons/{case_person_id}", response=schemas.PersonOut,
            auth=Permission("cases.view"))
def person_detail(request: HttpRequest, case_person_id: int, reason: str = ""
                  ) -> persons.PersonCard:
    _cp, card = persons.get_visible(acting_user(request), case_person_id, request=request,
                                    reason=reason)
    return card


@router.post("/persons/{case_person_id}/referrals", response={201: schemas.ReferralOut},
             auth=Permission("cases.refer"))
def referral_create(request: HttpRequest, case_person_id: int, payload: schemas.ReferralIn,
                    reason: str = "") -> Status[Referral]:
    user = acting_user(request)
    case_person, _card = persons.get_visible(user, case_person_id, request=request,
                                             reason=reason)
    return Status(201, referrals.send(
        case_person, _agency(payload.to_agency_id), payload.reason, actor=user,
        consent=payload.consent, consent_override_reason=payload.consent_override_reason,
        due_on=payload.due_on, note=payload.note, request=request))


@router.post("/persons/{case_person_id}/assessments", response={201: schemas.AssessmentOut},
             auth=Permission("cases.assess"))
def assess(request: HttpRequest, case_person_id: int, payload: schemas.AssessmentIn,
           reason: str = "") -> Status[IndicatorAssessment]:
    user = acting_user(request)
    case_person, _card = persons.get_visible(user, case_person_id, request=request,
                                             reason=reason)
    return Status(201, assessment.assess(case_person, payload.indicators, actor=user,
                                         request=request))
