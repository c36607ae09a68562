"""A case leaves as a signed message: victims' identities only when permitted and ticked,
the preview is what leaves, and the export is audited with every person included."""

from __future__ import annotations

import json

import pytest

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.exchange import keys, message
from palermo.exchange.services import outbound
from tests.access.factories import UserFactory
from tests.exchange.factories import exchange, signed

pytestmark = pytest.mark.django_db


def test_victims_leave_without_identity_unless_ticked() -> None:
    world = exchange()
    data = json.loads(signed(world))
    victim, suspect = sorted(data["case"]["persons"], key=lambda p: p["role"] != "victim")
    assert victim["identity_withheld"] is True and "names" not in victim
    assert "documents" not in victim and victim["nationalities"] == ["UKR"]
    assert suspect["names"] == ["Avi Mizrahi"] and suspect["birth_date"] == "1975-05-05"
    with_identity = json.loads(signed(world, identities=True))
    named = next(p for p in with_identity["case"]["persons"] if p["role"] == "victim")
    assert named["names"] == ["Olga Petrenko"]
    assert named["documents"] == [{"kind": "passport", "number": "FE123456",
                                   "issuing_state": "UKR"}]
    event = AuditEvent.objects.filter(action="exchange.export").order_by("-seq").first()
    assert event is not None
    assert {(p["role"], p["identity"]) for p in event.detail["persons"]} == {
        ("victim", True), ("suspect", True)}


def test_the_message_is_valid_and_signed_by_the_agency_key() -> None:
    world = exchange()
    data = json.loads(signed(world, handling_code="H3", restriction="Delete after 2027."))
    message.validate(data)
    public = keys.signing_key(world.sender.agency_id).public_key()
    assert message.verify(data, {message.key_id(public): public})
    assert data["handling"] == {"code": "H3", "classification": "restricted",
                                "restriction": "Delete after 2027."}
    assert data["recipients"] == [{"agency": "Cyprus Police", "country": "CYP"}]


def test_refusals_name_the_field() -> None:
    world = exchange()
    cases = [({"handling_code": "H3"}, "restriction"), ({"handling_code": "H9"},
                                                       "handling_code")]
    for choice, field in cases:
        with pytest.raises(ServiceError) as caught:
            outbound.export(world.case.pk, actor=world.sender, choice=outbound.Choice(
                partner_ids=[world.to_receiver.pk], **choice))
        assert caught.value.field == field
    with pytest.raises(ServiceError) as caught:
        outbound.export(world.case.pk, actor=world.sender, choice=outbound.Choice(
            partner_ids=[]))
    assert caught.value.field == "partner_ids"
    investigator = UserFactory(roles=["investigator"], agency=world.sender.agency)
    with pytest.raises(ServiceError) as caught:
        outbound.export(world.case.pk, actor=investigator, choice=outbound.Choice(
            partner_ids=[world.to_receiver.pk], identities=True))
    assert caught.value.field == "identities"
    assert not AuditEvent.objects.filter(action="exchange.export").exists()


def test_only_persons_chosen_leave() -> None:
    world = exchange()
    data = json.loads(signed(world, person_ids=[world.suspect.pk]))
    assert [p["role"] for p in data["case"]["persons"]] == ["suspect"]


def test_the_documented_example_is_a_valid_message() -> None:
    """docs/exchange.md's example follows the schema and our vocabularies."""
    import re
    from pathlib import Path

    from palermo.exchange.services import vocabulary

    text = (Path(__file__).resolve().parents[2] / "docs" / "exchange.md").read_text()
    block = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert block is not None
    example = json.loads(block.group(1).replace('"…86 base64 characters…=="',
                                                '"' + "A" * 86 + '=="'))
    message.validate(example)
    vocabulary.check(example)
