"""Who is trained: for each agency and profession, how many attended, when last, and how
many are due for a refresher (each course's refresher period counts from the last day of the
trainee's latest session of that course). Insights calls :func:`coverage`, which returns
counts only, never a name; :func:`due` lists the people to invite again, each an audited
read."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.training.models import Course, Registration, Trainee

if TYPE_CHECKING:
    from palermo.access.models import User

DUE_SOON = dt.timedelta(days=90)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _attended(today: dt.date, course_id: int | None, agency_id: int | None,
              profession: str) -> QuerySet[Registration]:
    attended = Registration.objects.filter(attended=True, session__ends_on__lte=today)
    if course_id:
        attended = attended.filter(session__course_id=course_id)
    if agency_id:
        attended = attended.filter(trainee__agency_id=agency_id)
    if profession:
        attended = attended.filter(trainee__profession=profession)
    return attended


@dataclass
class CoverageRow:
    agency_id: int | None
    agency: str  # the agency's name, or "" for trainees from elsewhere
    profession: str  # a code of vocab/professions.yaml
    trained: int = 0  # distinct people who attended at least one session
    last_trained: dt.date | None = None
    due: int = 0  # people with a refresher overdue or due within DUE_SOON
    next_due: dt.date | None = None


def coverage(*, actor: User | None = None, on: dt.date | None = None,
             course_id: int | None = None, agency_id: int | None = None,
             profession: str = "") -> list[CoverageRow]:
    """Rows by agency and profession, sorted by agency name then profession. ``actor`` is
    checked for ``training.view`` when given; a system caller (a report) passes none."""
    if actor is not None:
        require(actor, "training.view")
    today = on or timezone.localdate()
    attended = _attended(today, course_id, agency_id, profession)
    # (trainee, course) -> last day attended; one pass over the rows, no query per person.
    latest: dict[tuple[int, int], dt.date] = {}
    people: dict[int, tuple[int | None, str, str]] = {}
    refresher: dict[int, int] = {}
    for row in attended.values_list("trainee_id", "trainee__agency_id", "trainee__agency__name",
                                    "trainee__profession", "session__course_id",
                                    "session__course__refresher_months", "session__ends_on"):
        trainee, agency, name, job, course, months, ended = row
        people[trainee] = (agency, name or "", job)
        refresher[course] = months
        key = (trainee, course)
        if key not in latest or latest[key] < ended:
            latest[key] = ended
    rows: dict[tuple[int | None, str], CoverageRow] = {}
    person_due: dict[int, dt.date] = {}
    for (person, course), ended in latest.items():
        agency_key, agency_name, job = people[person]
        entry = rows.setdefault((agency_key, job), CoverageRow(agency_key, agency_name, job))
        if entry.last_trained is None or entry.last_trained < ended:
            entry.last_trained = ended
        if refresher[course]:
            due_on = add_months(ended, refresher[course])
            if person not in person_due or due_on < person_due[person]:
                person_due[person] = due_on
    for person, (agency_key, _name, job) in people.items():
        entry = rows[(agency_key, job)]
        entry.trained += 1
        next_due = person_due.get(person)
        if next_due is not None:
            if next_due <= today + DUE_SOON:
                entry.due += 1
            if entry.next_due is None or next_due < entry.next_due:
                entry.next_due = next_due
    return sorted(rows.values(), key=lambda r: (r.agency == "", r.agency, r.profession))


@dataclass(frozen=True)
class Due:
    trainee: Trainee
    course: Course
    last_attended: dt.date
    due_on: dt.date


def due(*, actor: User, on: dt.date | None = None, course_id: int | None = None,
        agency_id: int | None = None, profession: str = "",
        request: HttpRequest | None = None) -> list[Due]:
    """The people whose refresher of a course is overdue or due within DUE_SOON, soonest
    first: whom to invite to the next session. Each person listed is an audited read."""
    require(actor, "training.view")
    today = on or timezone.localdate()
    latest = (_attended(today, course_id, agency_id, profession)
              .filter(session__course__refresher_months__gt=0)
              .values("trainee_id", "session__course_id")
              .annotate(last=Max("session__ends_on")))
    people = Trainee.objects.select_related("agency").in_bulk(
        {row["trainee_id"] for row in latest})
    found_courses = Course.objects.in_bulk({row["session__course_id"] for row in latest})
    found = []
    for row in latest:
        course = found_courses[row["session__course_id"]]
        due_on = add_months(row["last"], course.refresher_months)
        if due_on <= today + DUE_SOON:
            found.append(Due(people[row["trainee_id"]], course, row["last"], due_on))
    found.sort(key=lambda d: (d.due_on, d.trainee.full_name))
    audit.record_reads(actor, "trainee", [(d.trainee.pk, {"refresher": d.course.pk})
                                          for d in found], request=request)
    return found
