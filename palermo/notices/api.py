"""Notices, travel alerts, diffusions and the INTERPOL format under /api/v1/notices/: the
same services, so the same rules, as the pages."""

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.access.permissions import Permission
from palermo.core.api import acting_user
from palermo.notices import schemas
from palermo.notices.models import Diffusion, Notice, TravelAlert, Trip
from palermo.notices.services import diffusions, interpol, lifecycle, notices, travel

router = Router(tags=["notices"])


def _out(notice: Notice) -> dict[str, Any]:
    return {**{name: getattr(notice, name) for name in notices.EDITABLE},
            "id": notice.pk, "state": notice.state, "source": notice.source,
            "external_id": notice.external_id,
            "issuing_agency": notice.issuing_agency.name, "expires_on": notice.expires_on,
            "suspended_until": notice.suspended_until,
            "renewal_requested": notice.renewal_requested, "version": notice.version}


def _get(request: HttpRequest, notice_id: int) -> Notice:
    return get_object_or_404(notices.visible(acting_user(request)), pk=notice_id)


@router.get("/", response=list[schemas.NoticeOut], auth=Permission("notices.view"))
def notice_list(request: HttpRequest, colour: str = "", state: str = "", country: str = "",
                expiring: bool = False) -> list[dict[str, Any]]:
    found = notices.search(acting_user(request), colour=colour, state=state,
                           country=country, expiring=expiring)
    return [_out(n) for n in found[:500]]


@router.post("/", response={201: schemas.NoticeOut}, auth=Permission("notices.issue"))
def notice_create(request: HttpRequest, payload: schemas.NoticeIn) -> Status[dict[str, Any]]:
    notice = notices.draft(actor=acting_user(request), request=request,
                           **payload.dict())
    return Status(201, _out(notice))


@router.get("/interpol", auth=Permission("notices.import"))
def interpol_export(request: HttpRequest, colour: str = "") -> dict[str, Any]:
    """Published notices in the JSON shape of INTERPOL's public notices web service."""
    return interpol.export_for(acting_user(request), colour=colour,
                               request=request)


@router.post("/interpol", response=schemas.ImportOut, auth=Permission("notices.import"))
def interpol_import(request: HttpRequest, colour: str = "", skip_bad: bool = False
                    ) -> dict[str, Any]:
    """The request body is the file: INTERPOL's list shape or notices on their own."""
    report = interpol.import_notices(request.body, actor=acting_user(request),
                                     colour=colour or None, skip_bad=skip_bad,
                                     request=request)
    return {"imported": report.imported, "created": report.created,
            "updated": report.updated, "skipped": report.skipped,
            "errors": [{"position": p, "reason": r} for p, r in report.errors]}


@router.get("/{notice_id}", response=schemas.NoticeOut, auth=Permission("notices.view"))
def notice_detail(request: HttpRequest, notice_id: int) -> dict[str, Any]:
    return _out(notices.read(_get(request, notice_id), actor=acting_user(request),
                             request=request))


@router.get("/{notice_id}/interpol", auth=Permission("notices.view"))
def notice_interpol(request: HttpRequest, notice_id: int) -> dict[str, Any]:
    notice = notices.read(_get(request, notice_id), actor=acting_user(request),
                          request=request)
    return interpol.detail(notice)


@router.get("/interpol/un/persons/{entity}", auth=Permission("notices.view"))
def notice_interpol_un(request: HttpRequest, entity: str) -> dict[str, Any]:
    return notice_interpol_link(request, "un", entity)


@router.get("/interpol/{notice_type}/{entity}", auth=Permission("notices.view"))
def notice_interpol_link(request: HttpRequest, notice_type: str, entity: str
                         ) -> dict[str, Any]:
    """One notice at the address its INTERPOL-shaped export links to (red/ISR-2026-17)."""
    notice = interpol.linked(acting_user(request), notice_type, entity)
    if notice is None:
        raise Http404
    return interpol.detail(notices.read(notice, actor=acting_user(request),
                                        request=request))


