"""The indicators' queries run side by side on committed data, and count what they count
one after another; inside a transaction they run on the caller's connection."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from palermo.insights.services import indicators, side_by_side
from palermo.insights.services.periods import Period
from tests.insights.factories import office, victims


def in_memory() -> bool:
    name = str(connection.settings_dict["NAME"])
    return connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name)


@pytest.mark.usefixtures("committed_db")
def test_side_by_side_counts_the_same_as_one_after_another() -> None:
    people = office()
    victims(people, 7, sex="M", nationality="THA", shelter=True)
    victims(people, 6, sex="F", forms=["SexualExploitation"])
    period = Period.year(timezone.localdate().year)
    alone: dict[str, object] = {}
    with transaction.atomic():
        indicators.tables(people.coordinator, period, memo=alone, also=[period.previous()])
    together: dict[str, object] = {}
    indicators.tables(people.coordinator, period, memo=together, also=[period.previous()])
    assert together == alone
    assert len(together) == 8  # four shared queries, two periods
    persons = together[f"persons:{period.start}:{period.end}"]
    assert sum(g["n"] for g in persons) == 13  # type: ignore[attr-defined]


@pytest.mark.usefixtures("committed_db")
def test_jobs_run_at_the_same_time_unless_the_database_is_in_memory() -> None:
    meeting = threading.Barrier(2, timeout=5)
    seen: set[int] = set()

    def job() -> bool:
        seen.add(threading.get_ident())
        if in_memory():
            return True
        meeting.wait()  # returns only once both jobs are running
        return True

    assert side_by_side.run({"a": job, "b": job}) == {"a": True, "b": True}
    if in_memory():
        assert seen == {threading.get_ident()}
    else:
        assert len(seen) == 2 and threading.get_ident() not in seen


@pytest.mark.django_db
def test_inside_a_transaction_jobs_run_on_the_callers_connection() -> None:
    seen: set[int] = set()
    side_by_side.run({"a": lambda: seen.add(threading.get_ident()),
                      "b": lambda: seen.add(threading.get_ident())})
    assert seen == {threading.get_ident()}
