"""Counts of cases, persons and referrals for the statistics of insights.

Every function answers with one or two SQL GROUP BY queries and returns only counts, keyed
by the codes of the categories: no record and no identity leaves this module. The caller
(``palermo.insights.services``) checks ``insights.view`` and puts every table through
disclosure control. Periods are inclusive days in the server's time zone.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from django.db import models
from django.db.models import (
    CharField,
    Count,
    FilteredRelation,
    Min,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.utils import timezone

from palermo.access.services import agencies as agency_services
from palermo.cases.models import Case, CasePerson, Referral
from palermo.cases.models.coordination import ReferralState

Counts = Counter[tuple[str, str]]
OPEN_STATES = (ReferralState.SENT, ReferralState.ACCEPTED)
VICTIM_STATUSES = ("possible_victim", "identified_victim", "")
# Upper bounds (exclusive) of the waiting-time intervals of vocab/statistical_categories.
INTERVALS = (("days.0", 1), ("days.1-7", 8), ("days.8-30", 31))


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The first instant of ``start`` and of the day after ``end``, so a range on an indexed
    timestamp column is used instead of a per-row date conversion."""
    zone = timezone.get_current_timezone()
    first = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return first, after


def sex_code(raw: str | None) -> str:
    return f"sex.{raw}" if raw in ("F", "M") else "sex.X"


GROUP_ROLES = ("victim", "suspect", "defendant", "offender")
STAGES = {"suspect": "stage.suspected", "defendant": "stage.prosecuted",
          "offender": "stage.convicted"}


def _year_of(first: dt.datetime, after: dt.datetime) -> models.Case:
    """The calendar year of ``added_at`` as a plain CASE of range tests: SQLite's per-row
    date extraction calls back into Python, a comparison of stored timestamps does not."""
    zone = timezone.get_current_timezone()
    whens = []
    for year in range(first.year, after.year + 1):
        begins = dt.datetime(year, 1, 1, tzinfo=zone)
        ends = dt.datetime(year + 1, 1, 1, tzinfo=zone)
        whens.append(When(added_at__gte=begins, added_at__lt=ends, then=Value(str(year))))
    return models.Case(*whens, default=Value(""), output_field=CharField())


