"""The counts behind the statistics, against data whose true figures are known: each query
is checked for what it counts, once and only once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from palermo.cases.models import CasePerson, Referral
from palermo.cases.services import referrals, statistics
from tests.cases.factories import open_case
from tests.insights.factories import office, victims

pytestmark = pytest.mark.django_db


def this_year() -> tuple[dt.date, dt.date]:
    year = timezone.localdate().year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def test_investigations_count_a_case_under_each_form_and_unknown_without_one() -> None:
    people = office()
    open_case(people.police, title="Two forms", classification={
        "exploitation_types": ["ForcedLabour", "SexualExploitation"]})
    open_case(people.police, title="One form")
    open_case(people.police, title="No form", classification={
        "palermo_acts": ["recruitment"]})
    counts = statistics.investigations(*this_year())
    assert counts == {("ForcedLabour", "reported"): 2, ("SexualExploitation", "reported"): 1,
                      ("unknown", "reported"): 1}
    last_year = timezone.localdate().year - 1
    assert statistics.investigations(dt.date(last_year, 1, 1), dt.date(last_year, 12, 31)) == {}


def test_time_to_shelter_takes_each_victims_first_accepted_place() -> None:
    people = office()
    same_day, three_days, forty_days, early = victims(people, 4, shelter=True)
    decided = timezone.now() - dt.timedelta(days=50)
    CasePerson.objects.filter(pk__in=[v.pk for v in (same_day, three_days, forty_days, early)]
                              ).update(status_decided_at=decided)
    places = Referral.objects.filter(reason="shelter")
    places.filter(case_person=same_day).update(responded_at=decided + dt.timedelta(hours=5))
    places.filter(case_person=three_days).update(responded_at=decided + dt.timedelta(days=3))
    places.filter(case_person=forty_days).update(responded_at=decided + dt.timedelta(days=40))
    # A place given while the person was only presumed a victim counts as the same day.
    places.filter(case_person=early).update(responded_at=decided - dt.timedelta(days=2))
    places.update(state="done")
    # A second, later place does not count the victim twice; a refused one not at all.
    later = referrals.send(three_days, people.welfare.agency, "shelter", actor=people.police,
                           consent="given")
    referrals.accept(later, actor=people.welfare, version=later.version)
    refused = referrals.send(forty_days, people.welfare.agency, "shelter", actor=people.police,
                             consent="given")
    Referral.objects.filter(pk=refused.pk).update(state="refused", responded_at=decided)
    start, end = this_year()
    if decided.date() < start:
        start = decided.date()
    counts = statistics.time_to_shelter(start, end)
    assert counts == {("days.0", "count.persons"): 2, ("days.1-7", "count.persons"): 1,
                      ("days.8-30", "count.persons"): 0, ("days.31_plus", "count.persons"): 1}


def test_referral_groups_name_the_agency_and_mark_the_overdue() -> None:
    people = office()
    on_time, late, accepted = victims(people, 3)
    for victim in (on_time, late, accepted):
        referrals.send(victim, people.welfare.agency, "shelter", actor=people.police,
                       consent="given", due_on=timezone.localdate() + dt.timedelta(days=3))
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    Referral.objects.filter(case_person=late).update(due_on=yesterday)
    Referral.objects.filter(case_person=accepted).update(state="done", due_on=yesterday)
    groups = statistics.referral_groups(*this_year())
    by_key = {(g["to_agency__name"], g["state"], g["late"]): g["n"] for g in groups}
    assert by_key == {("Welfare Ministry", "sent", False): 1,
                      ("Welfare Ministry", "sent", True): 1,
                      ("Welfare Ministry", "done", False): 1}
    assert statistics.referrals_overdue(*this_year(), groups) == {
        ("Welfare Ministry", "sent"): 1}
