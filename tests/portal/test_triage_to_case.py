"""What a public report brings into a case (issue 18, item 2): the reporter's additions and
photos go with the report, in the order they came, as the case's notes and documents, under
the case's need-to-know, and never with the reporter's contact details."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.audit.models import AuditEvent
from palermo.cases.models import Case
from palermo.cases.services import documents, timeline
from palermo.portal.models import Report
from palermo.portal.services import reports, triage
from tests.access.factories import AgencyFactory, UserFactory
from tests.cases.factories import open_case
from tests.portal.helpers import image_file, portal_report

pytestmark = pytest.mark.django_db


def _report_with_additions() -> Report:
    """A report sent with one photo, to which the reporter came back twice."""
    report = portal_report(what="Workers locked in at night.", where="Moshav near Ashkelon",
                           contact="+972 50 000 0000")
    reports.add(report, "The van's plate is 12-345.",
                [image_file("PNG", name="van.png", size=(60, 40))])
    reports.add(report, "They are moved every Sunday night.")
    report.refresh_from_db()
    return report


def _notes(user: Any, case: Case) -> list[str]:
    # The timeline lists the newest first; read it in the order it was written.
    return [e.text for e in reversed(timeline.visible_events(user, case)) if e.kind == "note"]


def test_opening_a_case_carries_every_addition_and_photo_in_order(signed_in: Any) -> None:
    report = _report_with_additions()
    coordinator = signed_in("coordinator")
    coordinator.get(f"/triage/{report.pk}/")
    report.refresh_from_db()
    coordinator.post(f"/triage/{report.pk}/open-case",
                     {"title": "Farm workers held", "version": report.version})
    report.refresh_from_db()
    case = Case.objects.get(pk=report.case_id)

    assert "Workers locked in at night." in case.summary
    notes = _notes(coordinator.user, case)
    assert len(notes) == 2
    assert "The van's plate is 12-345." in notes[0]
    assert "They are moved every Sunday night." in notes[1]
    assert all(report.reference in note for note in notes)
    photos = documents.visible(coordinator.user, case)
    assert sorted(d.name for d in photos) == [f"{report.reference}-photo-1.jpg",
                                              f"{report.reference}-photo-2.png"]
    assert all(not d.concerns.exists() for d in photos)  # the whole case's material
    everything = case.summary + "".join(notes)
    assert "+972" not in everything


def test_the_carried_material_keeps_the_cases_need_to_know(user_with: Any) -> None:
    coordinator = user_with("coordinator")
    report = triage.open_report(coordinator, _report_with_additions().pk)
    case, _carried = triage.open_case(report, "Farm workers held", actor=coordinator,
                            version=report.version)
    outsider = UserFactory(roles=["investigator"],
                           agency=AgencyFactory(name="Border Police", kind="police"))
    assert _notes(outsider, case) == []
    assert documents.visible(outsider, case) == []


def test_linking_to_a_case_carries_the_additions_too(user_with: Any) -> None:
    coordinator = user_with("coordinator")
    case = open_case(coordinator)
    report = triage.open_report(coordinator, _report_with_additions().pk)
    triage.link_case(report, case.pk, actor=coordinator, version=report.version)
    notes = _notes(coordinator, case)
    assert "Workers locked in at night." in notes[0]
    assert "The van's plate is 12-345." in notes[1]
    assert "They are moved every Sunday night." in notes[2]
    assert len(documents.visible(coordinator, case)) == 2
    link = AuditEvent.objects.get(action="portal.report.link")
    assert link.detail["additions"] == 2 and link.detail["photos"] == 2


def test_an_addition_after_the_case_is_offered_and_carried_once(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    report = triage.open_report(coordinator.user, portal_report().pk)
    case, _carried = triage.open_case(report, "Farm workers held", actor=coordinator.user,
                            version=report.version)
    reports.add(report, "A second van, plate 67-890.")
    assert 'data-testid="new-information"' in coordinator.get("/triage/").content.decode()
    assert "1 report in a case has new information from the reporter" in \
        coordinator.get("/").content.decode()
    page = coordinator.get(f"/triage/{report.pk}/").content.decode()
    assert "1 addition from the reporter is not in case" in page
    report.refresh_from_db()
    response = coordinator.post(f"/triage/{report.pk}/to-case", {"version": report.version})
    assert response.status_code == 302
    notes = _notes(coordinator.user, case)
    assert ["A second van, plate 67-890." in n for n in notes] == [True]
    page = coordinator.get(f"/triage/{report.pk}/").content.decode()
    assert "not in case" not in page
    assert 'data-testid="new-information"' not in coordinator.get("/triage/").content.decode()
    report.refresh_from_db()
    coordinator.post(f"/triage/{report.pk}/to-case", {"version": report.version})
    assert len(_notes(coordinator.user, case)) == 1
