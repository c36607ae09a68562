"""Frontline checks: one query against every watch list, explained, audited and alerted."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.screening import services
from palermo.screening.models import Alert
from palermo.screening.services import Query
from tests.access.factories import AgencyFactory, api_token
from tests.conftest import sign_in
from tests.screening.factories import TD3, watch_lists

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(user_with: Any) -> dict[str, Any]:
    owner = AgencyFactory(name="Police")
    officer = user_with("border_officer", agency=AgencyFactory(name="Border", kind="border"))
    return {"officer": officer, "owner": owner, **watch_lists(owner)}


def test_specimen_passport_hits_the_document_and_its_holder(setup: dict[str, Any],
                                                            user_with: Any) -> None:
    result = services.check(setup["officer"], Query(mrz=TD3), post="Ben Gurion T3")
    kinds = [(hit.kind, hit.record["id"]) for hit in result.hits]
    assert ("document", setup["passport"].pk) in kinds
    assert ("person", setup["offender"].pk) in kinds
    person = next(h for h in result.hits if h.kind == "person")
    assert person.action == "Inform the issuing agency of the trip."
    assert "birth date agrees" in person.explanation
    assert result.mrz is not None and result.mrz["valid"] is True
    assert any("expired" in w for w in result.warnings)
    event = AuditEvent.objects.get(action="screening.check")
    assert event.actor == setup["officer"] and event.detail["post"] == "Ben Gurion T3"
    assert Alert.objects.filter(agency=setup["owner"]).count() == 2
    # The owning agency also hears of it in its messages, one message for the check.
    from palermo.messaging.services import reading

    owner_user = user_with("investigator", agency=setup["owner"])
    (line,) = reading.inbox(owner_user)
    assert line.subject == "Screening hit on your watch list"
    sent = AuditEvent.objects.get(action="message.send")
    assert sent.detail["participants"] == [f"agency:{setup['owner'].pk}"]
    assert sent.detail["attachments"] == 0 and sent.actor_label == "system"


def test_near_document_number_is_flagged_not_merged(setup: dict[str, Any]) -> None:
    result = services.check(setup["officer"], Query(document_number="X1234567B"))
    (hit,) = result.hits
    assert hit.score < 1.0 and "Near match" in hit.explanation[0]


def test_vehicle_by_vin_and_by_plate(setup: dict[str, Any]) -> None:
    by_vin = services.check(setup["officer"], Query(vin="1HGCM82633A004352"))
    by_plate = services.check(setup["officer"], Query(plate="12-345-67", plate_country="ISR"))
    assert [h.record["id"] for h in by_vin.hits] == [setup["car"].pk]
    assert [h.record["id"] for h in by_plate.hits] == [setup["car"].pk]
    bad = services.check(setup["officer"], Query(vin="1HGCM82633A004353"))
    assert any("check digit" in w for w in bad.warnings)


def test_person_across_scripts_and_birth_date_counts(setup: dict[str, Any]) -> None:
    hit = services.check(setup["officer"], Query(name="Дмитрий Волков", birth_date="1979-02-11"))
    assert [h.record["id"] for h in hit.hits] == [setup["wanted"].pk]
    other = services.check(setup["officer"], Query(name="Dmitri Volkov", birth_date="1991-06-30"))
    assert other.hits == []


@pytest.mark.parametrize(("query", "message"), [
    (Query(mrz="P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO74"), "line"),
    (Query(name="A" * 10_000), "at most 300 characters"),
    (Query(), "Nothing to check"),
])
def test_bad_input_is_refused_with_a_clear_error(setup: dict[str, Any], query: Query,
                                                  message: str) -> None:
    from palermo.access.services.errors import ServiceError

    with pytest.raises(ServiceError, match=message):
        services.check(setup["officer"], query)
    assert not Alert.objects.exists()


def test_api_contract(setup: dict[str, Any], client: Client) -> None:
    _token, raw = api_token(setup["officer"])
    response = client.post("/api/v1/screening/check", {"mrz": TD3}, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = response.json()
    assert response.status_code == 200
    assert set(body) == {"hits", "mrz", "warnings", "took_ms"}
    assert {"kind", "score", "record", "explanation", "action", "notice"} <= set(body["hits"][0])
    assert body["mrz"]["document_number"] == "L898902C3"
    assert client.post("/api/v1/screening/check", {"person": {"name": "x"}},
                       content_type="application/json").status_code == 401
    empty = client.post("/api/v1/screening/check", {}, content_type="application/json",
                        HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert empty.status_code == 400 and empty.json()["error"]["fields"] == {
        "query": ["Nothing to check: give an MRZ, a document, a vehicle or a name."]}


def test_the_page_answers_in_place_and_in_hebrew(setup: dict[str, Any]) -> None:
    client = sign_in(Client(), setup["officer"])
    fragment = client.post("/screening/", {"q": TD3}, HTTP_X_PALERMO_FRAGMENT="result")
    html = fragment.content.decode()
    assert "<html" not in html and "HIT" in html
    client.post("/language", {"language": "he", "next": "/screening/"})
    page = client.get("/screening/").content.decode()
    assert 'dir="rtl"' in page


def test_only_screening_roles_may_check(user_with: Any) -> None:
    client = sign_in(Client(), user_with("trainer"))
    assert client.get("/screening/").status_code == 403


def test_index_follows_changes_to_the_list(setup: dict[str, Any]) -> None:
    from palermo.screening.models import WatchedPerson

    assert services.check(setup["officer"], Query(name="Dmitri Volkov")).hits
    setup["wanted"].delete()
    assert services.check(setup["officer"], Query(name="Dmitri Volkov")).hits == []
    person = setup["offender"]
    person.names = ["Ioana Marinescu"]
    person.save()
    assert services.check(setup["officer"], Query(name="Ioana Marinescu")).hits
    assert services.check(setup["officer"], Query(name="Anna Maria Eriksson")).hits == []
    WatchedPerson.objects.create(names=["Yonas Haile"], reason="wanted",
                                 owner_agency=setup["owner"])
    assert services.check(setup["officer"], Query(name="Yonas Haile")).hits


@pytest.mark.parametrize("date", ["31/31/2020", "2020-02-30", "2020-1-1", "11.02.1979", "79"])
def test_a_birth_date_the_matcher_cannot_read_is_refused_not_ignored(
        setup: dict[str, Any], client: Client, date: str) -> None:
    from palermo.access.services.errors import ServiceError

    with pytest.raises(ServiceError) as caught:
        services.check(setup["officer"], Query(name="Dmitri Volkov", birth_date=date))
    assert caught.value.field == "birth_date" and date in caught.value.message
    _token, raw = api_token(setup["officer"])
    response = client.post("/api/v1/screening/check",
                           {"person": {"name": "Dmitri Volkov", "birth_date": date}},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 422
    assert list(response.json()["error"]["fields"]) == ["person.birth_date"]
    assert not AuditEvent.objects.filter(action="screening.check").exists()


def test_a_birth_year_alone_is_a_date_too(setup: dict[str, Any]) -> None:
    result = services.check(setup["officer"], Query(name="Dmitri Volkov", birth_date=" 1979 "))
    assert [h.record["id"] for h in result.hits] == [setup["wanted"].pk]
