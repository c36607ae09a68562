"""Issue 18: screening alerts a user can act on. The officer's post is asked once a shift;
the owning agency sees who or what was hit, where and by whom, with links to the record, the
notice and the check, and acknowledges, takes over and closes each alert with an outcome."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit.models import AuditEvent
from palermo.screening import alerts
from palermo.screening.models import Alert
from tests.access.factories import AgencyFactory
from tests.conftest import sign_in
from tests.screening.factories import TD3, watch_lists

pytestmark = pytest.mark.django_db

POST = "Allenby Bridge, lane 3"


@pytest.fixture
def frontline(user_with: Any) -> dict[str, Any]:
    police = AgencyFactory(name="Police", kind="police", country="ISR")
    return {"lists": watch_lists(police),
            "owner": user_with("investigator", agency=police),
            "colleague": user_with("investigator", agency=police),
            "officer": user_with("border_officer", agency=AgencyFactory(
                name="Border", kind="border", country="ISR")),
            "outsider": user_with("investigator", agency=AgencyFactory(
                name="Other police", kind="police", country="ISR")),
            "coordinator": user_with("coordinator", agency=AgencyFactory(
                name="National Coordinator", kind="coordinator", country="ISR"))}


def _check_from_post(officer: Any) -> Client:
    client = sign_in(Client(), officer)
    client.post("/screening/", {"step": "post", "post": POST})
    client.post("/screening/", {"q": TD3})
    return client


def _person_alert() -> Alert:
    return Alert.objects.get(kind="person")


def test_the_post_is_asked_once_a_shift_and_every_hit_carries_it(
        frontline: dict[str, Any]) -> None:
    client = sign_in(Client(), frontline["officer"])
    assert "Where are you checking from?" in client.get("/screening/").content.decode()
    empty = client.post("/screening/", {"step": "post", "post": "  "})
    assert empty.status_code == 400
    assert "Name the post you check from" in empty.content.decode()
    long = client.post("/screening/", {"step": "post", "post": "x" * 101}, follow=True)
    assert long.status_code == 400 and "at most 100 characters" in long.content.decode()
    saved = client.post("/screening/", {"step": "post", "post": POST}, follow=True)
    page = saved.content.decode()
    assert f"Your post is now {POST}" in page and "Checking from <strong>" in page
    client.post("/screening/", {"q": TD3})
    assert set(Alert.objects.values_list("post", flat=True)) == {POST}
    # A new shift asks again.
    session = client.session
    session["screening_post"]["since"] = (timezone.now() - dt.timedelta(hours=13)).isoformat()
    session.save()
    assert "Where are you checking from?" in client.get("/screening/").content.decode()


def test_the_owner_sees_who_was_hit_where_and_by_whom(frontline: dict[str, Any]) -> None:
    _check_from_post(frontline["officer"])
    owner = sign_in(Client(), frontline["owner"])
    page = owner.get("/screening/alerts/").content.decode()
    assert "ANNA MARIA ERIKSSON" in page and "UTO L898902C3" in page
    assert POST in page and frontline["officer"].full_name in page
    assert "Person #" not in page and "#" + str(_person_alert().record_id) not in page
    alert = _person_alert()
    assert f'href="/screening/alerts/{alert.pk}/"' in page
    detail = owner.get(f"/screening/alerts/{alert.pk}/").content.decode()
    # What the officer read, and the way to the record on the owner's own list.
    assert "Name read" in detail and "ANNA MARIA ERIKSSON" in detail
    assert "/screening/lists/?kind=persons&amp;q=ANNA MARIA ERIKSSON" in detail
    event = AuditEvent.objects.get(action="screening.check")
    assert f"<dd>{event.seq}</dd>" in detail
    assert AuditEvent.objects.filter(action="screening_alert.read", object_id=str(alert.pk),
                                     actor=frontline["owner"]).exists()


def test_an_alert_links_to_the_notice_and_the_case(frontline: dict[str, Any],
                                                   user_with: Any) -> None:
    from palermo.notices.services import notices
    from tests.cases.factories import open_case
    from tests.notices.factories import ALL_PASS, green

    owner = frontline["owner"]
    case = open_case(owner)
    author = user_with("liaison_officer", agency=owner.agency)
    notice = notices.review(notices.submit(green(author, case_reference=case.reference),
                                           actor=author),
                            ALL_PASS, actor=frontline["coordinator"])
    from palermo.screening.models import WatchedPerson
    WatchedPerson.objects.filter(pk=notice.watched_person_id).update(
        case_reference=case.reference)
    client = sign_in(Client(), frontline["officer"])
    client.post("/screening/", {"q": "Arkadi Gold"})
    alert = Alert.objects.get(record_id=notice.watched_person_id)
    assert alert.notice_id == notice.pk
    page = sign_in(Client(), owner).get(f"/screening/alerts/{alert.pk}/").content.decode()
    assert f'href="/notices/{notice.pk}/"' in page
    assert f'href="/cases/{case.pk}/"' in page
    # Someone who may not open the case gets no link to it.
    coordinator = sign_in(Client(), frontline["coordinator"])
    assert coordinator.get(f"/screening/alerts/{alert.pk}/").status_code == 200


def test_acknowledge_take_over_and_close_with_an_outcome(frontline: dict[str, Any]) -> None:
    _check_from_post(frontline["officer"])
    owner, colleague = frontline["owner"], frontline["colleague"]
    # The passport and its holder: two alerts for the owner.
    assert alerts.open_alert_count(owner) == 2
    alert = _person_alert()
    client = sign_in(Client(), owner)
    url = f"/screening/alerts/{alert.pk}/step/"
    done = client.post(url, {"step": "acknowledge", "version": alert.version}, follow=True)
    assert "Acknowledged." in done.content.decode()
    alert.refresh_from_db()
    assert (alert.state, alert.acknowledged_by) == ("acknowledged", owner)
    assert alerts.open_alert_count(owner) == 1
    other = sign_in(Client(), colleague)
    other.post(url, {"step": "take_over", "version": alert.version})
    alert.refresh_from_db()
    assert (alert.state, alert.taken_by) == ("taken", colleague)
    assert colleague.full_name in client.get("/screening/alerts/").content.decode()
    # Closing: the outcome is asked, and "not a match" asks for a note; nothing is kept half.
    missing = other.post(url, {"step": "close", "version": alert.version, "note": "x" * 10})
    assert missing.status_code == 400
    page = missing.content.decode()
    assert "Choose how the alert ended." in page and "x" * 10 in page
    needs_note = other.post(url, {"step": "close", "version": alert.version,
                                  "outcome": "not_a_match"})
    assert "needs one" in needs_note.content.decode()
    assert 'class="field has-error"' in needs_note.content.decode()
    closed = other.post(url, {"step": "close", "version": alert.version,
                              "outcome": "allowed_through", "note": "Papers in order."},
                        follow=True)
    assert "Alert closed as “Allowed through after checks”" in closed.content.decode()
    alert.refresh_from_db()
    assert (alert.state, alert.outcome, alert.closed_by) == ("closed", "allowed_through",
                                                             colleague)
    assert "ANNA MARIA ERIKSSON" not in client.get("/screening/alerts/").content.decode()
    assert "ANNA MARIA ERIKSSON" in client.get("/screening/alerts/?show=closed").content.decode()
    steps = list(AuditEvent.objects.filter(object_type="screening_alert")
                 .exclude(action="screening_alert.read").order_by("seq")
                 .values_list("action", "actor_id"))
    assert steps == [("screening_alert.acknowledge", owner.pk),
                     ("screening_alert.take_over", colleague.pk),
                     ("screening_alert.close", colleague.pk)]


def test_a_stale_step_is_refused_and_says_why(frontline: dict[str, Any]) -> None:
    _check_from_post(frontline["officer"])
    alert = _person_alert()
    seen, stale = alert.version, Alert.objects.get(pk=alert.pk)
    alerts.step(alert, "take_over", actor=frontline["colleague"], version=seen)
    with pytest.raises(StaleWrite):
        alerts.step(stale, "acknowledge", actor=frontline["owner"], version=seen)
    page = sign_in(Client(), frontline["owner"]).post(
        f"/screening/alerts/{alert.pk}/step/",
        {"step": "close", "version": seen, "outcome": "held"})
    assert page.status_code == 400
    assert "Someone else acted on this alert meanwhile" in page.content.decode()
    alert.refresh_from_db()
    assert alert.state == "taken"


def test_only_the_owning_agency_and_the_coordinator_act(frontline: dict[str, Any]) -> None:
    _check_from_post(frontline["officer"])
    alert = _person_alert()
    outsider = sign_in(Client(), frontline["outsider"])
    assert "ANNA" not in outsider.get("/screening/alerts/").content.decode()
    assert outsider.get(f"/screening/alerts/{alert.pk}/").status_code == 404
    assert outsider.post(f"/screening/alerts/{alert.pk}/step/",
                         {"step": "acknowledge", "version": alert.version}).status_code == 404
    with pytest.raises(NotAllowed):
        alerts.step(alert, "acknowledge", actor=frontline["outsider"], version=alert.version)
    with pytest.raises(NotAllowed):
        alerts.visible(frontline["officer"])
    coordinator = sign_in(Client(), frontline["coordinator"])
    page = coordinator.get("/screening/alerts/").content.decode()
    assert "ANNA MARIA ERIKSSON" in page and "Police" in page
    coordinator.post(f"/screening/alerts/{alert.pk}/step/",
                     {"step": "close", "version": alert.version, "outcome": "held"})
    alert.refresh_from_db()
    assert (alert.state, alert.closed_by) == ("closed", frontline["coordinator"])
    with pytest.raises(ServiceError, match="closed already"):
        alerts.step(alert, "take_over", actor=frontline["owner"], version=alert.version)
    # The count is the owning agency's own.
    assert alerts.open_alert_count(frontline["coordinator"]) == 0
    assert alerts.open_alert_count(frontline["owner"]) == 1
    assert alerts.open_alert_count(frontline["officer"]) == 0


def test_the_alert_pages_speak_hebrew(frontline: dict[str, Any]) -> None:
    _check_from_post(frontline["officer"])
    client = sign_in(Client(), frontline["owner"])
    # The requests switch this thread to Hebrew; later tests must not inherit it.
    with translation.override("en"):
        client.post("/language", {"language": "he", "next": "/screening/alerts/"})
        page = client.get(f"/screening/alerts/{_person_alert().pk}/").content.decode()
    assert 'dir="rtl"' in page
    assert "screening_kinds" not in page and "sex_offender" not in page
    assert re.search("[\u0590-\u05ff]", page)


def test_the_header_counts_the_hits_waiting_for_the_owning_agency(
        frontline: dict[str, Any]) -> None:
    _check_from_post(frontline["officer"])
    owner = sign_in(Client(), frontline["owner"]).get("/").content.decode()
    assert 'data-testid="alerts-count">2<' in owner
    assert 'href="/screening/alerts/"' in owner
    outsider = sign_in(Client(), frontline["outsider"]).get("/").content.decode()
    assert 'data-testid="alerts-count"' not in outsider
