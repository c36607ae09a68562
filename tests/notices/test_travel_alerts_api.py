"""Issue 18: travel alerts through the API take the steps the page takes (list, read,
acknowledge, take over, close with an outcome), under the same rules: version-checked
(409 when someone acted meanwhile), only for the agency alerted or the coordinator, audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.notices.models import TravelAlert
from palermo.notices.services import travel
from tests.access.factories import api_token
from tests.notices.factories import published

pytestmark = pytest.mark.django_db
BASE = "/api/v1/notices/travel-alerts"


def _alert(people: dict[str, Any]) -> TravelAlert:
    notice = published(people["author"], people["reviewer"])
    travel.register_trip(notice, actor=people["author"], to_country="CYP", carrier="CY 1234")
    return TravelAlert.objects.get(agency=people["destination"].agency)


def _auth(user: Any) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token(user)[1]}"}


def _post(client: Client, url: str, body: dict[str, Any], auth: dict[str, str]) -> Any:
    return client.post(url, body, content_type="application/json", **auth)


def test_list_read_and_every_step(people: dict[str, Any], client: Client) -> None:
    alert = _alert(people)
    auth = _auth(people["destination"])
    listed = client.get(f"{BASE}/", **auth).json()
    assert [(a["id"], a["state"], a["may_act"]) for a in listed] == [(alert.pk, "open", True)]
    read = client.get(f"{BASE}/{alert.pk}", **auth).json()
    assert read["agency"] == "Cyprus Police" and read["version"] == alert.version
    acknowledged = _post(client, f"{BASE}/{alert.pk}/acknowledge",
                         {"version": read["version"]}, auth).json()
    assert acknowledged["state"] == "acknowledged"
    assert acknowledged["acknowledged_by"] == people["destination"].full_name
    taken = _post(client, f"{BASE}/{alert.pk}/take-over",
                  {"version": acknowledged["version"]}, auth).json()
    assert (taken["state"], taken["taken_by"]) == ("taken", people["destination"].full_name)
    closed = _post(client, f"{BASE}/{alert.pk}/close",
                   {"version": taken["version"], "outcome": "monitored",
                    "note": "Met at arrivals."}, auth).json()
    assert (closed["state"], closed["outcome"], closed["outcome_note"]) == (
        "closed", "monitored", "Met at arrivals.")
    assert list(AuditEvent.objects.filter(object_type="travel_alert", object_id=str(alert.pk))
                .order_by("seq").values_list("action", flat=True)) == [
        "travel_alert.read", "travel_alert.acknowledge", "travel_alert.take_over",
        "travel_alert.close"]


def test_a_step_on_a_changed_alert_answers_409(people: dict[str, Any], client: Client) -> None:
    alert = _alert(people)
    auth = _auth(people["destination"])
    _post(client, f"{BASE}/{alert.pk}/take-over", {"version": alert.version}, auth)
    stale = _post(client, f"{BASE}/{alert.pk}/close",
                  {"version": alert.version, "outcome": "monitored", "note": "x"}, auth)
    assert stale.status_code == 409
    again = _post(client, f"{BASE}/{alert.pk}/acknowledge",
                  {"version": alert.version, "follow_up": "Called the airline."}, auth)
    assert again.status_code == 409
    alert.refresh_from_db()
    assert alert.state == "taken" and "Called the airline." not in alert.follow_up


def test_an_outcome_needing_a_note_is_refused_naming_the_field(people: dict[str, Any],
                                                               client: Client) -> None:
    alert = _alert(people)
    refused = _post(client, f"{BASE}/{alert.pk}/close",
                    {"version": alert.version, "outcome": "referred"},
                    _auth(people["destination"]))
    assert refused.status_code in (400, 422)
    assert "note" in refused.content.decode()
    alert.refresh_from_db()
    assert alert.state == "open"


def test_another_agency_neither_sees_nor_acts(people: dict[str, Any], client: Client) -> None:
    alert = _alert(people)
    auth = _auth(people["border"])
    assert alert.pk not in [a["id"] for a in client.get(f"{BASE}/", **auth).json()]
    assert client.get(f"{BASE}/{alert.pk}", **auth).status_code == 404
    assert _post(client, f"{BASE}/{alert.pk}/take-over", {"version": alert.version},
                 auth).status_code == 404
    coordinator = client.get(f"{BASE}/{alert.pk}", **_auth(people["reviewer"])).json()
    assert coordinator["may_act"] is True
