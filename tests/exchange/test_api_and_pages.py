"""The HTTP inbox other installations deliver to, the published schema, the FtM export,
and the pages of export, review and the trust store."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from palermo.exchange import keys, message
from palermo.exchange.models import CaseReport
from palermo.exchange.services import ftm
from tests.access.factories import api_token
from tests.conftest import sign_in
from tests.exchange.factories import exchange, signed

pytestmark = pytest.mark.django_db


def _deliver(client: Client, raw: bytes, signer: Any) -> Any:
    key = keys.signing_key(signer.agency_id)
    return client.post("/api/v1/exchange/inbox", raw, content_type="application/json",
                       HTTP_X_PALERMO_KEY=message.key_id(key.public_key()),
                       HTTP_X_PALERMO_SIGNATURE=message.sign_bytes(raw, key))


def test_inbox_takes_signed_deliveries_once(client: Client) -> None:
    world = exchange()
    raw = signed(world)
    first = _deliver(client, raw, world.sender)
    assert first.status_code == 202 and first.json()["state"] == "received"
    assert _deliver(client, raw, world.sender).json()["id"] == first.json()["id"]
    forged = client.post("/api/v1/exchange/inbox", raw, content_type="application/json",
                         HTTP_X_PALERMO_KEY=world.from_sender.key_id,
                         HTTP_X_PALERMO_SIGNATURE=message.sign_bytes(b"other", keys.signing_key(
                             world.sender.agency_id)))
    assert forged.status_code == 401
    tampered = _deliver(client, raw.replace(b"Limassol", b"Nicosia"), world.sender)
    assert tampered.status_code == 400
    assert tampered.json()["error"]["fields"] == {"$.signature": [
        tampered.json()["error"]["message"]]}
    assert CaseReport.objects.filter(direction="in").count() == 1


def test_schema_is_published(client: Client) -> None:
    published = client.get("/api/v1/exchange/schema/1.0").json()
    assert published["$id"] == "urn:palermo:hst:1.0"
    assert client.get("/api/v1/exchange/schema/9.9").status_code == 404


def test_ftm_export_passes_followthemoney_validation() -> None:
    from followthemoney import model

    world = exchange()
    entities = ftm.case_entities(world.case.pk, actor=world.sender)
    schemata = sorted(e["schema"] for e in entities)
    assert schemata == ["Event", "Passport", "Person", "Person", "UnknownLink"]
    for entity in entities:
        proxy = model.get_proxy(entity, cleaned=False)
        for prop, values in entity["properties"].items():
            cleaned = [proxy.schema.properties[prop].type.clean(v) for v in values]
            assert None not in cleaned, (entity["schema"], prop, values)
    person = next(e for e in entities if e["properties"].get("name") == ["Olga Petrenko"])
    assert person["properties"]["nationality"] == ["ua"]
    lines = ftm.as_lines(entities).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in entities]


def test_export_page_previews_exactly_what_leaves(user_with: Any) -> None:
    world = exchange()
    client = sign_in(Client(), world.sender)
    url = f"/exchange/cases/{world.case.pk}/export/"
    form = {"partner_ids": [world.to_receiver.pk], "handling_code": "H2",
            "person_ids": [world.victim.pk, world.suspect.pk], "documents": "on"}
    page = client.post(url, {**form, "step": "preview"}).content.decode()
    assert "identity withheld" in page and "Avi Mizrahi" in page
    assert not CaseReport.objects.exists()
    response = client.post(url, {**form, "step": "export"})
    report = CaseReport.objects.get()
    assert response["Location"] == f"/exchange/reports/{report.pk}/"
    download = client.get(f"/exchange/reports/{report.pk}/file/")
    assert json.loads(download.content)["signature"]["alg"] == "Ed25519"


def test_review_page_accepts_into_a_case(user_with: Any) -> None:
    world = exchange()
    client = sign_in(Client(), world.receiver)
    upload = signed(world)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/exchange/import/", {
        "file": SimpleUploadedFile("hst.json", upload, "application/json")})
    report = CaseReport.objects.get(direction="in")
    assert response["Location"] == f"/exchange/reports/{report.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "identity withheld by the sender" in page and "Accept into a case" in page
    client.post(f"/exchange/reports/{report.pk}/step/", {"step": "accept"})
    report.refresh_from_db()
    assert report.state == "accepted" and report.case_id


def test_api_exports_and_imports(client: Client) -> None:
    world = exchange()
    _t, sender = api_token(world.sender)
    _t, receiver = api_token(world.receiver)
    created = client.post(f"/api/v1/exchange/cases/{world.case.pk}/export",
                          {"partner_ids": [world.to_receiver.pk]},
                          content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {sender}")
    assert created.status_code == 201 and created.json()["state"] == "exported"
    raw = json.dumps(CaseReport.objects.get(pk=created.json()["id"]).content).encode()
    imported = client.post("/api/v1/exchange/import", raw, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {receiver}")
    assert imported.status_code == 201
    accepted = client.post(f"/api/v1/exchange/reports/{imported.json()['id']}/accept",
                           {"matches": {}}, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {receiver}")
    assert accepted.json()["state"] == "accepted"
    bad = client.post("/api/v1/exchange/import", b"{", content_type="application/json",
                      HTTP_AUTHORIZATION=f"Bearer {receiver}")
    assert bad.status_code == 400 and "line 1, column 2" in bad.json()["error"]["message"]
