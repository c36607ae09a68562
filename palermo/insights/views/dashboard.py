"""The coordinator's statistics dashboard: a period, every indicator with its chart, its
table and the previous period beside it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.insights.services import dashboard
from palermo.insights.services.periods import Period, parse


def period_of(request: HttpRequest) -> tuple[Period, ServiceError | None]:
    """The period asked for, or this year with the error when the input is wrong."""
    try:
        return parse(request.GET.get("from"), request.GET.get("to"),
                     year=request.GET.get("year")), None
    except ServiceError as exc:
        return Period.year(timezone.localdate().year), exc


def presets() -> list[tuple[str, dict[str, str]]]:
    today = timezone.localdate()
    return [(str(year), {"year": str(year)}) for year in range(today.year, today.year - 5, -1)]


@requires("insights.view")
def home(request: HttpRequest) -> HttpResponse:
    period, error = period_of(request)
    board = dashboard.build(actor(request), period, request=request)
    return render(request, "insights/dashboard.html", {
        "board": board, "error": error, "years": presets(),
        "can_publish": request.user.has_perm("insights.publish")})
