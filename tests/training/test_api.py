"""The training API: the same rules as the pages, bad input named by field; the dashboard
card; and a malformed form post refused without a server error."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from palermo.training.models import Registration
from tests.conftest import sign_in
from tests.training.factories import registered, session

pytestmark = pytest.mark.django_db


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json",
                       HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)


def test_api_creates_a_course_a_session_and_a_registration(people: dict[str, Any]) -> None:
    client = sign_in(Client(), people["trainer"])
    response = _post(client, "/api/v1/training/courses", {
        "title": "Judges' seminar", "professions": ["judge", "astronaut"]})
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"professions": [
        "professions: “astronaut” is not one of the options offered."]}
    course = _post(client, "/api/v1/training/courses", {
        "title": "Judges' seminar", "professions": ["judge"], "refresher_months": 36}).json()
    today = timezone.localdate().isoformat()
    made = _post(client, f"/api/v1/training/courses/{course['id']}/sessions", {
        "starts_on": today, "place": "Jerusalem", "capacity": 30})
    assert made.status_code == 201, made.content
    session_id = made.json()["id"]
    response = _post(client, f"/api/v1/training/sessions/{session_id}/registrations", {
        "full_name": "Judge Miriam Naor (invented)", "email": "judge@example.org",
        "profession": "judge"})
    assert response.status_code == 201
    registration = response.json()
    marked = _post(client, f"/api/v1/training/registrations/{registration['id']}/attendance",
                   {"attended": True})
    assert marked.json()["attended"] is True
    issued = _post(client, f"/api/v1/training/registrations/{registration['id']}/certificate",
                   {})
    assert len(issued.json()["certificate_code"]) >= 40
    roster = client.get(f"/api/v1/training/sessions/{session_id}/registrations").json()
    assert roster[0]["full_name"] == "Judge Miriam Naor (invented)"
    outsider = sign_in(Client(), people["outsider"])
    assert outsider.get("/api/v1/training/courses").status_code == 403


def test_dashboard_card_and_malformed_step(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    at = session(trainer)
    registration = registered(trainer, at, agency_id=people["border"].pk)
    client = sign_in(Client(), trainer)
    response = client.post(f"/training/sessions/{at.pk}/step/", {"registration": "x",
                                                                 "step": "present"})
    assert response.status_code == 404
    client.post(f"/training/sessions/{at.pk}/step/", {"registration": registration.pk,
                                                      "step": "present"})
    assert Registration.objects.get().attended is True
    card = client.get("/").content.decode()
    assert 'data-testid="training-card"' in card and "People trained" in card
