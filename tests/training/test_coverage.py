"""Coverage by agency and profession: who attended, when last, and who is due again after
each course's refresher period."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed
from palermo.audit.models import AuditEvent
from palermo.training.services import coverage, trainees
from palermo.training.services.coverage import add_months
from tests.access.factories import AgencyFactory
from tests.conftest import sign_in
from tests.training.factories import course, registered, session

pytestmark = pytest.mark.django_db


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 11, 15), 14) == dt.date(2026, 1, 15)


def test_coverage_counts_people_and_refreshers(people: dict[str, Any]) -> None:
    trainer, border = people["trainer"], people["border"]
    police = AgencyFactory(name="Police North", kind="police")
    yearly = course(trainer, refresher_months=12)
    old = session(trainer, yearly, starts_on=dt.date(2024, 3, 1), ends_on=dt.date(2024, 3, 2))
    recent = session(trainer, yearly, starts_on=dt.date(2025, 6, 1),
                     ends_on=dt.date(2025, 6, 1))
    for index, at in enumerate((old, recent)):
        # The same officer twice: counted once, due a year after the later session.
        for who, email, agency in (("Dana", "dana@example.org", border),
                                   (f"Other {index}", f"o{index}@example.org", border)):
            trainees.mark_attendance(registered(trainer, at, who, email, agency_id=agency.pk),
                                     True, actor=trainer)
    absent = registered(trainer, recent, "Absent", "absent@example.org", agency_id=police.pk,
                        profession="police_officer")
    trainees.mark_attendance(absent, False, actor=trainer)
    never = course(trainer, title="Once", refresher_months=0)
    trainees.mark_attendance(registered(trainer, session(
        trainer, never, starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 1, 1)),
        "Eli", "eli@example.org", agency_id=police.pk, profession="police_officer"),
        True, actor=trainer)

    rows = coverage.coverage(actor=trainer, on=dt.date(2026, 4, 1))
    by_key = {(r.agency, r.profession): r for r in rows}
    border_row = by_key[("Border Authority", "border_officer")]
    assert border_row.trained == 3
    assert border_row.last_trained == dt.date(2025, 6, 1)
    # Other 0 fell due in March 2025; Dana and Other 1 fall due on 1 June 2026 (within 90 days).
    assert border_row.due == 3
    assert border_row.next_due == dt.date(2025, 3, 2)
    police_row = by_key[("Police North", "police_officer")]
    assert (police_row.trained, police_row.due, police_row.next_due) == (1, 0, None)
    early = coverage.coverage(on=dt.date(2025, 1, 2), course_id=yearly.pk)
    assert [(r.trained, r.due) for r in early] == [(2, 2)]
    with pytest.raises(NotAllowed):
        coverage.coverage(actor=people["outsider"])


def test_coverage_page_and_api(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    trainees.mark_attendance(registered(trainer, session(trainer),
                                        agency_id=people["border"].pk), True, actor=trainer)
    client = sign_in(Client(), trainer)
    page = client.get("/training/coverage/").content.decode()
    assert "Border Authority" in page and "Border control officer" in page
    rows = client.get("/api/v1/training/coverage").json()
    assert rows[0]["trained"] == 1 and rows[0]["agency"] == "Border Authority"
    assert "Dana" not in str(rows)


def test_due_lists_whom_to_invite_again_and_audits_it(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    yearly = course(trainer, refresher_months=12)
    for day, who in ((dt.date(2024, 3, 1), "Old"), (dt.date(2025, 9, 1), "Recent")):
        at = session(trainer, yearly, starts_on=day, ends_on=day)
        trainees.mark_attendance(registered(trainer, at, who, f"{who}@example.org"), True,
                                 actor=trainer)
    found = coverage.due(actor=trainer, on=dt.date(2026, 1, 1))
    assert [(d.trainee.full_name, d.due_on) for d in found] == [("Old", dt.date(2025, 3, 1))]
    client = sign_in(Client(), trainer)
    page = client.get("/training/coverage/due/").content.decode()
    assert "Old" in page and "overdue" in page
    assert AuditEvent.objects.filter(action="trainee.read",
                                     object_id=str(found[0].trainee.pk)).count() == 2
