"""Issue 17: every value of the FollowTheMoney export is checked with followthemoney's own
type before it is written; a value the type refuses is left out, the entity stays valid, and
the export's report names it (the audit entry too, without the value)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from followthemoney import model

from palermo.audit.models import AuditEvent
from palermo.exchange.services import ftm
from tests.access.factories import api_token
from tests.cases.factories import add_person
from tests.conftest import sign_in
from tests.exchange.factories import exchange


def _invalid(entities: list[dict[str, Any]]) -> list[str]:
    found = []
    for entity in entities:
        schema = model.get(entity["schema"])
        for prop, values in entity["properties"].items():
            found += [f"{entity['schema']}.{prop}={v!r}" for v in values
                      if schema.get(prop).type.clean(v) is None]
    return found


@pytest.mark.parametrize(("prop", "value", "reason"), [
    ("phone", "+12", "not a phone number in international form (+, country code, number)"),
    ("email", "olga@", "not an e-mail address"),
    ("nationality", "UTO", "not a country code FollowTheMoney knows"),
    ("birthDate", "1990-13-45", "not a date"),
])
def test_each_type_refuses_what_it_does_not_know_and_the_report_names_it(
        prop: str, value: str, reason: str) -> None:
    export = ftm.FtmExport()
    export.entity("plm-1", "Person", "Victim 1", name=["Olga Petrenko"], **{prop: [value]})
    (entity,) = export.entities
    assert prop not in entity["properties"] and entity["properties"]["name"] == ["Olga Petrenko"]
    (item,) = export.left_out
    assert (item.owner, item.prop, item.value, item.reason) == ("Victim 1", prop, value, reason)
    assert str(item).startswith(f"Victim 1: the {item.field} “{value}” was left out, ")


def test_accepted_values_are_written_as_followthemoney_cleans_them() -> None:
    export = ftm.FtmExport()
    export.entity("plm-1", "Person", "Victim 1", name=["Olga Petrenko"],
                  phone=["+972-3-123-4567", "+972 3 123 4567"], nationality=["UKR"],
                  email=["olga@example.org"], birthDate=["1990-01-01"])
    properties = export.entities[0]["properties"]
    assert properties["phone"] == ["+97231234567"]  # one number, however it was written
    assert properties["nationality"] == ["ua"]
    assert (properties["email"], properties["birthDate"]) == (["olga@example.org"],
                                                              ["1990-01-01"])
    assert export.left_out == []


@pytest.mark.django_db
def test_a_case_exports_valid_entities_and_reports_the_contacts_left_out() -> None:
    world = exchange()
    add_person(world.case, world.sender, "Irina Kovalenko",
               contacts=["+380 44 123 4567", "+12", "irina@example.org", "irina(at)mail",
                         "ask at the shelter"])
    export = ftm.case_export(world.case.pk, actor=world.sender)
    assert _invalid(export.entities) == []
    irina = next(e for e in export.entities
                 if e["properties"].get("name") == ["Irina Kovalenko"])
    assert irina["properties"]["phone"] == ["+380441234567"]
    assert irina["properties"]["email"] == ["irina@example.org"]
    assert [(i.prop, i.value) for i in export.left_out] == [("phone", "+12")]
    assert str(export.left_out[0]).endswith(
        "the phone number “+12” was left out, not a phone number in international form "
        "(+, country code, number).")
    event = AuditEvent.objects.filter(action="exchange.ftm_export").latest("seq")
    assert event.detail["left_out"] == [{"entity": irina["id"], "property": "phone",
                                         "type": "phone"}]
    assert "+12" not in json.dumps(event.detail)  # the audit log keeps no contact details


@pytest.mark.django_db
def test_the_download_and_the_api_carry_the_report() -> None:
    world = exchange()
    add_person(world.case, world.sender, "Irina Kovalenko", contacts=["+12"])
    client = sign_in(Client(), world.sender)
    response = client.get(f"/exchange/cases/{world.case.pk}/ftm/")
    assert response.status_code == 200
    header = json.loads(response["X-Palermo-Left-Out"])
    assert [item["property"] for item in header] == ["phone"]
    (warning,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "the phone number “+12” was left out" in warning
    api = Client().get(f"/api/v1/exchange/cases/{world.case.pk}/ftm",
                       HTTP_AUTHORIZATION=f"Bearer {api_token(world.sender)[1]}")
    assert json.loads(api["X-Palermo-Left-Out"]) == header
    lines = [json.loads(line) for line in api.content.decode().splitlines()]
    assert not any("phone" in e["properties"] for e in lines)


@pytest.mark.django_db
def test_nothing_left_out_means_no_report() -> None:
    world = exchange()
    client = sign_in(Client(), world.sender)
    response = client.get(f"/exchange/cases/{world.case.pk}/ftm/")
    assert "X-Palermo-Left-Out" not in response
    assert list(get_messages(response.wsgi_request)) == []
