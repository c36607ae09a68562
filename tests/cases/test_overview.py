"""The coordinator's overview: right counts, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from palermo.cases.models import Case, Referral, Task
from palermo.cases.services import overview, referrals, tasks
from tests.access.factories import AgencyFactory
from tests.cases.factories import add_person, open_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def _build(police: Any, social: Any, n: int) -> None:
    for i in range(n):
        case = open_case(police, title=f"Case {i}")
        victim = add_person(case, police, f"Victim {i}")
        referrals.send(victim, social.agency, "shelter", actor=police, consent="given")
        tasks.create(case, "Statement", actor=police, agency=police.agency)


def test_overview_counts(user_with: Any) -> None:
    police = user_with("investigator", agency=AgencyFactory(name="Police"))
    social = user_with("social_worker", agency=AgencyFactory(name="Welfare", kind="welfare"))
    coordinator = user_with("coordinator", agency=AgencyFactory(name="Coordinator",
                                                                kind="coordinator"))
    _build(police, social, 3)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    Referral.objects.filter(case__title="Case 0").update(due_on=yesterday)
    Task.objects.filter(case__title__in=["Case 0", "Case 1"]).update(due_on=yesterday)
    Case.objects.filter(title="Case 2").update(lead_agency=None,
                                               last_activity_at=timezone.now()
                                               - dt.timedelta(days=40))
    data = overview.build(coordinator)
    assert data.open_total == 3
    assert data.by_status == {"reported": 3}
    assert data.by_exploitation == {"ForcedLabour": 3}
    loads = {a.agency: a for a in data.agencies}
    assert (loads["Welfare"].referrals_waiting, loads["Welfare"].referrals_overdue) == (3, 1)
    assert loads["Police"].tasks_overdue == 2
    assert [c.title for c in data.without_lead] == ["Case 2"]
    assert [c.title for c in data.stale] == ["Case 2"] and data.stale_total == 1


def test_overview_and_case_page_make_no_n_plus_one(user_with: Any) -> None:
    police = user_with("investigator", agency=AgencyFactory(name="Police"))
    social = user_with("social_worker", agency=AgencyFactory(name="Welfare", kind="welfare"))
    coordinator = user_with("coordinator", agency=AgencyFactory(name="Coordinator",
                                                                kind="coordinator"))
    client = sign_in(__import__("django.test", fromlist=["Client"]).Client(), coordinator)

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    _build(police, social, 2)
    case = Case.objects.get(title="Case 0")
    small_overview, small_case = queries("/cases/overview/"), queries(f"/cases/{case.pk}/")
    _build(police, social, 8)
    for i in range(6):
        add_person(case, police, f"Another victim {i}")
    assert queries("/cases/overview/") == small_overview
    # Six more persons, more events and tasks: the same queries (their reads are audited in
    # one statement).
    assert queries(f"/cases/{case.pk}/") == small_case
