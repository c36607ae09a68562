"""Issue 20: the notices API answers with its schemas, built from the services' records;
the parts computed from related records (the issuing agency, a travel alert's trip, a
diffusion's recipients, an import's errors) come out as they always did."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from palermo.notices.services import diffusions, travel
from tests.access.factories import api_token
from tests.notices.factories import published

pytestmark = pytest.mark.django_db
N = "/api/v1/notices"


def _auth(user: Any) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token(user)[1]}"}


def test_a_notice_names_its_issuing_agency(people: dict[str, Any], client: Client) -> None:
    notice = published(people["author"], people["reviewer"])
    answer = client.get(f"{N}/{notice.pk}", **_auth(people["author"])).json()
    assert (answer["id"], answer["issuing_agency"], answer["state"]) == (
        notice.pk, "Police", "published")
    assert answer["subject_names"] == ["Arkadi Gold"] and answer["birth_date"] == "1968-08-08"


def test_a_travel_alert_carries_its_trip_and_who_acted(people: dict[str, Any],
                                                        client: Client) -> None:
    notice = published(people["author"], people["reviewer"])
    trip = travel.register_trip(notice, actor=people["author"], to_country="CYP",
                                carrier="CY 1234")
    auth = _auth(people["destination"])
    (alert,) = client.get(f"{N}/travel-alerts/", **auth).json()
    assert alert["trip"] == {"id": trip.pk, "notice_id": notice.pk, "source": "registered",
                             "to_country": "CYP", "from_country": "", "departs_on": None,
                             "returns_on": None, "carrier": "CY 1234", "note": ""}
    assert (alert["notice_id"], alert["colour"], alert["agency"]) == (
        notice.pk, "green", "Cyprus Police")
    assert (alert["acknowledged_by"], alert["may_act"]) == (None, True)
    taken = client.post(f"{N}/travel-alerts/{alert['id']}/take-over",
                        {"version": alert["version"]}, content_type="application/json",
                        **auth).json()
    assert taken["taken_by"] == people["destination"].full_name
    # The coordinator sees, and may act on, every agency's alerts.
    seen = client.get(f"{N}/travel-alerts/", **_auth(people["reviewer"])).json()
    assert sorted((a["agency"], a["may_act"]) for a in seen) == [
        ("Border", True), ("Cyprus Police", True), ("Police", True)]


def test_a_diffusion_lists_its_recipients_and_their_answers(people: dict[str, Any],
                                                             client: Client) -> None:
    diffusion = diffusions.send(actor=people["author"], colour="yellow", purpose="request",
                                body="Missing girl.", subject_names=["Dana Levi"],
                                countries=["CYP"])
    acknowledged = client.post(f"{N}/diffusions/{diffusion.pk}/acknowledge",
                               {"response": "Ferries watched."},
                               content_type="application/json",
                               **_auth(people["destination"])).json()
    assert acknowledged["sender_agency"] == "Police"
    recipients = {r["agency"]: r for r in acknowledged["recipients"]}
    assert set(recipients) == {"Border", "Cyprus Police"}
    assert recipients["Cyprus Police"]["response"] == "Ferries watched."
    assert recipients["Cyprus Police"]["acknowledged_at"] is not None
    assert recipients["Border"] == {"agency": "Border", "acknowledged_at": None, "response": ""}
    (listed,) = client.get(f"{N}/diffusions/", **_auth(people["author"])).json()
    assert listed == acknowledged


def test_an_import_reports_each_record_left_out(people: dict[str, Any],
                                                client: Client) -> None:
    answer = client.post(f"{N}/interpol?skip_bad=true&colour=red",
                         json.dumps([{"entity_id": "bad"}]), content_type="application/json",
                         **_auth(people["reviewer"])).json()
    assert (answer["imported"], answer["created"], answer["skipped"]) == (True, 0, 1)
    ((error,),) = [answer["errors"]]
    assert error["position"] == 1 and "entity_id" in error["reason"]