def person_groups(start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Victims, suspects, defendants and offenders recorded in the period, counted in one
    GROUP BY over every attribute the statistics break them down by. The groups number in
    the hundreds or thousands whatever the number of persons; every table of persons is a
    sum over them, so the persons' table is read once for all of them. The JSON columns
    are grouped as text (PostgreSQL sorts text much faster than jsonb) and read back here."""
    first, after = _bounds(start, end)
    rows = (CasePerson.objects.filter(role__in=GROUP_ROLES, added_at__gte=first,
                                      added_at__lt=after)
            .annotate(age_group=models.Case(
                When(is_child=True, then=Value("child")),
                When(Q(person__birth_date__isnull=False)
                     | Q(person__estimated_age__isnull=False), then=Value("adult")),
                default=Value("unknown"), output_field=CharField()),
                      year=_year_of(first, after),
                      nationality=KeyTextTransform("0", "person__nationalities"),
                      forms=Cast("exploitation_types", TextField()))
            .values("role", "trafficking_status", "age_group", "industry", "person__sex",
                    "nationality", "forms", "year")
            .annotate(n=Count("id")).order_by())
    groups = list(rows)
    for group in groups:
        forms = json.loads(group.pop("forms") or "[]")
        group["exploitation_types"] = forms if isinstance(forms, list) else []
    return groups


def victims_by(dimension: str, start: dt.date, end: dt.date,
               groups: list[dict[str, Any]] | None = None) -> Counts:
    """Victims by (category, sex code). All but the status table count identified and
    presumed victims only; ``groups`` is ``person_groups`` of the period when the caller
    already has it."""
    key = {"age_groups": "age_group", "trafficking_statuses": "trafficking_status",
           "countries": "nationality", "industries": "industry",
           "year": "year", "exploitation_types": "exploitation_types"}.get(dimension)
    if key is None:
        raise ValueError(f"no victim statistics by {dimension!r}")
    counts: Counts = Counter()
    for row in groups if groups is not None else person_groups(start, end):
        if row["role"] != "victim" or (dimension != "trafficking_statuses"
                                       and row["trafficking_status"] not in VICTIM_STATUSES):
            continue
        sex = sex_code(row["person__sex"])
        if key == "exploitation_types":
            # Victims without forms of their own are counted from their case, below.
            for form in {f for f in row[key] or [] if isinstance(f, str)}:
                counts[(form, sex)] += row["n"]
            continue
        value = row[key]
        counts[(str(value) if value not in (None, "") else "unknown", sex)] += row["n"]
    if key == "exploitation_types":
        counts.update(_victims_by_case_form(start, end))
    return counts


def _victims_by_case_form(start: dt.date, end: dt.date) -> Counts:
    """Victims recorded in the period with no form of exploitation of their own, by each
    form named by their case (as users record it: on the case, not on each victim), or
    "unknown" when the case names none."""
    first, after = _bounds(start, end)
    case_form = FilteredRelation("case__terms",
                                 condition=Q(case__terms__vocabulary="exploitation_types"))
    rows = (CasePerson.objects.filter(role="victim", trafficking_status__in=VICTIM_STATUSES,
                                      added_at__gte=first, added_at__lt=after)
            .annotate(own=Cast("exploitation_types", TextField())).filter(own="[]")
            .annotate(case_form=case_form)
            .values("person__sex", "case_form__code").annotate(n=Count("id")).order_by())
    return Counter({(row["case_form__code"] or "unknown", sex_code(row["person__sex"])):
                    row["n"] for row in rows})


def persons_justice(start: dt.date, end: dt.date,
                    groups: list[dict[str, Any]] | None = None) -> Counts:
    """Persons recorded in the period as suspects, defendants or offenders, by sex."""
    counts: Counts = Counter()
    for row in groups if groups is not None else person_groups(start, end):
        if row["role"] in STAGES:
            counts[(STAGES[row["role"]], sex_code(row["person__sex"]))] += row["n"]
    return counts


def investigations(start: dt.date, end: dt.date) -> Counts:
    """Cases opened in the period by (form of exploitation, present status): a case counts
    once under each form it names, and under "unknown" when it names none, in one LEFT
    JOIN of the cases on their forms."""
    forms = FilteredRelation("terms", condition=Q(terms__vocabulary="exploitation_types"))
    rows = (Case.objects.filter(opened_on__range=(start, end)).annotate(form=forms)
            .values("form__code", "status").annotate(n=Count("*")).order_by())
    return Counter({(row["form__code"] or "unknown", row["status"]): row["n"] for row in rows})


def referral_groups(start: dt.date, end: dt.date,
                    today: dt.date | None = None) -> list[dict[str, Any]]:
    """Referrals sent in the period by receiving agency, state and whether they are open
    past their due day: one GROUP BY for both referral tables, answered from the index on
    (created_at, to_agency, state, due_on) without reading the referrals; the few agencies'
    names are looked up after."""
    first, after = _bounds(start, end)
    overdue = Q(state__in=OPEN_STATES, due_on__lt=today or timezone.localdate())
    rows = list(Referral.objects.filter(created_at__gte=first, created_at__lt=after)
                .annotate(late=models.Case(When(overdue, then=Value(True)), default=Value(False),
                                           output_field=models.BooleanField()))
                .values("to_agency_id", "state", "late").annotate(n=Count("*")).order_by())
    names = dict(agency_services.listing().filter(pk__in={r["to_agency_id"] for r in rows})
                 .values_list("id", "name"))
    for row in rows:
        row["to_agency__name"] = names[row.pop("to_agency_id")]
    return rows


def referrals_by_agency(start: dt.date, end: dt.date,
                        groups: list[dict[str, Any]] | None = None) -> Counts:
    """Referrals sent in the period by (receiving agency's name, state)."""
    counts: Counts = Counter()
    for row in groups if groups is not None else referral_groups(start, end):
        counts[(row["to_agency__name"], row["state"])] += row["n"]
    return counts


def referrals_overdue(start: dt.date, end: dt.date,
                      groups: list[dict[str, Any]] | None = None) -> Counts:
    """Referrals sent in the period, still open after their due day, by (agency, state)."""
    counts: Counts = Counter()
    for row in groups if groups is not None else referral_groups(start, end):
        if row["late"]:
            counts[(row["to_agency__name"], row["state"])] += row["n"]
    return counts


def time_to_shelter(start: dt.date, end: dt.date) -> Counts:
    """Victims whose status was decided in the period and who got a shelter place, by the
    interval from the decision to the first accepted shelter referral. A place given before
    the decision (while the person was presumed a victim) counts as the same day. One
    GROUP BY gives each such victim's decision and first place; the intervals are sorted
    here, which is the same arithmetic on both databases."""
    first, after = _bounds(start, end)
    rows = (Referral.objects.filter(
        reason="shelter", state__in=[ReferralState.ACCEPTED, ReferralState.DONE],
        responded_at__isnull=False, case_person__role="victim",
        case_person__status_decided_at__gte=first, case_person__status_decided_at__lt=after,
        case_person__trafficking_status__in=VICTIM_STATUSES[:2])
        .values("case_person_id", "case_person__status_decided_at")
        .annotate(sheltered_at=Min("responded_at")).order_by()
        .values_list("case_person__status_decided_at", "sheltered_at"))
    counts: Counts = Counter({(code, "count.persons"): 0 for code, _days in INTERVALS})
    counts[("days.31_plus", "count.persons")] = 0
    for decided, sheltered in rows:
        wait = sheltered - decided
        code = next((c for c, days in INTERVALS if wait < dt.timedelta(days=days)),
                    "days.31_plus")
        counts[(code, "count.persons")] += 1
    return counts


def tip_figures(start: dt.date, end: dt.date) -> dict[str, int]:
    """The case figures of the US TIP Report questionnaire for the period: investigations
    (cases opened), persons prosecuted (defendants recorded), victims identified (status
    decided as identified) and victims assisted (recorded victims with a referral that an
    agency accepted)."""
    first, after = _bounds(start, end)
    recorded = CasePerson.objects.filter(added_at__gte=first, added_at__lt=after)
    people = recorded.aggregate(
        prosecuted=Count("id", filter=Q(role="defendant")),
        assisted=Count("id", distinct=True, filter=Q(
            role="victim", referrals__state__in=[ReferralState.ACCEPTED, ReferralState.DONE])))
    identified = CasePerson.objects.filter(
        role="victim", trafficking_status="identified_victim", status_decided_at__gte=first,
        status_decided_at__lt=after).count()
    return {"tip.investigations": Case.objects.filter(opened_on__range=(start, end)).count(),
            "tip.prosecutions": people["prosecuted"],
            "tip.victims_identified": identified, "tip.victims_assisted": people["assisted"]}
