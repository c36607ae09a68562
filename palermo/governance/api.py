"""Governance under /api/v1/governance/: committees, meetings, minutes, decisions and
action items, bills, and the calendar as ICS, through the same services as the pages. The
answers are the schemas of ``schemas.py``, built from what the services return."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status

from palermo.access.services import agencies
from palermo.access.services import users as user_services
from palermo.access.services.errors import ServiceError
from palermo.core.api import acting_user
from palermo.governance import schemas
from palermo.governance.models import (
    ActionItem,
    Bill,
    Committee,
    Decision,
    Meeting,
    Minutes,
    Position,
)
from palermo.governance.services import (
    actions,
    calendar,
    committees,
    legislation,
    meetings,
    minutes,
    plan,
)
from palermo.guards import Permission

router = Router(tags=["governance"])


def _agency(agency_id: int | None, field: str) -> Any:
    if agency_id is None:
        return None
    found = agencies.listing().filter(pk=agency_id).first()
    if found is None:
        raise ServiceError(_("No agency has this id."), field=field)
    return found


@router.get("/committees", response=list[schemas.CommitteeOut],
            auth=Permission("governance.view"))
def committee_list(request: HttpRequest) -> list[Committee]:
    return list(committees.listing(acting_user(request)).prefetch_related("members"))


@router.post("/committees", response={201: schemas.CommitteeOut},
             auth=Permission("governance.edit"))
def committee_create(request: HttpRequest, payload: schemas.CommitteeIn
                     ) -> Status[Committee]:
    return Status(201, committees.create(actor=acting_user(request), request=request,
                                         name=payload.name, kind=payload.kind,
                                         mandate=payload.mandate,
                                         chair_agency=_agency(payload.chair_agency_id,
                                                              "chair_agency_id")))


@router.get("/meetings", response=list[schemas.MeetingOut], auth=Permission("governance.view"))
def meeting_list(request: HttpRequest, committee_id: int | None = None) -> list[Meeting]:
    found = meetings.listing(acting_user(request))
    if committee_id:
        found = found.filter(committee_id=committee_id)
    return list(found[:500])


@router.post("/committees/{committee_id}/meetings", response={201: schemas.MeetingOut},
             auth=Permission("governance.edit"))
def meeting_create(request: HttpRequest, committee_id: int, payload: schemas.MeetingIn
                   ) -> Status[Meeting]:
    committee = get_object_or_404(committees.listing(acting_user(request)), pk=committee_id)
    return Status(201, meetings.create(committee, actor=acting_user(request), request=request,
                                       **payload.dict()))


def _get_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return get_object_or_404(meetings.listing(acting_user(request)), pk=meeting_id)


@router.post("/meetings/{meeting_id}/decisions", response={201: schemas.DecisionOut},
             auth=Permission("governance.edit"))
def decision_create(request: HttpRequest, meeting_id: int, payload: schemas.DecisionIn
                    ) -> Status[Decision]:
    user = acting_user(request)
    specs = []
    for n, item in enumerate(payload.items):
        owner = None
        if item.owner_id is not None:
            owner = user_services.listing(include_disabled=False).filter(
                pk=item.owner_id).first()
            if owner is None:
                raise ServiceError(_("No active user has this id."), field=f"items.{n}.owner_id")
        action = None
        if item.plan_action_id is not None:
            action = plan.actions(user).filter(pk=item.plan_action_id).first()
            if action is None:
                raise ServiceError(_("No action of the plan has this id."),
                                   field=f"items.{n}.plan_action_id")
        specs.append(actions.ItemSpec(
            title=item.title, owner_agency=_agency(item.owner_agency_id,
                                                   f"items.{n}.owner_agency_id"),
            deadline=item.deadline, owner=owner, plan_action=action))
    return Status(201, actions.record_decision(_get_meeting(request, meeting_id), payload.text,
                                               specs, actor=user, request=request))


@router.put("/meetings/{meeting_id}/minutes", response=schemas.MinutesOut,
            auth=Permission("governance.edit"))
def minutes_save(request: HttpRequest, meeting_id: int, payload: schemas.MinutesIn
                 ) -> Minutes:
    return minutes.save_draft(_get_meeting(request, meeting_id), payload.text,
                              actor=acting_user(request), version=payload.version,
                              request=request)


@router.post("/meetings/{meeting_id}/minutes/approve", response=schemas.MinutesOut,
             auth=Permission("governance.approve_minutes"))
def minutes_approve(request: HttpRequest, meeting_id: int, payload: schemas.VersionIn
                    ) -> Minutes:
    draft = minutes.draft_of(_get_meeting(request, meeting_id))
    if draft is None:
        raise ServiceError(_("There is no draft to approve."), field="state")
    return minutes.approve(draft, actor=acting_user(request), version=payload.version,
                           request=request)


@router.post("/meetings/{meeting_id}/minutes/correct", response={201: schemas.MinutesOut},
             auth=Permission("governance.edit"))
def minutes_correct(request: HttpRequest, meeting_id: int, payload: schemas.CorrectionIn
                    ) -> Status[Minutes]:
    return Status(201, minutes.correct(_get_meeting(request, meeting_id),
                                       actor=acting_user(request), reason=payload.reason,
                                       request=request))


@router.get("/actions", response=list[schemas.ActionItemOut],
            auth=Permission("governance.view"))
def action_list(request: HttpRequest, agency_id: int | None = None, status: str = "",
                overdue: bool = False) -> list[ActionItem]:
    found = actions.search(acting_user(request), agency_id=agency_id, status=status,
                           overdue=overdue)
    return list(found[:500])


@router.post("/actions/{action_id}/status", response=schemas.ActionItemOut,
             auth=Permission("governance.view"))
def action_status(request: HttpRequest, action_id: int, payload: schemas.ActionStatusIn
                  ) -> ActionItem:
    item = get_object_or_404(actions.listing(acting_user(request)), pk=action_id)
    return actions.set_status(item, payload.status, actor=acting_user(request),
                              version=payload.version, note=payload.note, request=request)


@router.get("/bills", response=list[schemas.BillOut], auth=Permission("governance.view"))
def bill_list(request: HttpRequest, stage: str = "", q: str = "") -> list[Bill]:
    return list(legislation.search(acting_user(request), q=q, stage=stage)[:500])


@router.post("/bills", response={201: schemas.BillOut}, auth=Permission("governance.edit"))
def bill_create(request: HttpRequest, payload: schemas.BillIn) -> Status[Bill]:
    return Status(201, legislation.create(actor=acting_user(request), request=request,
                                          **payload.dict()))


def _get_bill(request: HttpRequest, bill_id: int) -> Bill:
    return get_object_or_404(legislation.listing(acting_user(request)), pk=bill_id)


@router.post("/bills/{bill_id}/stage", response=schemas.BillOut,
             auth=Permission("governance.edit"))
def bill_stage(request: HttpRequest, bill_id: int, payload: schemas.StageIn
               ) -> Bill:
    return legislation.set_stage(_get_bill(request, bill_id), payload.stage, on=payload.on,
                                 actor=acting_user(request), version=payload.version,
                                 request=request)


@router.post("/bills/{bill_id}/positions", response={201: schemas.PositionOut},
             auth=Permission("governance.edit"))
def bill_position(request: HttpRequest, bill_id: int, payload: schemas.PositionIn
                  ) -> Status[Position]:
    return Status(201, legislation.write_position(_get_bill(request, bill_id), payload.text,
                                                  kind=payload.kind, note=payload.note,
                                                  actor=acting_user(request), request=request))


# Not a schema: the calendar is iCalendar (RFC 5545), the format calendar programs read.
@router.get("/calendar.ics", auth=Permission("governance.view"))
def calendar_ics(request: HttpRequest) -> HttpResponse:
    body = calendar.ics(acting_user(request), base_url=request.build_absolute_uri("/").rstrip("/"),
                        request=request)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
