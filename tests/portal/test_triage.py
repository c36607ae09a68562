"""The coordinator's triage of public reports, inside the application."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, StaleWrite
from palermo.audit.models import AuditEvent
from palermo.cases.services import timeline
from palermo.portal.models import Report
from palermo.portal.services import triage
from tests.access.factories import AgencyFactory
from tests.cases.factories import open_case
from tests.portal.helpers import receipt, send_report

pytestmark = pytest.mark.django_db


def _report(contact: str = "+972 50 000 0000", **fields: Any) -> Report:
    reference, _phrase = receipt(send_report(Client(), "ar", contact=contact, **fields))
    return Report.objects.get(reference=reference)


def test_the_queue_and_a_report_need_the_triage_permission(signed_in: Any) -> None:
    report = _report()
    investigator = signed_in("investigator")
    assert investigator.get("/triage/").status_code == 403
    assert investigator.get(f"/triage/{report.pk}/").status_code == 403
    with pytest.raises(NotAllowed):
        triage.queue(investigator.user)
    coordinator = signed_in("coordinator")
    queue = coordinator.get("/triage/?status=new").content.decode()
    assert report.reference in queue


def test_opening_a_report_shows_the_contact_and_is_an_audited_read(signed_in: Any) -> None:
    report = _report()
    coordinator = signed_in("coordinator")
    page = coordinator.get(f"/triage/{report.pk}/").content.decode()
    assert "+972 50 000 0000" in page
    read = AuditEvent.objects.get(action="portal_report.read")
    assert read.actor_id == coordinator.user.pk and read.object_id == str(report.pk)
    assert read.detail["contact_shown"] is True
    report.refresh_from_db()
    assert report.status == "in_triage"
    assert "+972 50 000 0000" not in coordinator.get("/triage/").content.decode()


def test_the_dashboard_card_counts_new_reports(signed_in: Any) -> None:
    _report()
    _report(contact="")
    dashboard = signed_in("coordinator").get("/").content.decode()
    assert "2 new reports from the public" in dashboard
    assert 'href="/triage/"' in dashboard


def test_a_report_opens_a_case_without_the_reporters_contact(signed_in: Any) -> None:
    report = _report(where="Moshav near Ashkelon")
    coordinator = signed_in("coordinator")
    coordinator.get(f"/triage/{report.pk}/")
    report.refresh_from_db()
    response = coordinator.post(f"/triage/{report.pk}/open-case", {
        "title": "Farm workers held", "version": report.version})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "case_opened" and report.case_reference
    from palermo.cases.models import Case

    case = Case.objects.get(pk=report.case_id)
    assert "Moshav near Ashkelon" in case.summary
    assert "+972" not in case.summary


def test_a_report_links_to_an_existing_case_and_is_referred(user_with: Any) -> None:
    coordinator = user_with("coordinator")
    case = open_case(coordinator)
    report = triage.open_report(coordinator, _report().pk)
    triage.link_case(report, case.pk, actor=coordinator, version=report.version)
    notes = [timeline.render(e) for e in timeline.visible_events(coordinator, case)]
    assert any(report.reference in note for note in notes)
    assert all("+972" not in note for note in notes)
    police = AgencyFactory(name="Police ISR")
    triage.refer(report, police.pk, "investigation", actor=coordinator,
                 version=report.version)
    assert report.status == "referred" and report.referred_to_name == "Police ISR"
    assert case.participants.filter(agency=police).exists()


def test_a_stale_triage_is_refused(user_with: Any) -> None:
    coordinator = user_with("coordinator")
    report = triage.open_report(coordinator, _report().pk)
    stale = report.version
    triage.close(report, actor=coordinator, version=stale)
    with pytest.raises(StaleWrite):
        triage.close(report, actor=coordinator, version=stale)


def test_a_reply_reaches_the_reporter_and_an_empty_one_is_refused(signed_in: Any) -> None:
    report = _report()
    coordinator = signed_in("coordinator")
    coordinator.post(f"/triage/{report.pk}/reply", {"text": "  "})
    assert not report.entries.exists()
    coordinator.post(f"/triage/{report.pk}/reply", {"text": "شكراً، نحن نتابع."})
    assert report.entries.get().text == "شكراً، نحن نتابع."
    assert AuditEvent.objects.filter(action="portal.report.reply").exists()


def test_a_photo_is_shown_only_in_triage_and_each_showing_is_audited(signed_in: Any) -> None:
    from tests.portal.helpers import portal_report

    report = portal_report()
    photo = report.images.get()
    url = f"/triage/{report.pk}/images/{photo.pk}"
    assert signed_in("investigator").get(url).status_code == 403
    coordinator = signed_in("coordinator")
    response = coordinator.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response.content.startswith(b"\xff\xd8\xff")
    assert AuditEvent.objects.filter(action="portal_report_image.read",
                                     object_id=str(photo.pk)).count() == 1
    assert Client().get(url).status_code == 302  # to the sign-in page
