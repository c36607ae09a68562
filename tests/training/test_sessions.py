"""Courses and sessions, registration up to the capacity, attendance, evaluations, and the
audited reads of trainees' personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.training.models import Registration, Trainee
from palermo.training.services import courses, evaluations, trainees
from tests.conftest import sign_in
from tests.training.factories import course, registered, session

pytestmark = pytest.mark.django_db


def test_bad_courses_and_sessions_name_the_field(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    with pytest.raises(ServiceError) as caught:
        course(trainer, professions=["astronaut"])
    assert caught.value.field == "professions"
    with pytest.raises(ServiceError) as caught:
        course(trainer, refresher_months=500)
    assert caught.value.field == "refresher_months"
    with pytest.raises(ServiceError) as caught:
        course(trainer, title=" ")
    assert caught.value.field == "title"
    good = course(trainer)
    today = timezone.localdate()
    with pytest.raises(ServiceError) as caught:
        session(trainer, good, starts_on=today, ends_on=today - dt.timedelta(days=2))
    assert caught.value.field == "ends_on"
    with pytest.raises(ServiceError) as caught:
        session(trainer, good, capacity=0)
    assert caught.value.field == "capacity"
    with pytest.raises(NotAllowed):
        course(people["outsider"])


def test_registration_finds_a_known_trainee_and_stops_at_capacity(
        people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    first = session(trainer, capacity=2)
    registered(trainer, first, agency_id=people["border"].pk)
    with pytest.raises(ServiceError) as caught:
        registered(trainer, first, email="DANA@example.org")
    assert caught.value.field == "email"
    registered(trainer, first, "Yoni Cohen", "yoni@example.org")
    with pytest.raises(ServiceError) as caught:
        registered(trainer, first, "Third", "third@example.org")
    assert caught.value.field == "capacity"
    with pytest.raises(ServiceError) as caught:
        registered(trainer, session(trainer), "Bad", "not-an-email")
    assert caught.value.field == "email"
    with pytest.raises(ServiceError) as caught:
        registered(trainer, session(trainer), "Bad", "b@example.org", profession="x")
    assert caught.value.field == "profession"
    # The same person in a later session is the same trainee, her profession brought up to date.
    again = registered(trainer, session(trainer), profession="immigration_officer")
    assert Trainee.objects.count() == 2
    assert again.trainee.profession == "immigration_officer"
    assert AuditEvent.objects.filter(action="trainee.update").exists()


def test_attendance_is_marked_once_the_session_began(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    later = timezone.localdate() + dt.timedelta(days=10)
    upcoming = registered(trainer, session(trainer, starts_on=later, ends_on=later))
    with pytest.raises(ServiceError) as caught:
        trainees.mark_attendance(upcoming, True, actor=trainer)
    assert caught.value.field == "attended"
    trainees.cancel(upcoming, actor=trainer)
    assert not Registration.objects.filter(pk=upcoming.pk).exists()
    running = registered(trainer, session(trainer))
    trainees.mark_attendance(running, True, actor=trainer)
    assert Registration.objects.get(pk=running.pk).attended is True
    with pytest.raises(ServiceError):
        trainees.cancel(running, actor=trainer)


def test_roster_and_trainee_page_are_audited_reads(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    at = session(trainer)
    registration = registered(trainer, at)
    client = sign_in(Client(), trainer)
    page = client.get(f"/training/sessions/{at.pk}/").content.decode()
    assert "Dana Levi" in page
    reads = AuditEvent.objects.filter(action="trainee.read",
                                      object_id=str(registration.trainee_id))
    assert reads.count() == 1
    client.get(f"/training/trainees/{registration.trainee_id}/")
    assert reads.count() == 2
    outsider = sign_in(Client(), people["outsider"])
    assert outsider.get(f"/training/sessions/{at.pk}/").status_code == 403


def test_pages_register_and_mark_attendance(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    client = sign_in(Client(), trainer)
    response = client.post("/training/courses/new/", {
        "title": "Labour exploitation for inspectors", "professions": ["labour_inspector"],
        "refresher_months": "12"})
    assert response.status_code == 302, response.content.decode()[:2000]
    made = courses.courses(trainer).get()
    today = timezone.localdate().isoformat()
    response = client.post(f"/training/courses/{made.pk}/sessions/new/", {
        "starts_on": today, "place": "Tel Aviv", "capacity": "0"})
    assert "capacity" in response.content.decode() and response.status_code == 200
    response = client.post(f"/training/courses/{made.pk}/sessions/new/", {
        "starts_on": today, "place": "Tel Aviv", "capacity": "10"})
    at = courses.sessions(trainer).get()
    assert response.url == f"/training/sessions/{at.pk}/"
    response = client.post(f"/training/sessions/{at.pk}/register/", {
        "full_name": "Avi Mor", "email": "avi@example.org", "profession": "labour_inspector",
        "agency_id": str(people["border"].pk)})
    assert response.status_code == 302, response.content.decode()[:2000]
    registration = Registration.objects.get()
    client.post(f"/training/sessions/{at.pk}/step/", {"registration": registration.pk,
                                                      "step": "present"})
    assert Registration.objects.get().attended is True


def test_evaluations_are_checked_and_summed_up(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    at = session(trainer)
    with pytest.raises(ServiceError) as caught:
        evaluations.record(at, {"relevance": 9}, actor=trainer)
    assert caught.value.field == "relevance"
    with pytest.raises(ServiceError) as caught:
        evaluations.record(at, {"nonsense": 3}, actor=trainer)
    assert caught.value.field == "nonsense"
    evaluations.record(at, {"relevance": 5, "identify": 4, "comment": "More cases, please"},
                       actor=trainer)
    evaluations.record(at, {"relevance": 3}, actor=trainer)
    answered, results = evaluations.results(at)
    by_code = {r.code: r for r in results}
    assert answered == 2
    assert by_code["relevance"].mean == 4.0 and by_code["relevance"].counts[5] == 1
    assert by_code["identify"].answers == 1
    assert by_code["comment"].comments == ["More cases, please"]
    client = sign_in(Client(), trainer)
    response = client.post(f"/training/sessions/{at.pk}/evaluation/", {"trainer": "5"})
    assert response.status_code == 302
    page = client.get(f"/training/sessions/{at.pk}/").content.decode()
    assert "3 questionnaires returned" in page and "More cases, please" in page
