"""Meetings, action-item deadlines and parliamentary sessions as a month grid for the page
and as an iCalendar file (RFC 5545) for calendar programs."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import icalendar
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.governance.models import ActionItem, Meeting, ParliamentarySession
from palermo.governance.services import actions, meetings

if TYPE_CHECKING:
    from palermo.access.models import User

# The office works Sunday to Thursday; its weeks start on Sunday.
FIRST_WEEKDAY = pycalendar.SUNDAY
ICS_PAST = dt.timedelta(days=365)


@dataclass(frozen=True)
class Entry:
    kind: str  # "meeting", "deadline" or "session"
    title: str
    url: str
    at: dt.datetime | None = None  # meetings have a time; the others are whole days
    overdue: bool = False


@dataclass
class Day:
    date: dt.date
    in_month: bool
    today: bool
    entries: list[Entry] = field(default_factory=list)


def _entries(user: User, first: dt.date, last: dt.date) -> dict[dt.date, list[Entry]]:
    found: dict[dt.date, list[Entry]] = {}
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    for m in meetings.listing(user).filter(starts_at__gte=start, starts_at__lt=end) \
            .order_by("starts_at"):
        local = timezone.localtime(m.starts_at)
        found.setdefault(local.date(), []).append(Entry(
            "meeting", m.title, reverse("governance:meeting", args=[m.pk]), local))
    for item in actions.listing(user).filter(deadline__range=(first, last),
                                             status__in=actions.PENDING):
        found.setdefault(item.deadline, []).append(Entry(
            "deadline", item.title, reverse("governance:action", args=[item.pk]),
            overdue=item.is_overdue))
    for s in ParliamentarySession.objects.filter(held_on__range=(first, last)):
        url = reverse("governance:bill", args=[s.bill_id]) if s.bill_id else ""
        found.setdefault(s.held_on, []).append(Entry("session", s.forum, url))
    return found


def month(user: User, year: int, month_number: int) -> list[list[Day]]:
    """The weeks of a month, each day with its meetings, deadlines and sessions."""
    require(user, "governance.view")
    weeks = pycalendar.Calendar(FIRST_WEEKDAY).monthdatescalendar(year, month_number)
    entries = _entries(user, weeks[0][0], weeks[-1][-1])
    today = timezone.localdate()
    return [[Day(d, d.month == month_number, d == today, entries.get(d, [])) for d in week]
            for week in weeks]


def _meeting_event(meeting: Meeting, base_url: str, stamp: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@palermo")
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", (meeting.ends_at or meeting.starts_at + dt.timedelta(hours=1))
              .astimezone(dt.UTC))
    event.add("summary", f"{meeting.committee.name}: {meeting.title}")
    if meeting.location:
        event.add("location", meeting.location)
    if meeting.agenda:
        event.add("description", meeting.agenda)
    event.add("url", base_url + reverse("governance:meeting", args=[meeting.pk]))
    return event


def _deadline_event(item: ActionItem, base_url: str, stamp: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"action-item-{item.pk}@palermo")
    event.add("dtstamp", stamp)
    event.add("dtstart", item.deadline)
    event.add("dtend", item.deadline + dt.timedelta(days=1))
    event.add("summary", _("Deadline: %(title)s") % {"title": item.title})
    event.add("description", item.owner_agency.name)
    event.add("transp", "TRANSPARENT")
    event.add("url", base_url + reverse("governance:action", args=[item.pk]))
    return event


def ics(user: User, *, base_url: str = "", request: HttpRequest | None = None) -> bytes:
    """Meetings of the past year and to come, the deadlines of pending action items and the
    parliamentary sessions, as one calendar."""
    require(user, "governance.view")
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Palermo//Governance calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Committees and deadlines"))
    found = meetings.listing(user).filter(starts_at__gte=timezone.now() - ICS_PAST)
    items = actions.listing(user).filter(status__in=actions.PENDING)
    for meeting in found:
        cal.add_component(_meeting_event(meeting, base_url, stamp))
    for item in items:
        cal.add_component(_deadline_event(item, base_url, stamp))
    for session in ParliamentarySession.objects.filter(
            held_on__gte=timezone.localdate() - ICS_PAST):
        event = icalendar.Event()
        event.add("uid", f"parliamentary-session-{session.pk}@palermo")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.held_on)
        event.add("dtend", session.held_on + dt.timedelta(days=1))
        event.add("summary", session.forum)
        cal.add_component(event)
    audit.record("governance.calendar_export", actor=user, request=request,
                 object_type="calendar",
                 detail={"meetings": found.count(), "deadlines": items.count()})
    return cal.to_ical()
