"""The pages: nominating with an attachment, the secretariat's steps, the ceremony's
programme and invitations, and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from palermo.audit.models import AuditEvent
from palermo.awards.models import Cycle, Invitee, Nomination
from palermo.awards.services import cycles, nominations
from tests.awards.factories import ALL_ELIGIBLE, GOOD_MARKS, cycle, nomination
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_nominating_on_the_page_with_attachments(people: dict[str, Any]) -> None:
    at = cycle(people["manager"])
    client = sign_in(Client(), people["nominator"])
    response = client.post(f"/awards/cycles/{at.pk}/nominate/", {
        "nominee_name": "Rachel Stern", "achievements": " ",
        "attachments": [SimpleUploadedFile("a.pdf", b"%PDF-1.4 a")]})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    response = client.post(f"/awards/cycles/{at.pk}/nominate/", {
        "nominee_name": "Rachel Stern", "achievements": "Forty victims identified.",
        "attachments": [SimpleUploadedFile("fake.pdf", b"not a pdf")]})
    assert "not what its name says" in response.content.decode()
    response = client.post(f"/awards/cycles/{at.pk}/nominate/", {
        "nominee_name": "Rachel Stern", "achievements": "Forty victims identified.",
        "attachments": [SimpleUploadedFile("a.pdf", b"%PDF-1.4 a"),
                        SimpleUploadedFile("b.txt", b"support letter")]})
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Nomination.objects.get()
    assert made.attachments.count() == 2
    page = client.get(response.url).content.decode()
    assert "Rachel Stern" in page and "b.txt" in page
    download = client.get(f"/awards/attachments/{made.attachments.get(name='a.pdf').pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 a"  # type: ignore[attr-defined]
    other = sign_in(Client(), people["other"])
    assert other.get(f"/awards/nominations/{made.pk}/").status_code == 404


def test_secretariat_steps_and_ceremony(people: dict[str, Any]) -> None:
    manager = people["manager"]
    client = sign_in(Client(), manager)
    closes = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    response = client.post("/awards/cycles/new/", {"year": "2026", "title": "Award",
                                                   "closes_on": closes,
                                                   "ceremony_on": "2020-01-01"})
    assert "ceremony is before" in response.content.decode()
    response = client.post("/awards/cycles/new/", {"year": "2026", "title": "Award",
                                                   "closes_on": closes})
    at = Cycle.objects.get()
    client.post(f"/awards/cycles/{at.pk}/step/", {"step": "appoint",
                                                  "user": people["chair"].pk, "chair": "on"})
    assert at.jurors.get().chair
    nominated = nomination(at, people["nominator"])
    client.post(f"/awards/cycles/{at.pk}/step/", {"step": "close_call"})
    at.refresh_from_db()
    assert at.state == Cycle.State.JURY
    client.post(f"/awards/nominations/{nominated.pk}/eligibility/",
                {f"check_{code}": "yes" for code in ALL_ELIGIBLE})
    nominated.refresh_from_db()
    assert nominated.eligible is True
    response = client.post(f"/awards/cycles/{at.pk}/ceremony/", {
        "part": "programme", "starts_at": "18:00", "title": "Opening by the President"})
    assert response.status_code == 302
    response = client.post(f"/awards/cycles/{at.pk}/ceremony/", {
        "part": "invitee", "name": "Ambassador", "email": "bad"})
    assert response.status_code == 400 and "email" in response.content.decode()
    client.post(f"/awards/cycles/{at.pk}/ceremony/", {
        "part": "invitee", "name": "Ambassador of Norway", "email": "amb@example.org"})
    invitee = Invitee.objects.get()
    client.post(f"/awards/invitees/{invitee.pk}/rsvp/", {"rsvp": "accepted"})
    page = client.get(f"/awards/cycles/{at.pk}/ceremony/").content.decode()
    assert "Opening by the President" in page and "1 accepted" in page
    assert AuditEvent.objects.filter(action="award_invitee.read").exists()


def test_jury_pages_and_api(people: dict[str, Any]) -> None:
    at = cycle(people["manager"], chair=people["chair"], jurors=(people["juror"],))
    nominated = nomination(at, people["nominator"])
    cycles.close_call(at, actor=people["manager"])
    nominations.check_eligibility(nominated, ALL_ELIGIBLE, actor=people["manager"])
    juror = sign_in(Client(), people["juror"])
    response = juror.post(f"/awards/nominations/{nominated.pk}/jury/", {
        "step": "score", **{f"mark_{k}": str(v) for k, v in GOOD_MARKS.items()}})
    assert response.status_code == 302
    assert "8.6" in juror.get(f"/awards/nominations/{nominated.pk}/").content.decode()
    ranked = juror.get(f"/api/v1/awards/cycles/{at.pk}/ranking").json()
    assert ranked[0]["mean"] == 8.6 and ranked[0]["nominee_name"] == "Rachel Stern"
    chair = sign_in(Client(), people["chair"])
    chair.post(f"/awards/nominations/{nominated.pk}/jury/", {
        "step": "laureate", "citation": "For forty victims found."})
    chair.post(f"/awards/cycles/{at.pk}/deliberation/", {"step": "decide"})
    at.refresh_from_db()
    assert at.state == Cycle.State.DECIDED
    outsider = sign_in(Client(), people["other"])
    archive = outsider.get("/api/v1/awards/archive").json()
    assert archive == [{"year": 2026, "nominee_name": "Rachel Stern",
                        "nominee_organisation": "Hotline for Refugees and Migrants",
                        "citation": "For forty victims found."}]
    assert outsider.get(f"/awards/cycles/{at.pk}/ranking/").status_code == 403


def test_dashboard_card_tells_of_open_calls_and_scores_awaited(people: dict[str, Any]) -> None:
    at = cycle(people["manager"], chair=people["chair"], jurors=(people["juror"],))
    page = sign_in(Client(), people["nominator"]).get("/").content.decode()
    assert 'data-testid="award-card"' in page and "Presidential award" in page
    nominated = nomination(at, people["nominator"])
    cycles.close_call(at, actor=people["manager"])
    nominations.check_eligibility(nominated, ALL_ELIGIBLE, actor=people["manager"])
    juror = sign_in(Client(), people["juror"])
    assert "1 nomination awaits your score" in juror.get("/").content.decode()
    response = juror.post(f"/awards/nominations/{nominated.pk}/jury/", {
        "step": "score", **{f"mark_{k}": str(v) for k, v in GOOD_MARKS.items()},
        "mark_innovation": "12"}, follow=True)
    assert "Give a mark from 0 to 10 for “Innovation”" in response.content.decode()
    assert not nominated.scores.exists()
