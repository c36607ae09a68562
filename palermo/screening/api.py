"""POST /api/v1/screening/check: the public contract of frontline screening; and the owning
agency's alerts under /api/v1/screening/alerts, through the same services as their pages."""

from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import ValidationError

from palermo.access.services.errors import ServiceError
from palermo.core.api import acting_user
from palermo.guards import Permission
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
def check(request: HttpRequest, payload: schemas.CheckIn) -> services.Result:
    return services.check(acting_user(request), to_query(payload),
                          post=payload.post, reason=payload.reason, request=request)


if settings.PALERMO_BENCH_ROUTES:
    @router.post("/_bench/check-shaped", response=schemas.CheckOut,
                 auth=Permission("screening.check"), include_in_schema=False)
    def bench_check_shaped(request: HttpRequest, payload: schemas.CheckIn) -> services.Result:
        """bench/bench_screening_http.py's floor for the check: its token, body and answer
        through the API, and nothing looked up or audited (routed only when benchmarking)."""
        return services.Result()


# Alerts: who may see and act on which is the alerts service's, as on the pages; the answers
# are ``schemas.AlertOut``, built from the alert for the acting user.

def _alert(request: HttpRequest, alert_id: int) -> Alert:
    return get_object_or_404(alerts.visible(acting_user(request)), pk=alert_id)


@router.get("/alerts", response=list[schemas.AlertOut], auth=Permission("screening.manage"))
def alert_list(request: HttpRequest,
               show: Literal["open", "closed", "all"] = "open") -> list[Alert]:
    """The caller's agency's alerts (every agency's for the coordinator), newest first, as
    the alerts page lists them: ``open`` (not closed yet), ``closed`` or ``all``."""
    return list(alerts.listing(acting_user(request), show)[:200])


@router.get("/alerts/{alert_id}", response=schemas.AlertOut,
            auth=Permission("screening.manage"))
def alert_detail(request: HttpRequest, alert_id: int) -> Alert:
    return alerts.read(_alert(request, alert_id), actor=acting_user(request), request=request)


def _step(request: HttpRequest, alert_id: int, name: str, version: int, outcome: str = "",
          note: str = "") -> Alert:
    return alerts.step(_alert(request, alert_id), name, actor=acting_user(request),
                       version=version, outcome=outcome, note=note, request=request)


@router.post("/alerts/{alert_id}/acknowledge", response=schemas.AlertOut,
             auth=Permission("screening.manage"))
def alert_acknowledge(request: HttpRequest, alert_id: int,
                      payload: schemas.AlertStepIn) -> Alert:
    return _step(request, alert_id, "acknowledge", payload.version)


@router.post("/alerts/{alert_id}/take-over", response=schemas.AlertOut,
             auth=Permission("screening.manage"))
def alert_take_over(request: HttpRequest, alert_id: int,
                    payload: schemas.AlertStepIn) -> Alert:
    """The alert becomes the caller's to deal with (from a colleague who had it, too)."""
    return _step(request, alert_id, "take_over", payload.version)


@router.post("/alerts/{alert_id}/close", response=schemas.AlertOut,
             auth=Permission("screening.manage"))
def alert_close(request: HttpRequest, alert_id: int,
                payload: schemas.AlertCloseIn) -> Alert:
    """Closed with an outcome from the ``alert_outcomes`` vocabulary; some outcomes need a
    note saying what was done."""
    return _step(request, alert_id, "close", payload.version, payload.outcome, payload.note)