@router.post("/{notice_id}/submit", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_submit(request: HttpRequest, notice_id: int) -> dict[str, Any]:
    return _out(notices.submit(_get(request, notice_id), actor=acting_user(request),
                               request=request))


@router.post("/{notice_id}/review", response=schemas.NoticeOut,
             auth=Permission("notices.review"))
def notice_review(request: HttpRequest, notice_id: int, payload: schemas.ReviewIn
                  ) -> dict[str, Any]:
    return _out(notices.review(_get(request, notice_id), payload.checks,
                               actor=acting_user(request),
                               notes=payload.notes, request=request))


@router.post("/{notice_id}/withdraw", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_withdraw(request: HttpRequest, notice_id: int, payload: schemas.ReasonIn
                    ) -> dict[str, Any]:
    return _out(lifecycle.withdraw(_get(request, notice_id), actor=acting_user(request),
                                   reason=payload.reason, request=request))


@router.post("/{notice_id}/suspend", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_suspend(request: HttpRequest, notice_id: int, payload: schemas.SuspendIn
                   ) -> dict[str, Any]:
    return _out(lifecycle.suspend(_get(request, notice_id), actor=acting_user(request),
                                  until=payload.until, reason=payload.reason,
                                  request=request))


@router.post("/{notice_id}/cancel", response=schemas.NoticeOut,
             auth=Permission("notices.review"))
def notice_cancel(request: HttpRequest, notice_id: int, payload: schemas.ReasonIn
                  ) -> dict[str, Any]:
    return _out(lifecycle.cancel(_get(request, notice_id), actor=acting_user(request),
                                 reason=payload.reason, request=request))


@router.post("/{notice_id}/renewal", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_renewal(request: HttpRequest, notice_id: int, payload: schemas.ReasonIn
                   ) -> dict[str, Any]:
    return _out(lifecycle.request_renewal(_get(request, notice_id),
                                          actor=acting_user(request),
                                          reason=payload.reason, request=request))


def _trip_fields(trip: Trip) -> dict[str, Any]:
    return {"id": trip.pk, "notice_id": trip.notice_id, "source": trip.source,
            "to_country": trip.to_country, "from_country": trip.from_country,
            "departs_on": trip.departs_on, "returns_on": trip.returns_on,
            "carrier": trip.carrier, "note": trip.note}


def _trip_out(trip: Trip) -> dict[str, Any]:
    return {**_trip_fields(trip),
            "alerted_agencies": [a.agency.name for a in trip.alerts.select_related("agency")]}


@router.post("/{notice_id}/trips", response={201: schemas.TripOut},
             auth=Permission("notices.register_travel"))
def trip_register(request: HttpRequest, notice_id: int, payload: schemas.TripIn
                  ) -> Status[dict[str, Any]]:
    """A planned or detected trip of the subject: alerts the destination's agencies."""
    trip = travel.register_trip(_get(request, notice_id), actor=acting_user(request),
                                request=request, **payload.dict())
    return Status(201, _trip_out(trip))


def _name(user: Any) -> str | None:
    return user.full_name if user is not None else None


def _alert_out(alert: TravelAlert, user: Any) -> dict[str, Any]:
    notice, trip = alert.trip.notice, alert.trip
    return {"id": alert.pk, "notice_id": notice.pk, "colour": notice.colour,
            "subject_names": notice.subject_names,
            "requested_action": notice.requested_action,
            "trip": _trip_fields(trip), "agency": alert.agency.name,
            "created_at": alert.created_at, "acknowledged_at": alert.acknowledged_at,
            "acknowledged_by": _name(alert.acknowledged_by), "follow_up": alert.follow_up,
            "state": alert.state, "taken_by": _name(alert.taken_by), "taken_at": alert.taken_at,
            "closed_by": _name(alert.closed_by), "closed_at": alert.closed_at,
            "outcome": alert.outcome, "outcome_note": alert.outcome_note,
            "may_act": travel.may_act(alert, user), "version": alert.version}


def _travel_alert(request: HttpRequest, alert_id: int) -> TravelAlert:
    return get_object_or_404(travel.alerts_for(acting_user(request)), pk=alert_id)


@router.get("/travel-alerts/", response=list[schemas.TravelAlertOut],
            auth=Permission("notices.view"))
def travel_alert_list(request: HttpRequest, open_only: bool = False) -> list[dict[str, Any]]:
    """The caller's agency's travel alerts (every agency's for the coordinator), newest
    first; ``open_only``: those nobody has acknowledged yet."""
    user = acting_user(request)
    alerts = travel.alerts_for(user)
    if open_only:
        alerts = alerts.filter(acknowledged_at__isnull=True)
    return [_alert_out(a, user) for a in alerts[:500]]


@router.get("/travel-alerts/{alert_id}", response=schemas.TravelAlertOut,
            auth=Permission("notices.view"))
def travel_alert_detail(request: HttpRequest, alert_id: int) -> dict[str, Any]:
    user = acting_user(request)
    alert = travel.read_alert(_travel_alert(request, alert_id), actor=user, request=request)
    return _alert_out(alert, user)


@router.post("/travel-alerts/{alert_id}/acknowledge", response=schemas.TravelAlertOut,
             auth=Permission("notices.view"))
def travel_alert_acknowledge(request: HttpRequest, alert_id: int,
                             payload: schemas.FollowUpIn) -> dict[str, Any]:
    """Acknowledged by the agency alerted; a later call adds its ``follow_up``."""
    user = acting_user(request)
    return _alert_out(travel.acknowledge(_travel_alert(request, alert_id), actor=user,
                                         follow_up=payload.follow_up, version=payload.version,
                                         request=request), user)


def _step(request: HttpRequest, alert_id: int, name: str, version: int, outcome: str = "",
          note: str = "") -> dict[str, Any]:
    user = acting_user(request)
    alert = travel.step(_travel_alert(request, alert_id), name, actor=user, version=version,
                        outcome=outcome, note=note, request=request)
    return _alert_out(alert, user)


@router.post("/travel-alerts/{alert_id}/take-over", response=schemas.TravelAlertOut,
             auth=Permission("notices.view"))
def travel_alert_take_over(request: HttpRequest, alert_id: int,
                           payload: schemas.TravelAlertStepIn) -> dict[str, Any]:
    """The alert becomes the caller's to deal with (from a colleague who had it, too)."""
    return _step(request, alert_id, "take_over", payload.version)


@router.post("/travel-alerts/{alert_id}/close", response=schemas.TravelAlertOut,
             auth=Permission("notices.view"))
def travel_alert_close(request: HttpRequest, alert_id: int,
                       payload: schemas.TravelAlertCloseIn) -> dict[str, Any]:
    """Closed with an outcome from the ``alert_outcomes`` vocabulary; some outcomes need a
    note saying what was done."""
    return _step(request, alert_id, "close", payload.version, payload.outcome, payload.note)


def _diffusion_out(diffusion: Diffusion) -> dict[str, Any]:
    # A no-op when the list already fetched them for every diffusion at once.
    prefetch_related_objects([diffusion], "recipients__agency")
    return {"id": diffusion.pk, "colour": diffusion.colour, "purpose": diffusion.purpose,
            "body": diffusion.body, "subject_names": diffusion.subject_names,
            "sender_agency": diffusion.sender_agency.name, "sent_at": diffusion.sent_at,
            "state": diffusion.state,
            "recipients": [{"agency": r.agency.name, "acknowledged_at": r.acknowledged_at,
                            "response": r.response}
                           for r in diffusion.recipients.all()]}


@router.get("/diffusions/", response=list[schemas.DiffusionOut],
            auth=Permission("notices.view"))
def diffusion_list(request: HttpRequest) -> list[dict[str, Any]]:
    found = diffusions.visible(acting_user(request)).prefetch_related("recipients__agency")
    return [_diffusion_out(d) for d in found[:200]]


@router.post("/diffusions/", response={201: schemas.DiffusionOut},
             auth=Permission("notices.diffuse"))
def diffusion_send(request: HttpRequest, payload: schemas.DiffusionIn
                   ) -> Status[dict[str, Any]]:
    diffusion = diffusions.send(actor=acting_user(request), request=request,
                                **payload.dict())
    return Status(201, _diffusion_out(diffusion))


@router.post("/diffusions/{diffusion_id}/acknowledge", response=schemas.DiffusionOut,
             auth=Permission("notices.view"))
def diffusion_acknowledge(request: HttpRequest, diffusion_id: int,
                          payload: schemas.ResponseIn) -> dict[str, Any]:
    diffusion = get_object_or_404(diffusions.visible(acting_user(request)), pk=diffusion_id)
    diffusions.acknowledge(diffusion, actor=acting_user(request),
                           response=payload.response, request=request)
    return _diffusion_out(diffusion)


@router.post("/diffusions/{diffusion_id}/review", response=schemas.DiffusionOut,
             auth=Permission("notices.review"))
def diffusion_review(request: HttpRequest, diffusion_id: int, payload: schemas.ReviewIn
                     ) -> dict[str, Any]:
    diffusion = get_object_or_404(diffusions.visible(acting_user(request)), pk=diffusion_id)
    return _diffusion_out(diffusions.review(diffusion, payload.checks,
                                            actor=acting_user(request),
                                            notes=payload.notes, request=request))
