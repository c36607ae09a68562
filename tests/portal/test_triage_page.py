"""The triage page's second steps (issue 18, item 10): no stray labels, no choice made for the
coordinator, a refused action keeps their input and says what is wrong next to the field, and
each done action says what happened, to whom, and what comes next."""

from __future__ import annotations

import re
from typing import Any

import pytest

from palermo.messaging import services as messaging
from palermo.portal.models import Report
from palermo.portal.services import triage
from tests.access.factories import AgencyFactory, UserFactory
from tests.cases.factories import open_case
from tests.portal.helpers import portal_report

pytestmark = pytest.mark.django_db


def _form(html: str, action: str) -> str:
    start = html.index(f'action="{action}"')
    return html[start:html.index("</form>", start)]


def _field(html: str, name: str) -> str:
    for part in html.split('<div class="field')[1:]:
        if f'for="id_{name}"' in part.split("</label>")[0]:
            return part
    raise AssertionError(f"no field {name} on the page")


def _selected(select_html: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select_html)


def _report(coordinator: Any) -> Report:
    report = portal_report()
    coordinator.get(f"/triage/{report.pk}/")
    report.refresh_from_db()
    return report


def test_the_page_shows_no_stray_version_labels(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    html = coordinator.get(f"/triage/{portal_report().pk}/").content.decode()
    assert "Version" not in html
    assert 'for="id_version"' not in html


def test_no_case_and_no_agency_is_chosen_for_the_coordinator(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    open_case(coordinator.user, title="Newest unrelated case")
    AgencyFactory(name="Aardvark Agency")
    report = _report(coordinator)
    html = coordinator.get(f"/triage/{report.pk}/").content.decode()
    link = _form(html, f"/triage/{report.pk}/link")
    assert _selected(link) in ([], [""])
    assert '<option value="" selected>Choose a case</option>' in link
    refer = _form(html, f"/triage/{report.pk}/refer")
    assert '<option value="" selected>Choose an agency</option>' in refer
    assert 'name="role"' not in refer  # no case yet: no role in it to take


def test_a_link_without_a_case_is_refused_next_to_the_field(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    report = _report(coordinator)
    response = coordinator.post(f"/triage/{report.pk}/link", {"case": "",
                                                               "version": report.version})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose the case to add the report to." in _field(html, "case")
    report.refresh_from_db()
    assert report.status == "in_triage" and report.case_id is None


def test_a_referral_names_both_missing_answers_at_once(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    report = _report(coordinator)
    case, _carried = triage.open_case(report, "Farm workers held", actor=coordinator.user,
                                      version=report.version)
    html = coordinator.post(f"/triage/{report.pk}/refer", {
        "agency": "", "role": "", "version": report.version}).content.decode()
    refer = _form(html, f"/triage/{report.pk}/refer")
    assert "Choose the agency to refer the report to." in _field(refer, "agency")
    assert "Choose the agency&#x27;s role in the case." in _field(refer, "role")
    assert case.reference


def test_a_refused_title_keeps_what_was_typed(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    report = _report(coordinator)
    html = coordinator.post(f"/triage/{report.pk}/open-case", {
        "title": "T" * 201, "version": report.version}).content.decode()
    assert "T" * 201 in _field(html, "title")
    assert "at most 200 characters" in _field(html, "title")
    assert "At most 200 characters." in _field(html, "title")  # said before, too
    reply = coordinator.post(f"/triage/{report.pk}/reply", {"text": "x" * 5001}
                             ).content.decode()
    assert "x" * 5001 in _field(reply, "text")
    assert "at most 5000 characters; this one has 5001" in _field(reply, "text")


def test_a_stale_action_shows_the_report_as_it_stands(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    report = _report(coordinator)
    stale = report.version
    triage.close(report, actor=coordinator.user, version=stale)
    html = coordinator.post(f"/triage/{report.pk}/open-case", {
        "title": "Farm workers held", "version": stale}).content.decode()
    assert "Someone else changed this report meanwhile" in html
    assert 'data-testid="triage-status">Closed<' in html
    report.refresh_from_db()
    assert f'name="version" value="{report.version}"' in _form(
        html, f"/triage/{report.pk}/open-case")


def _confirmation(response: Any) -> str:
    html = response.content.decode()
    found = re.search(r'<ul class="messages"[^>]*>\s*<li[^>]*>(.*?)</li>', html,
                      re.S)
    assert found, html[:3000]
    return found.group(1).replace("&#x27;", "'").replace("&quot;", '"')


def test_each_action_says_what_happened_to_whom_and_what_comes_next(signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    report = _report(coordinator)
    said = _confirmation(coordinator.post(f"/triage/{report.pk}/reply",
                                          {"text": "Thank you."}, follow=True))
    assert f"Your reply was added to public report {report.reference}" in said
    assert "when they next come back with their reference and secret phrase" in said

    said = _confirmation(coordinator.post(f"/triage/{report.pk}/open-case", {
        "title": "Farm workers held", "version": report.version}, follow=True))
    report.refresh_from_db()
    assert f"Case {report.case_reference} was opened from public report " \
           f"{report.reference}, led by {coordinator.user.agency.name}" in said
    assert "Its notes and documents now hold 1 photo from the reporter." in said
    assert "Next: open the case to add the persons" in said

    police = AgencyFactory(name="Police ISR", kind="police")
    officer = UserFactory(roles=["investigator"], agency=police)
    said = _confirmation(coordinator.post(f"/triage/{report.pk}/refer", {
        "agency": police.pk, "role": "investigation", "version": report.version},
        follow=True))
    assert f"was referred to Police ISR, which now takes part in case " \
           f"{report.case_reference} as Investigation" in said
    assert "Everyone there was sent a message" in said
    inbox = messaging.inbox(officer)
    assert len(inbox) == 1
    page = messaging.open_thread(inbox[0].thread.pk, actor=officer)
    assert report.reference in page.subject
    assert report.case_reference in page.messages[0].body

    report.refresh_from_db()
    said = _confirmation(coordinator.post(f"/triage/{report.pk}/close",
                                          {"version": report.version}, follow=True))
    assert f"Public report {report.reference} was closed." in said
    assert "if they add information, the report comes back to triage" in said


def test_a_referral_without_a_case_sends_the_report_without_the_contact(
        signed_in: Any) -> None:
    coordinator = signed_in("coordinator")
    report = portal_report(what="Workers locked in at night.", contact="+972 50 000 0000")
    coordinator.get(f"/triage/{report.pk}/")
    report.refresh_from_db()
    welfare = AgencyFactory(name="Welfare Ministry", kind="welfare")
    worker = UserFactory(roles=["social_worker"], agency=welfare)
    said = _confirmation(coordinator.post(f"/triage/{report.pk}/refer", {
        "agency": welfare.pk, "version": report.version}, follow=True))
    assert "was referred to Welfare Ministry. Everyone there was sent a message with what " \
           "the reporter wrote, without their contact details." in said
    page = messaging.open_thread(messaging.inbox(worker)[0].thread.pk, actor=worker)
    body = page.messages[0].body
    assert "Workers locked in at night." in body
    assert "+972" not in body
    assert "The report has 1 photo" in body
