"""Issue 18: the owning agency's screening alerts through the API, under the same rules as
the alerts page: the same alerts are visible, opening one is an audited read, and each step
(acknowledge, take over, close with an outcome) is version-checked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.models import Role
from palermo.audit.models import AuditEvent
from palermo.screening.models import Alert
from tests.access.factories import AgencyFactory, api_token
from tests.conftest import sign_in
from tests.screening.factories import TD3, watch_lists

pytestmark = pytest.mark.django_db

URL = "/api/v1/screening/alerts"


@pytest.fixture
def frontline(user_with: Any) -> dict[str, Any]:
    police = AgencyFactory(name="Police", kind="police", country="ISR")
    watch_lists(police)
    people = {"owner": user_with("investigator", agency=police),
              "officer": user_with("border_officer", agency=AgencyFactory(
                  name="Border", kind="border", country="ISR")),
              "outsider": user_with("investigator", agency=AgencyFactory(
                  name="Other police", kind="police", country="ISR")),
              "coordinator": user_with("coordinator", agency=AgencyFactory(
                  name="National Coordinator", kind="coordinator", country="ISR"))}
    officer = sign_in(Client(), people["officer"])
    officer.post("/screening/", {"step": "post", "post": "Allenby Bridge"})
    officer.post("/screening/", {"q": TD3})
    return people


def _bearer(user: Any) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token(user)[1]}"}


def _post(client: Client, url: str, body: dict[str, Any], auth: dict[str, str]) -> Any:
    return client.post(url, body, content_type="application/json", **auth)


def test_the_owner_lists_its_open_alerts_with_who_where_and_by_whom(
        frontline: dict[str, Any], client: Client) -> None:
    listed = client.get(URL, **_bearer(frontline["owner"]))
    assert listed.status_code == 200
    rows = listed.json()
    assert {row["kind"] for row in rows} == {"person", "document"}
    person = next(row for row in rows if row["kind"] == "person")
    assert person["record"]["names"] == ["ANNA MARIA ERIKSSON"] and person["name_shown"]
    assert person["post"] == "Allenby Bridge"
    assert person["checked_by"] == frontline["officer"].full_name
    assert person["checked_by_agency"] == "Border" and person["state"] == "open"
    assert person["may_act"] and "record" in person["links"]


def test_show_all_includes_closed_alerts_and_an_unknown_show_names_the_field(
        frontline: dict[str, Any], client: Client) -> None:
    auth = _bearer(frontline["owner"])
    alert = Alert.objects.get(kind="document")
    closed = _post(client, f"{URL}/{alert.pk}/close",
                   {"version": alert.version, "outcome": "held"}, auth)
    assert closed.status_code == 200 and closed.json()["state"] == "closed"
    assert {row["id"] for row in client.get(URL, **auth).json()} == {
        Alert.objects.get(kind="person").pk}
    assert alert.pk in {row["id"] for row in client.get(f"{URL}?show=all", **auth).json()}
    wrong = client.get(f"{URL}?show=everything", **auth)
    assert wrong.status_code == 422 and "show" in wrong.json()["error"]["fields"]


def test_another_agencys_alert_is_not_found_and_the_list_is_empty(
        frontline: dict[str, Any], client: Client) -> None:
    auth = _bearer(frontline["outsider"])
    alert = Alert.objects.get(kind="person")
    assert client.get(URL, **auth).json() == []
    assert client.get(f"{URL}/{alert.pk}", **auth).status_code == 404
    refused = _post(client, f"{URL}/{alert.pk}/acknowledge", {"version": alert.version}, auth)
    assert refused.status_code == 404
    assert Alert.objects.get(pk=alert.pk).state == "open"


def test_a_user_without_the_permission_is_refused(frontline: dict[str, Any],
                                                  client: Client) -> None:
    # The border officer raised the alert but does not manage the watch lists.
    auth = _bearer(frontline["officer"])
    assert client.get(URL, **auth).status_code == 403
    alert = Alert.objects.get(kind="person")
    assert _post(client, f"{URL}/{alert.pk}/acknowledge", {"version": alert.version},
                 auth).status_code == 403


def test_opening_an_alert_is_an_audited_read(frontline: dict[str, Any],
                                             client: Client) -> None:
    alert = Alert.objects.get(kind="person")
    opened = client.get(f"{URL}/{alert.pk}", **_bearer(frontline["owner"]))
    assert opened.status_code == 200 and opened.json()["id"] == alert.pk
    assert AuditEvent.objects.filter(action="screening_alert.read", object_id=str(alert.pk),
                                     actor=frontline["owner"]).count() == 1


def test_the_coordinator_sees_every_agencys_alert(frontline: dict[str, Any],
                                                  client: Client) -> None:
    alert = Alert.objects.get(kind="person")
    seen = client.get(f"{URL}/{alert.pk}", **_bearer(frontline["coordinator"])).json()
    assert seen["agency"] == "Police" and seen["may_act"]
    assert seen["record"]["names"] == ["ANNA MARIA ERIKSSON"]


def test_the_name_is_withheld_from_whom_the_page_withholds_it(
        frontline: dict[str, Any], client: Client) -> None:
    # An administrator took screening off the coordinator's role: a check would no longer
    # show them the name, so neither does another agency's alert.
    coordinator = Role.objects.get(code="coordinator")
    coordinator.permissions = [p for p in coordinator.permissions if p != "screening.check"]
    coordinator.save()
    alert = Alert.objects.get(kind="person")
    seen = client.get(f"{URL}/{alert.pk}", **_bearer(frontline["coordinator"])).json()
    assert not seen["name_shown"] and seen["record"]["id"] == alert.record_id
    assert "names" not in seen["record"] and "birth_date" not in seen["record"]


def test_acknowledge_take_over_and_close_step_by_step(frontline: dict[str, Any],
                                                      client: Client) -> None:
    auth = _bearer(frontline["owner"])
    alert = Alert.objects.get(kind="person")
    acknowledged = _post(client, f"{URL}/{alert.pk}/acknowledge",
                         {"version": alert.version}, auth).json()
    assert acknowledged["state"] == "acknowledged"
    assert acknowledged["acknowledged_by"] == frontline["owner"].full_name
    again = _post(client, f"{URL}/{alert.pk}/acknowledge",
                  {"version": acknowledged["version"]}, auth)
    assert again.status_code == 400 and "step" in again.json()["error"]["fields"]
    taken = _post(client, f"{URL}/{alert.pk}/take-over",
                  {"version": acknowledged["version"]}, auth).json()
    assert taken["state"] == "taken" and taken["taken_by"] == frontline["owner"].full_name
    closed = _post(client, f"{URL}/{alert.pk}/close", {
        "version": taken["version"], "outcome": "referred",
        "note": "Handed to the anti-trafficking unit"}, auth).json()
    assert closed["state"] == "closed" and closed["outcome"] == "referred"
    assert closed["outcome_note"] == "Handed to the anti-trafficking unit"
    assert list(AuditEvent.objects.filter(object_type="screening_alert")
                .exclude(action="screening_alert.read").order_by("seq")
                .values_list("action", flat=True)) == [
        "screening_alert.acknowledge", "screening_alert.take_over", "screening_alert.close"]


def test_a_stale_version_is_a_conflict(frontline: dict[str, Any], client: Client) -> None:
    auth = _bearer(frontline["owner"])
    alert = Alert.objects.get(kind="person")
    assert _post(client, f"{URL}/{alert.pk}/take-over", {"version": alert.version},
                 auth).status_code == 200
    stale = _post(client, f"{URL}/{alert.pk}/close",
                  {"version": alert.version, "outcome": "held"}, auth)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    assert Alert.objects.get(pk=alert.pk).state == "taken"


def test_closing_refusals_name_the_field(frontline: dict[str, Any], client: Client) -> None:
    auth = _bearer(frontline["owner"])
    alert = Alert.objects.get(kind="person")
    unknown = _post(client, f"{URL}/{alert.pk}/close",
                    {"version": alert.version, "outcome": "vanished"}, auth)
    assert unknown.status_code == 400
    assert unknown.json()["error"]["fields"] == {"outcome": ["Choose how the alert ended."]}
    no_note = _post(client, f"{URL}/{alert.pk}/close",
                    {"version": alert.version, "outcome": "not_a_match"}, auth)
    assert no_note.status_code == 400 and list(no_note.json()["error"]["fields"]) == ["note"]
    missing = _post(client, f"{URL}/{alert.pk}/close", {"version": alert.version}, auth)
    assert missing.status_code == 422
    assert list(missing.json()["error"]["fields"]) == ["payload.outcome"]
    too_long = _post(client, f"{URL}/{alert.pk}/close", {
        "version": alert.version, "outcome": "other", "note": "x" * 2001}, auth)
    assert too_long.status_code == 422
    assert list(too_long.json()["error"]["fields"]) == ["payload.note"]
    assert Alert.objects.get(pk=alert.pk).state == "open"
