"""Notices, travel alerts, diffusions and the INTERPOL format under /api/v1/notices/: the
same services, so the same rules, as the pages. The answers are the schemas of
``schemas.py``, built from what the services return; the INTERPOL routes answer INTERPOL's
own documents."""

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.core.api import acting_user
from palermo.guards import Permission
from palermo.notices import schemas
from palermo.notices.models import Diffusion, Notice, TravelAlert, Trip
from palermo.notices.services import diffusions, interpol, lifecycle, notices, travel

router = Router(tags=["notices"])


def _get(request: HttpRequest, notice_id: int) -> Notice:
    return get_object_or_404(notices.visible(acting_user(request)), pk=notice_id)


@router.get("/", response=list[schemas.NoticeOut], auth=Permission("notices.view"))
def notice_list(request: HttpRequest, colour: str = "", state: str = "", country: str = "",
                expiring: bool = False) -> list[Notice]:
    found = notices.search(acting_user(request), colour=colour, state=state,
                           country=country, expiring=expiring)
    return list(found[:500])


@router.post("/", response={201: schemas.NoticeOut}, auth=Permission("notices.issue"))
def notice_create(request: HttpRequest, payload: schemas.NoticeIn) -> Status[Notice]:
    return Status(201, notices.draft(actor=acting_user(request), request=request,
                                     **payload.dict()))


# A plain document, not a schema: the answer is INTERPOL's own list format.
@router.get("/interpol", auth=Permission("notices.import"))
def interpol_export(request: HttpRequest, colour: str = "") -> dict[str, Any]:
    """Published notices in the JSON shape of INTERPOL's public notices web service."""
    return interpol.export_for(acting_user(request), colour=colour,
                               request=request)


@router.post("/interpol", response=schemas.ImportOut, auth=Permission("notices.import"))
def interpol_import(request: HttpRequest, colour: str = "", skip_bad: bool = False
                    ) -> interpol.ImportReport:
    """The request body is the file: INTERPOL's list shape or notices on their own."""
    return interpol.import_notices(request.body, actor=acting_user(request),
                                   colour=colour or None, skip_bad=skip_bad, request=request)


@router.get("/{notice_id}", response=schemas.NoticeOut, auth=Permission("notices.view"))
def notice_detail(request: HttpRequest, notice_id: int) -> Notice:
    return notices.read(_get(request, notice_id), actor=acting_user(request), request=request)


# A plain document, not a schema: the answer is INTERPOL's own notice format.
@router.get("/{notice_id}/interpol", auth=Permission("notices.view"))
def notice_interpol(request: HttpRequest, notice_id: int) -> dict[str, Any]:
    notice = notices.read(_get(request, notice_id), actor=acting_user(request),
                          request=request)
    return interpol.detail(notice)


# A plain document, not a schema: the answer is INTERPOL's own notice format.
@router.get("/interpol/un/persons/{entity}", auth=Permission("notices.view"))
def notice_interpol_un(request: HttpRequest, entity: str) -> dict[str, Any]:
    return notice_interpol_link(request, "un", entity)


# A plain document, not a schema: the answer is INTERPOL's own notice format.
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
def notice_submit(request: HttpRequest, notice_id: int) -> Notice:
    return notices.submit(_get(request, notice_id), actor=acting_user(request), request=request)


@router.post("/{notice_id}/review", response=schemas.NoticeOut,
             auth=Permission("notices.review"))
def notice_review(request: HttpRequest, notice_id: int, payload: schemas.ReviewIn
                  ) -> Notice:
    return notices.review(_get(request, notice_id), payload.checks, actor=acting_user(request),
                          notes=payload.notes, request=request)


