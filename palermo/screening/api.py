"""POST /api/v1/screening/check: the public contract of frontline screening; and the owning
agency's alerts under /api/v1/screening/alerts, through the same services as their pages."""

from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import ValidationError

from palermo.access.permissions import Permission
from palermo.access.services.errors import ServiceError
from palermo.core.api import acting_user
from palermo.screening import alerts, schemas, services
from palermo.screening.models import Alert

router = Router(tags=["screening"])


def to_query(payload: schemas.CheckIn) -> services.Query:
    query = services.interpret(payload.q) if payload.q.strip() else services.Query()
    query.mrz = payload.mrz or query.mrz
    if payload.document:
        query.document_number = payload.document.number
        query.issuing_state = payload.document.issuing_state
    if payload.vehicle:
        query.vin, query.plate = payload.vehicle.vin, payload.vehicle.plate
        query.plate_country = payload.vehicle.country
    if payload.person:
        try:
            birth = services.birth_date(payload.person.birth_date)
        except ServiceError as exc:  # a malformed field, as pydantic's own refusals: 422
            raise ValidationError([{"loc": ("body", "person", "birth_date"),
                                    "msg": exc.message}]) from None
        query.name, query.birth_date = payload.person.name, birth
        query.nationality, query.sex = payload.person.nationality, payload.person.sex
    return query


@router.post("/check", response=schemas.CheckOut, auth=Permission("screening.check"))
def check(request: HttpRequest, payload: schemas.CheckIn) -> dict[str, Any]:
    result = services.check(acting_user(request), to_query(payload),
                            post=payload.post, reason=payload.reason, request=request)
    return {"hits": [hit.__dict__ for hit in result.hits], "mrz": result.mrz,
            "warnings": result.warnings, "took_ms": result.took_ms}


# Alerts: who may see and act on which is the alerts service's, as on the pages.

def _name(user: Any) -> str | None:
    return user.full_name if user is not None else None


def _alert_out(alert: Alert, user: Any) -> dict[str, Any]:
    return {
        "id": alert.pk, "kind": alert.kind, "agency": alert.agency.name, "score": alert.score,
        "record": alerts.record_shown(alert, user), "name_shown": alerts.shows_name(alert, user),
        "query": alert.query, "notice_id": alert.notice_id, "check_seq": alert.check_seq,
        "post": alert.post, "checked_by": alert.checked_by.full_name,
        "checked_by_agency": alert.checked_by.agency.name, "checked_at": alert.checked_at,
        "state": alert.state, "acknowledged_by": _name(alert.acknowledged_by),
        "acknowledged_at": alert.acknowledged_at, "taken_by": _name(alert.taken_by),
        "taken_at": alert.taken_at, "closed_by": _name(alert.closed_by),
        "closed_at": alert.closed_at, "outcome": alert.outcome,
        "outcome_note": alert.outcome_note, "may_act": alerts.may_act(alert, user),
        "links": alerts.links(alert, user), "version": alert.version}


def _alert(request: HttpRequest, alert_id: int) -> Alert:
    return get_object_or_404(alerts.visible(acting_user(request)), pk=alert_id)


@router.get("/alerts", response=list[schemas.AlertOut], auth=Permission("screening.manage"))
def alert_list(request: HttpRequest,
               show: Literal["open", "closed", "all"] = "open") -> list[dict[str, Any]]:
    """The caller's agency's alerts (every agency's for the coordinator), newest first, as
    the alerts page lists them: ``open`` (not closed yet), ``closed`` or ``all``."""
    user = acting_user(request)
    return [_alert_out(alert, user) for alert in alerts.listing(user, show)[:200]]


@router.get("/alerts/{alert_id}", response=schemas.AlertOut,
            auth=Permission("screening.manage"))
def alert_detail(request: HttpRequest, alert_id: int) -> dict[str, Any]:
    user = acting_user(request)
    return _alert_out(alerts.read(_alert(request, alert_id), actor=user, request=request), user)


def _step(request: HttpRequest, alert_id: int, name: str, version: int, outcome: str = "",
          note: str = "") -> dict[str, Any]:
    user = acting_user(request)
    alert = alerts.step(_alert(request, alert_id), name, actor=user, version=version,
                        outcome=outcome, note=note, request=request)
    return _alert_out(alert, user)


@router.post("/alerts/{alert_id}/acknowledge", response=schemas.AlertOut,
             auth=Permission("screening.manage"))
def alert_acknowledge(request: HttpRequest, alert_id: int,
                      payload: schemas.AlertStepIn) -> dict[str, Any]:
    return _step(request, alert_id, "acknowledge", payload.version)


@router.post("/alerts/{alert_id}/take-over", response=schemas.AlertOut,
             auth=Permission("screening.manage"))
def alert_take_over(request: HttpRequest, alert_id: int,
                    payload: schemas.AlertStepIn) -> dict[str, Any]:
    """The alert becomes the caller's to deal with (from a colleague who had it, too)."""
    return _step(request, alert_id, "take_over", payload.version)


@router.post("/alerts/{alert_id}/close", response=schemas.AlertOut,
             auth=Permission("screening.manage"))
def alert_close(request: HttpRequest, alert_id: int,
                payload: schemas.AlertCloseIn) -> dict[str, Any]:
    """Closed with an outcome from the ``alert_outcomes`` vocabulary; some outcomes need a
    note saying what was done."""
    return _step(request, alert_id, "close", payload.version, payload.outcome, payload.note)
