"""Issue 18: travel alerts are acted on as screening alerts are: acknowledged, taken over and
closed with an outcome, by the agency alerted or the coordinator, each step version-checked
and audited; a trip seen at a border check says at which post."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, StaleWrite
from palermo.audit.models import AuditEvent
from palermo.notices.models import TravelAlert
from palermo.notices.services import travel
from palermo.screening import services as screening
from tests.conftest import sign_in
from tests.notices.factories import published

pytestmark = pytest.mark.django_db


def _alert(people: dict[str, Any]) -> TravelAlert:
    notice = published(people["author"], people["reviewer"])
    travel.register_trip(notice, actor=people["author"], to_country="CYP", carrier="CY 1234")
    return TravelAlert.objects.get(agency=people["destination"].agency)


def test_take_over_and_close_with_an_outcome_on_the_page(people: dict[str, Any]) -> None:
    alert = _alert(people)
    assert travel.open_alert_count(people["destination"]) == 1
    client = sign_in(Client(), people["destination"])
    url = f"/notices/travel-alerts/{alert.pk}/"
    taken = client.post(url, {"step": "take_over", "version": alert.version}, follow=True)
    assert "You have taken this alert over" in taken.content.decode()
    alert.refresh_from_db()
    assert (alert.state, alert.taken_by) == ("taken", people["destination"])
    assert travel.open_alert_count(people["destination"]) == 0
    refused = client.post(url, {"step": "close", "version": alert.version,
                                "outcome": "referred"})
    assert refused.status_code == 400
    assert 'class="field has-error"' in refused.content.decode()
    assert "needs one" in refused.content.decode()
    done = client.post(url, {"step": "close", "version": alert.version,
                             "outcome": "monitored", "note": "Met at arrivals."}, follow=True)
    assert "Alert closed as “Travel followed; the issuing agency informed”" in \
        done.content.decode()
    alert.refresh_from_db()
    assert (alert.state, alert.outcome, alert.outcome_note) == ("closed", "monitored",
                                                                "Met at arrivals.")
    inbox = client.get("/notices/travel-alerts/").content.decode()
    assert "Travel followed; the issuing agency informed" in inbox
    assert list(AuditEvent.objects.filter(object_type="travel_alert")
                .exclude(action="travel_alert.read").order_by("seq")
                .values_list("action", flat=True)) == ["travel_alert.take_over",
                                                       "travel_alert.close"]


def test_steps_are_version_checked(people: dict[str, Any]) -> None:
    alert = _alert(people)
    stale = TravelAlert.objects.get(pk=alert.pk)
    travel.acknowledge(alert, actor=people["destination"], version=alert.version)
    with pytest.raises(StaleWrite):
        travel.step(stale, "take_over", actor=people["destination"], version=stale.version)
    page = sign_in(Client(), people["destination"]).post(
        f"/notices/travel-alerts/{alert.pk}/",
        {"step": "close", "version": stale.version, "outcome": "not_found"})
    assert page.status_code == 400
    assert "Someone else acted on this alert meanwhile" in page.content.decode()


def test_only_the_agency_alerted_and_the_coordinator_act(people: dict[str, Any]) -> None:
    alert = _alert(people)
    with pytest.raises(NotAllowed):
        travel.step(alert, "take_over", actor=people["border"], version=alert.version)
    border = sign_in(Client(), people["border"])
    assert border.get(f"/notices/travel-alerts/{alert.pk}/").status_code == 404
    # The coordinator (the reviewer's office) sees every agency's travel alerts and acts.
    coordinator = sign_in(Client(), people["reviewer"])
    assert coordinator.get(f"/notices/travel-alerts/{alert.pk}/").status_code == 200
    travel.step(alert, "close", actor=people["reviewer"], version=alert.version,
                outcome="not_found")
    alert.refresh_from_db()
    assert (alert.state, alert.closed_by) == ("closed", people["reviewer"])


def test_a_trip_seen_at_a_border_check_says_where(people: dict[str, Any]) -> None:
    published(people["author"], people["reviewer"])
    screening.check(people["border"], screening.Query(name="Arkadi Gold",
                                                      birth_date="1968-08-08"),
                    post="Larnaca airport, gate 4")
    alert = TravelAlert.objects.get(agency=people["destination"].agency)
    page = sign_in(Client(), people["destination"]).get(
        f"/notices/travel-alerts/{alert.pk}/").content.decode()
    assert "Larnaca airport, gate 4" in page and "Border" in page
    assert "Seen at a border check" in page
