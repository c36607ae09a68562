"""The month grid of meetings and deadlines, and the ICS export read back by icalendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.governance.services import calendar
from tests.conftest import sign_in
from tests.governance.factories import action_item, meeting

pytestmark = pytest.mark.django_db


def test_month_grid(people: dict[str, Any]) -> None:
    editor = people["coordinator"]
    meeting(editor, starts_at=dt.datetime(2026, 9, 14, 7, 0, tzinfo=dt.UTC))
    action_item(editor, people["police"], deadline=dt.date(2026, 9, 30), title="Raid report")
    weeks = calendar.month(people["investigator"], 2026, 9)
    assert all(len(week) == 7 for week in weeks)
    assert weeks[0][0].date.weekday() == 6  # Sunday
    days = {day.date: day for week in weeks for day in week}
    assert [e.kind for e in days[dt.date(2026, 9, 14)].entries] == ["meeting", "meeting"]
    assert [e.title for e in days[dt.date(2026, 9, 30)].entries] == ["Raid report"]
    client = sign_in(Client(), people["investigator"])
    page = client.get("/governance/calendar/?month=2026-09").content.decode()
    assert "Raid report" in page and "Quarterly meeting" in page
    assert client.get("/governance/calendar/?month=2026-13").status_code == 200


def test_ics_parses_back(people: dict[str, Any]) -> None:
    editor = people["coordinator"]
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3)
    meeting(editor, title="Meeting; with, commas", starts_at=start, location="Jerusalem",
            agenda="Item one\nItem two")
    action_item(editor, people["police"], deadline=dt.date(2030, 1, 31), title="Raid report")
    response = sign_in(Client(), people["investigator"]).get("/governance/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    assert str(parsed["VERSION"]) == "2.0"
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    meeting_event = next(e for uid, e in events.items() if uid.startswith("meeting-")
                         and "commas" in str(e["SUMMARY"]))
    assert meeting_event.decoded("DTSTART") == start
    assert str(meeting_event["DESCRIPTION"]) == "Item one\nItem two"
    deadline = next(e for e in events.values() if str(e["SUMMARY"]) == "Deadline: Raid report")
    assert deadline.decoded("DTSTART") == dt.date(2030, 1, 31)
    assert AuditEvent.objects.filter(action="governance.calendar_export").exists()
