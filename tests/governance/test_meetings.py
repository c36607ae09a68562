"""Committees and meetings: members, attendees, documents checked by content, and minutes
that lock when approved and are corrected only by a new version with a reason."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit.models import AuditEvent
from palermo.governance.models import Minutes
from palermo.governance.services import committees, documents, meetings, minutes
from tests.conftest import sign_in
from tests.governance.factories import committee, meeting

pytestmark = pytest.mark.django_db


def test_committee_and_members(people: dict[str, Any]) -> None:
    with pytest.raises(ServiceError) as caught:
        committee(people["coordinator"], kind="club")
    assert caught.value.field == "kind"
    with pytest.raises(NotAllowed):
        committee(people["investigator"])
    dg = committee(people["coordinator"])
    committees.add_member(dg, people["police"], actor=people["coordinator"],
                          representative="Commander Levi")
    with pytest.raises(ServiceError) as caught:
        committees.add_member(dg, people["police"], actor=people["coordinator"])
    assert caught.value.field == "agency"
    assert list(committees.of_agency(people["investigator"], people["police"].pk)) == [dg]


def test_meeting_times_are_checked(people: dict[str, Any]) -> None:
    start = dt.datetime(2026, 9, 14, 7, 0, tzinfo=dt.UTC)
    with pytest.raises(ServiceError) as caught:
        meeting(people["coordinator"], ends_at=start - dt.timedelta(hours=1))
    assert caught.value.field == "ends_at"
    with pytest.raises(ServiceError) as caught:
        meeting(people["coordinator"], starts_at=None)
    assert caught.value.field == "starts_at"
    gathering = meeting(people["coordinator"])
    meetings.update(gathering, actor=people["coordinator"], version=1, location="Jerusalem")
    with pytest.raises(StaleWrite):
        meetings.update(gathering, actor=people["coordinator"], version=1, location="Haifa")


def test_attendee_needs_agency_or_organisation(people: dict[str, Any]) -> None:
    gathering = meeting(people["coordinator"])
    with pytest.raises(ServiceError) as caught:
        meetings.add_attendee(gathering, actor=people["coordinator"], name="Guest")
    assert caught.value.field == "agency"
    meetings.add_attendee(gathering, actor=people["coordinator"], name="Guest",
                          affiliation="IOM")
    assert gathering.attendees.get().affiliation == "IOM"


def test_documents_are_checked_by_content(people: dict[str, Any]) -> None:
    gathering = meeting(people["coordinator"])
    with pytest.raises(ServiceError, match="not what its name says") as caught:
        documents.attach(gathering, "minutes.pdf", io.BytesIO(b"MZ\x90\x00 not a pdf"),
                         actor=people["coordinator"])
    assert caught.value.field == "file"
    with pytest.raises(ServiceError, match="Only PDF"):
        documents.attach(gathering, "run.exe", io.BytesIO(b"MZ"), actor=people["coordinator"])
    paper = documents.attach(gathering, "agenda.pdf", io.BytesIO(b"%PDF-1.7 agenda"),
                             actor=people["coordinator"])
    client = sign_in(Client(), people["investigator"])
    response = client.get(f"/governance/meetings/{gathering.pk}/documents/{paper.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.7 agenda"  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(action="meeting_document.read",
                                     actor=people["investigator"]).exists()


def test_minutes_lock_when_approved_and_corrections_are_versions(
        people: dict[str, Any]) -> None:
    editor = people["coordinator"]
    gathering = meeting(editor)
    draft = minutes.save_draft(gathering, "First text.", actor=editor)
    draft = minutes.save_draft(gathering, "Second text.", actor=editor, version=draft.version)
    with pytest.raises(StaleWrite):
        minutes.save_draft(gathering, "Late edit.", actor=editor, version=1)
    with pytest.raises(NotAllowed):
        minutes.approve(draft, actor=people["investigator"], version=draft.version)
    approved = minutes.approve(draft, actor=editor, version=draft.version)
    assert approved.state == Minutes.State.APPROVED
    with pytest.raises(ServiceError, match="locked"):
        minutes.save_draft(gathering, "Quiet change.", actor=editor)
    with pytest.raises(ServiceError) as caught:
        minutes.correct(gathering, actor=editor, reason=" ")
    assert caught.value.field == "reason"
    correction = minutes.correct(gathering, actor=editor, reason="Wrong date of next meeting.")
    assert (correction.number, correction.text) == (2, "Second text.")
    minutes.save_draft(gathering, "Corrected text.", actor=editor)
    approved.refresh_from_db()
    assert approved.text == "Second text."
    assert [m.number for m in minutes.versions(gathering, editor)] == [2, 1]
    event = AuditEvent.objects.get(action="minutes.correct")
    assert event.reason == "Wrong date of next meeting."


def _field_block(html: str, field_id: str) -> str:
    """The part of the page that shows one field: its label, its input and its errors."""
    start = html.rindex('<div class="field', 0, html.index(f'id="{field_id}"'))
    return html[start:html.index('<div class="field', start + 1)]


def test_meeting_page_and_forms(people: dict[str, Any]) -> None:
    gathering = meeting(people["coordinator"])
    client = sign_in(Client(), people["coordinator"])
    page = client.get(f"/governance/meetings/{gathering.pk}/")
    assert page.status_code == 200
    client.post(f"/governance/meetings/{gathering.pk}/minutes/", {"text": "Minutes."})
    response = client.post(f"/governance/meetings/{gathering.pk}/minutes/approve/",
                           {"version": "1"}, follow=True)
    assert "Minutes approved and locked." in response.content.decode()
    response = client.post(f"/governance/meetings/{gathering.pk}/decisions/",
                           {"text": "Act.", "item_title": "Do it"})
    assert response.status_code == 400
    assert "Choose the agency that owns the action item." in \
        _field_block(response.content.decode(), "decision_item_agency")
    response = client.post(f"/governance/meetings/{gathering.pk}/decisions/", {
        "text": "Act.", "item_title": "Do it", "item_agency": people["welfare"].pk,
        "item_deadline": "2030-01-31", "item_owner": people["investigator"].pk})
    assert "The owner must work at the owning agency." in \
        _field_block(response.content.decode(), "decision_item_owner")
    response = client.post(f"/governance/meetings/{gathering.pk}/decisions/", {
        "text": "Act.", "item_title": "Do it", "item_agency": people["police"].pk,
        "item_deadline": "2030-01-31", "item_owner": people["investigator"].pk}, follow=True)
    assert "Decision recorded." in response.content.decode()
    assert gathering.decisions.get().action_items.get().owner == people["investigator"]
    reader = sign_in(Client(), people["investigator"])
    assert reader.post(f"/governance/meetings/{gathering.pk}/minutes/",
                       {"text": "x"}).status_code == 403


def test_small_forms_of_a_record_keep_what_was_typed_after_a_mistake(
        people: dict[str, Any]) -> None:
    """A member, an attendee or a decision sent with a mistake comes back on the record's page
    with the error by its field and the text as typed, instead of a redirect that loses it."""
    gathering = meeting(people["coordinator"])
    client = sign_in(Client(), people["coordinator"])

    # A member without an agency: the representative typed is still there.
    page = client.post(f"/governance/committees/{gathering.committee.pk}/members/",
                       {"representative": "Commander Levi"})
    assert page.status_code == 400
    html = page.content.decode()
    assert 'value="Commander Levi"' in html and "This field is required." in html

    # An attendee with neither agency nor organisation: the service's refusal sits by the
    # agency field, and the name stays.
    page = client.post(f"/governance/meetings/{gathering.pk}/attendees/", {"name": "Dr. Amar"})
    assert page.status_code == 400
    html = page.content.decode()
    assert 'value="Dr. Amar"' in html
    assert "Choose the attendee&#x27;s agency, or name their organisation." in \
        _field_block(html, "attendee_agency")

    # A long decision whose action item lacks its agency: the decision's text is kept.
    text = "The committee adopts the referral protocol for child victims. " * 5
    page = client.post(f"/governance/meetings/{gathering.pk}/decisions/",
                       {"text": text, "item_title": "Train the border officers"})
    assert page.status_code == 400
    html = page.content.decode()
    assert text.strip() in html and 'value="Train the border officers"' in html
    assert not gathering.decisions.exists()
    assert not gathering.attendees.exists()
