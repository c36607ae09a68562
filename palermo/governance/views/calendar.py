"""The month grid of meetings, deadlines and sessions, and its ICS export."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from palermo.governance.services import calendar
from palermo.guards import actor, requires
from palermo.web.forms import parse_int


def _month(value: str) -> tuple[int, int]:
    """``YYYY-MM`` from the query, or this month when it is missing or not a month. The
    grid links the months either side, so the first and last years a date holds are out."""
    year_text, _dash, month_text = value.partition("-")
    year = parse_int(year_text, None, dt.MINYEAR + 1, dt.MAXYEAR - 1)
    month = parse_int(month_text, None, 1, 12)
    if year is None or month is None:
        today = timezone.localdate()
        return today.year, today.month
    return year, month


@requires("governance.view")
def calendar_month(request: HttpRequest) -> HttpResponse:
    year, month = _month(request.GET.get("month", ""))
    first = dt.date(year, month, 1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    weeks = calendar.month(actor(request), year, month)
    return render(request, "governance/calendar.html", {
        "weeks": weeks, "first": first, "previous": previous, "following": following,
        "weekdays": [day.date for day in weeks[0]]})


@requires("governance.view")
def calendar_ics(request: HttpRequest) -> HttpResponse:
    body = calendar.ics(actor(request), base_url=request.build_absolute_uri("/").rstrip("/"),
                        request=request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="palermo-governance.ics"'
    return response