@router.post("/{notice_id}/withdraw", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_withdraw(request: HttpRequest, notice_id: int, payload: schemas.ReasonIn
                    ) -> Notice:
    return lifecycle.withdraw(_get(request, notice_id), actor=acting_user(request),
                              reason=payload.reason, request=request)


@router.post("/{notice_id}/suspend", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_suspend(request: HttpRequest, notice_id: int, payload: schemas.SuspendIn
                   ) -> Notice:
    return lifecycle.suspend(_get(request, notice_id), actor=acting_user(request),
                             until=payload.until, reason=payload.reason, request=request)


@router.post("/{notice_id}/cancel", response=schemas.NoticeOut,
             auth=Permission("notices.review"))
def notice_cancel(request: HttpRequest, notice_id: int, payload: schemas.ReasonIn
                  ) -> Notice:
    return lifecycle.cancel(_get(request, notice_id), actor=acting_user(request),
                            reason=payload.reason, request=request)


@router.post("/{notice_id}/renewal", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_renewal(request: HttpRequest, notice_id: int, payload: schemas.ReasonIn
                   ) -> Notice:
    return lifecycle.request_renewal(_get(request, notice_id), actor=acting_user(request),
                                     reason=payload.reason, request=request)


@router.post("/{notice_id}/trips", response={201: schemas.TripOut},
             auth=Permission("notices.register_travel"))
def trip_register(request: HttpRequest, notice_id: int, payload: schemas.TripIn
                  ) -> Status[Trip]:
    """A planned or detected trip of the subject: alerts the destination's agencies."""
    return Status(201, travel.register_trip(_get(request, notice_id), actor=acting_user(request),
                                            request=request, **payload.dict()))


def _travel_alert(request: HttpRequest, alert_id: int) -> TravelAlert:
    return get_object_or_404(travel.alerts_for(acting_user(request)), pk=alert_id)


@router.get("/travel-alerts/", response=list[schemas.TravelAlertOut],
            auth=Permission("notices.view"))
def travel_alert_list(request: HttpRequest, open_only: bool = False) -> list[TravelAlert]:
    """The caller's agency's travel alerts (every agency's for the coordinator), newest
    first; ``open_only``: those nobody has acknowledged yet."""
    alerts = travel.alerts_for(acting_user(request))
    if open_only:
        alerts = alerts.filter(acknowledged_at__isnull=True)
    return list(alerts[:500])


@router.get("/travel-alerts/{alert_id}", response=schemas.TravelAlertOut,
            auth=Permission("notices.view"))
def travel_alert_detail(request: HttpRequest, alert_id: int) -> TravelAlert:
    return travel.read_alert(_travel_alert(request, alert_id), actor=acting_user(request),
                             request=request)


@router.post("/travel-alerts/{alert_id}/acknowledge", response=schemas.TravelAlertOut,
             auth=Permission("notices.view"))
def travel_alert_acknowledge(request: HttpRequest, alert_id: int,
                             payload: schemas.FollowUpIn) -> TravelAlert:
    """Acknowledged by the agency alerted; a later call adds its ``follow_up``."""
    return travel.acknowledge(_travel_alert(request, alert_id), actor=acting_user(request),
                              follow_up=payload.follow_up, version=payload.version,
                              request=request)


def _step(request: HttpRequest, alert_id: int, name: str, version: int, outcome: str = "",
          note: str = "") -> TravelAlert:
    return travel.step(_travel_alert(request, alert_id), name, actor=acting_user(request),
                       version=version, outcome=outcome, note=note, request=request)


@router.post("/travel-alerts/{alert_id}/take-over", response=schemas.TravelAlertOut,
             auth=Permission("notices.view"))
def travel_alert_take_over(request: HttpRequest, alert_id: int,
                           payload: schemas.TravelAlertStepIn) -> TravelAlert:
    """The alert becomes the caller's to deal with (from a colleague who had it, too)."""
    return _step(request, alert_id, "take_over", payload.version)


@router.post("/travel-alerts/{alert_id}/close", response=schemas.TravelAlertOut,
             auth=Permission("notices.view"))
def travel_alert_close(request: HttpRequest, alert_id: int,
                       payload: schemas.TravelAlertCloseIn) -> TravelAlert:
    """Closed with an outcome from the ``alert_outcomes`` vocabulary; some outcomes need a
    note saying what was done."""
    return _step(request, alert_id, "close", payload.version, payload.outcome, payload.note)


@router.get("/diffusions/", response=list[schemas.DiffusionOut],
            auth=Permission("notices.view"))
def diffusion_list(request: HttpRequest) -> list[Diffusion]:
    found = diffusions.visible(acting_user(request)).prefetch_related("recipients__agency")
    return list(found[:200])


@router.post("/diffusions/", response={201: schemas.DiffusionOut},
             auth=Permission("notices.diffuse"))
def diffusion_send(request: HttpRequest, payload: schemas.DiffusionIn
                   ) -> Status[Diffusion]:
    return Status(201, diffusions.send(actor=acting_user(request), request=request,
                                       **payload.dict()))


@router.post("/diffusions/{diffusion_id}/acknowledge", response=schemas.DiffusionOut,
             auth=Permission("notices.view"))
def diffusion_acknowledge(request: HttpRequest, diffusion_id: int,
                          payload: schemas.ResponseIn) -> Diffusion:
    diffusion = get_object_or_404(diffusions.visible(acting_user(request)), pk=diffusion_id)
    diffusions.acknowledge(diffusion, actor=acting_user(request),
                           response=payload.response, request=request)
    return diffusion


@router.post("/diffusions/{diffusion_id}/review", response=schemas.DiffusionOut,
             auth=Permission("notices.review"))
def diffusion_review(request: HttpRequest, diffusion_id: int, payload: schemas.ReviewIn
                     ) -> Diffusion:
    diffusion = get_object_or_404(diffusions.visible(acting_user(request)), pk=diffusion_id)
    return diffusions.review(diffusion, payload.checks, actor=acting_user(request),
                             notes=payload.notes, request=request)
