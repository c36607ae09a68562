"""A trip of a green, red or yellow notice's subject, registered or seen at a border,
alerts the destination's agencies and the issuer at once; each acknowledges."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.messaging.services import reading
from palermo.notices.models import TravelAlert, Trip
from palermo.notices.services import notices, travel
from palermo.screening import services as screening
from tests.access.factories import api_token
from tests.conftest import sign_in
from tests.notices.factories import ALL_PASS, green, published

pytestmark = pytest.mark.django_db


def _alerted(trip: Trip) -> set[str]:
    return {a.agency.name for a in trip.alerts.select_related("agency")}


def test_registered_trip_alerts_destination_and_issuer(people: dict[str, Any]) -> None:
    notice = published(people["author"], people["reviewer"])
    trip = travel.register_trip(notice, actor=people["author"], to_country="cyp",
                                from_country="ISR", departs_on=dt.date(2026, 12, 1),
                                carrier="CY 1234")
    # Every Cypriot agency that receives notices, and the issuer; not the reviewer's office.
    assert _alerted(trip) == {"Border", "Cyprus Police", "Police"}
    event = AuditEvent.objects.get(action="notice.trip")
    assert event.detail["to"] == "CYP" and len(event.detail["alerted_agencies"]) == 3
    # It also arrives in each agency's messages.
    (line,) = reading.inbox(people["destination"])
    assert line.subject == "Travel alert: Green notice subject Arkadi Gold to CYP"
    assert line.thread.link_type == "notice" and line.thread.link_ref == str(notice.pk)


def test_a_border_hit_is_a_detected_trip(people: dict[str, Any]) -> None:
    notice = published(people["author"], people["reviewer"])
    result = screening.check(people["border"], screening.Query(
        name="Arkadi Gold", birth_date="1968-08-08"), post="Larnaca airport")
    assert result.hits[0].notice["id"] == notice.pk
    trip = Trip.objects.get()
    assert (trip.source, trip.to_country, trip.carrier) == ("screening", "CYP",
                                                            "Larnaca airport")
    assert _alerted(trip) == {"Border", "Cyprus Police", "Police"}
    assert travel.open_alert_count(people["destination"]) == 1
    # The same passport scanned again at the next desk is the same crossing.
    screening.check(people["border"], screening.Query(name="Arkadi Gold",
                                                      birth_date="1968-08-08"))
    assert Trip.objects.count() == 1


def test_acknowledge_and_follow_up(people: dict[str, Any]) -> None:
    notice = published(people["author"], people["reviewer"])
    travel.register_trip(notice, actor=people["author"], to_country="CYP")
    alert = travel.alerts_for(people["destination"]).get()
    with pytest.raises(NotAllowed):
        travel.acknowledge(alert, actor=people["author"])
    with pytest.raises(ServiceError, match="follow-up"):
        travel.acknowledge(travel.acknowledge(alert, actor=people["destination"]),
                           actor=people["destination"])
    alert = travel.acknowledge(alert, actor=people["destination"],
                               follow_up="Met at arrivals; left for Limassol.")
    assert alert.acknowledged_by == people["destination"]
    assert alert.follow_up.endswith("Met at arrivals; left for Limassol.")
    assert travel.open_alert_count(people["destination"]) == 0
    assert list(AuditEvent.objects.filter(object_type="travel_alert")
                .values_list("action", flat=True).order_by("seq")) == [
        "travel_alert.acknowledge", "travel_alert.follow_up"]


def test_only_published_travel_notices_take_trips(people: dict[str, Any]) -> None:
    draft = green(people["author"])
    with pytest.raises(ServiceError, match="published green, red or yellow"):
        travel.register_trip(draft, actor=people["author"], to_country="CYP")
    blue = notices.draft(actor=people["author"], colour="blue", subject_names=["Lev Blum"],
                         reasons="Identity unknown.")
    blue = notices.review(notices.submit(blue, actor=people["author"]), ALL_PASS,
                          actor=people["reviewer"])
    with pytest.raises(ServiceError, match="published green, red or yellow"):
        travel.register_trip(blue, actor=people["author"], to_country="CYP")
    screening.check(people["border"], screening.Query(name="Lev Blum"))
    assert not Trip.objects.exists()
    with pytest.raises(ServiceError) as caught:
        travel.register_trip(published(people["author"], people["reviewer"]),
                             actor=people["author"], to_country="XXX")
    assert caught.value.field == "to_country"


def test_inbox_page_and_acknowledgement(people: dict[str, Any]) -> None:
    notice = published(people["author"], people["reviewer"])
    prison = sign_in(Client(), people["author"])
    response = prison.post(f"/notices/{notice.pk}/trip/", {"to_country": "CYP",
                                                            "carrier": "CY 1234"})
    assert response.status_code == 302
    client = sign_in(Client(), people["destination"])
    inbox = client.get("/notices/travel-alerts/").content.decode()
    assert "Arkadi Gold" in inbox and "to acknowledge" in inbox
    alert = TravelAlert.objects.get(agency=people["destination"].agency)
    page = client.get(f"/notices/travel-alerts/{alert.pk}/").content.decode()
    assert "Inform the issuing agency of any trip." in page and "CY 1234" in page
    client.post(f"/notices/travel-alerts/{alert.pk}/", {"follow_up": "Flight met."})
    alert.refresh_from_db()
    assert alert.acknowledged_at is not None and "Flight met." in alert.follow_up
    assert AuditEvent.objects.filter(action="travel_alert.read").exists()


def test_api_registers_trips_and_acknowledges(people: dict[str, Any], client: Client) -> None:
    notice = published(people["author"], people["reviewer"])
    _t, author = api_token(people["author"])
    _t, border = api_token(people["border"])
    created = client.post(f"/api/v1/notices/{notice.pk}/trips", {
        "to_country": "CYP", "departs_on": "2026-12-01", "returns_on": "2026-11-01"},
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {author}")
    assert created.status_code == 400
    assert created.json()["error"]["fields"] == {"returns_on": [
        "The return is before the departure."]}
    created = client.post(f"/api/v1/notices/{notice.pk}/trips", {"to_country": "CYP"},
                          content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {author}")
    assert created.status_code == 201
    assert sorted(created.json()["alerted_agencies"]) == ["Border", "Cyprus Police", "Police"]
    (alert,) = client.get("/api/v1/notices/travel-alerts/?open_only=true",
                          HTTP_AUTHORIZATION=f"Bearer {border}").json()
    assert alert["subject_names"] == ["Arkadi Gold"] and alert["acknowledged_at"] is None
    done = client.post(f"/api/v1/notices/travel-alerts/{alert['id']}/acknowledge",
                       {"follow_up": "Seen."}, content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {border}")
    assert done.status_code == 200 and done.json()["acknowledged_at"]
