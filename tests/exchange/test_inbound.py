"""A received report is checked (schema, vocabulary, signature), kept for review, accepted
into a case linked to the sender's reference in one transaction; the same message twice
changes nothing; duplicates are proposed, never merged silently."""

from __future__ import annotations

import json
from typing import Any

import pytest

from palermo.access.services.errors import ServiceError
from palermo.cases.models import Case, CasePerson
from palermo.exchange import keys, message
from palermo.exchange.models import CaseReport, LinkedCase
from palermo.exchange.services import inbound
from tests.cases.factories import add_person, open_case
from tests.exchange.factories import edited, exchange, signed

pytestmark = pytest.mark.django_db


def _persons(case: Case) -> dict[str, list[str]]:
    return {cp.role: [n.full_name for n in cp.person.names.all()]
            for cp in CasePerson.objects.filter(case=case).select_related("person")}


def test_accepted_report_becomes_a_linked_case() -> None:
    world = exchange()
    raw = signed(world, identities=True, requested_action="Locate the flat.")
    report, new = inbound.receive(raw, via="file", actor=world.receiver)
    assert new and report.state == "received" and report.sender_country == "ISR"
    case = inbound.accept(report, actor=world.receiver, matches={})
    assert case.lead_agency == world.receiver.agency and case.title == world.case.title
    assert _persons(case) == {"victim": ["Olga Petrenko"], "suspect": ["Avi Mizrahi"]}
    assert f"their reference {world.case.reference}" in case.summary
    link = LinkedCase.objects.get()
    assert (link.sender_country, link.sender_reference, link.case_id) == (
        "ISR", world.case.reference, case.pk)
    # The same file again: nothing changes.
    again, new = inbound.receive(raw, via="file", actor=world.receiver)
    assert (again.pk, new) == (report.pk, False)
    assert CaseReport.objects.filter(direction="in").count() == 1


def test_a_later_report_on_the_same_case_updates_it() -> None:
    world = exchange()
    first, _new = inbound.receive(signed(world), via="file", actor=world.receiver)
    case = inbound.accept(first, actor=world.receiver, matches={})
    add_person(world.case, world.sender.__class__.objects.filter(
        agency=world.sender.agency, roles__code="investigator").get(), "Dmitri Volkov",
        role="suspect")
    second, _new = inbound.receive(signed(world), via="file", actor=world.receiver)
    assert inbound.accept(second, actor=world.receiver, matches={}).pk == case.pk
    names = [n for cp in CasePerson.objects.filter(case=case)
             for n in cp.person.names.values_list("full_name", flat=True)]
    assert sorted(names) == sorted(["Avi Mizrahi", "Dmitri Volkov",
                                    f"[identity withheld by ISR: p{world.victim.pk}]"])


def test_duplicates_are_proposed_and_only_a_confirmed_one_is_used(user_with: Any) -> None:
    world = exchange()
    local = user_with("investigator", agency=world.receiver.agency)
    known = add_person(open_case(local, title="Earlier Cypriot case"), local, "Avi Mizrahy",
                       role="suspect", born="1975-05-05")
    report, _new = inbound.receive(signed(world), via="file", actor=world.receiver)
    suspect_ref = next(p["ref"] for p in report.content["case"]["persons"]
                       if p["role"] == "suspect")
    offered = inbound.proposals(report, actor=world.receiver)[suspect_ref]
    assert [c.person.pk for c in offered] == [known.person_id]
    with pytest.raises(ServiceError, match="not one of the proposals"):
        inbound.accept(report, actor=world.receiver, matches={suspect_ref: 999999})
    assert not LinkedCase.objects.exists()  # nothing half-written
    case = inbound.accept(report, actor=world.receiver, matches={suspect_ref: known.person_id})
    assert CasePerson.objects.get(case=case, role="suspect").person_id == known.person_id


@pytest.mark.parametrize(("change", "where"), [
    (lambda raw, _s: raw.replace(b"Limassol", b"Limasol"), "$.signature"),
    (lambda raw, _s: edited(raw, lambda d: d.update(version="2.0")), "$.version"),
    (lambda raw, signer: edited(raw, lambda d: d["case"]["persons"][0].update(role="pimp"),
                                signer), "$.case.persons[0].role"),
    (lambda raw, signer: edited(raw, lambda d: d["case"]["classification"].update(
        acts=["kidnapping"]), signer), "$.case.classification.acts[0]"),
    (lambda raw, _s: edited(raw, lambda d: d["case"]["persons"][0].update(
        birth_date="1990-13-01")), "$.case.persons[0].birth_date"),
    (lambda raw, _s: edited(raw, lambda d: d.pop("signature")), "$.signature"),
    (lambda raw, _s: raw[:-2], "message"),
    (lambda raw, _s: b"\xff" + raw, "message"),
    (lambda raw, _s: raw + b" " * (50 * 1024 * 1024), "message"),
])
def test_bad_messages_are_refused_saying_where(change: Any, where: str) -> None:
    world = exchange()
    with pytest.raises(ServiceError) as caught:
        inbound.receive(change(signed(world), world.sender), via="file",
                        actor=world.receiver)
    assert caught.value.field == where, caught.value.message
    assert not CaseReport.objects.filter(direction="in").exists()


def test_refusal_messages_are_precise() -> None:
    world = exchange()
    raw = signed(world)
    cases = [
        (raw.replace(b"Limassol", b"Limasol"), "the signature does not match"),
        (edited(raw, lambda d: d.update(version="2.0")), "version '2.0' is not known"),
        (raw[:-2], "not valid JSON"),
        (b"\xff" + raw, "not UTF-8 at byte 0"),
        (raw + b" " * (50 * 1024 * 1024), "the limit is 20,971,520"),
    ]
    for bad, reason in cases:
        with pytest.raises(ServiceError, match=reason):
            inbound.receive(bad, via="file", actor=world.receiver)


def test_a_message_for_someone_else_or_from_a_stranger_is_refused() -> None:
    world = exchange()
    raw = signed(world)
    world.from_sender.active = False
    world.from_sender.save()
    with pytest.raises(ServiceError, match="not in the trust store"):
        inbound.receive(raw, via="file", actor=world.receiver)
    world.from_sender.active = True
    world.from_sender.save()
    world.receiver.agency.name = "Cyprus Police (renamed)"
    world.receiver.agency.save()
    with pytest.raises(ServiceError, match="not addressed"):
        inbound.receive(raw, via="file", actor=world.receiver)


def test_reject_needs_a_reason() -> None:
    world = exchange()
    report, _new = inbound.receive(signed(world), via="file", actor=world.receiver)
    with pytest.raises(ServiceError, match="why"):
        inbound.reject(report, actor=world.receiver, reason="")
    report = inbound.reject(report, actor=world.receiver, reason="Not our jurisdiction.")
    assert report.state == "rejected" and report.state_reason == "Not our jurisdiction."
    with pytest.raises(ServiceError, match="waiting for review"):
        inbound.accept(report, actor=world.receiver, matches={})


def test_the_receipt_tells_the_sender() -> None:
    from palermo.exchange.services import receipts

    world = exchange()
    raw = signed(world)
    report, _new = inbound.receive(raw, via="file", actor=world.receiver)
    report = inbound.reject(report, actor=world.receiver, reason="Not our jurisdiction.")
    receipt = json.loads(receipts.make(report, actor=world.receiver))
    sent = receipts.receive(receipt, world.to_receiver)
    assert (sent.direction, sent.state, sent.state_reason) == (
        "out", "refused", "Not our jurisdiction.")
    forged = {**receipt, "state": "accepted"}
    with pytest.raises(ServiceError, match="signature does not match"):
        receipts.receive(forged, world.to_receiver)
    with pytest.raises(ServiceError, match="not in the trust store"):
        receipts.receive(receipt, world.from_sender)
    other = message.sign({**receipt, "message_id": "00000000-0000-4000-8000-000000000000"},
                         keys.signing_key(world.receiver.agency_id))
    with pytest.raises(ServiceError, match="No report of ours"):
        receipts.receive(other, world.to_receiver)


def test_a_sealed_message_is_unreadable_on_the_way_and_opens_at_the_recipient() -> None:
    world = exchange()
    sealed = signed(world, sealed=True, identities=True)
    assert b"Olga Petrenko" not in sealed and b"Limassol" not in sealed
    assert json.loads(sealed)["format"] == "palermo-hst-sealed"
    report, _new = inbound.receive(sealed, via="file", actor=world.receiver)
    assert report.content["case"]["title"] == world.case.title
    envelope = json.loads(sealed)
    envelope["ciphertext"] = envelope["ciphertext"][:-8] + "AAAAAAA="
    with pytest.raises(ServiceError, match="does not open") as caught:
        inbound.receive(json.dumps(envelope).encode(), via="file", actor=world.receiver)
    assert caught.value.field == "$.ciphertext"
    envelope["recipient_key_id"] = "nobody-here-123"
    with pytest.raises(ServiceError, match="does not hold"):
        inbound.receive(json.dumps(envelope).encode(), via="file", actor=world.receiver)


def test_sealing_needs_one_partner_with_a_sealing_key() -> None:
    from palermo.exchange.services import outbound

    world = exchange()
    world.to_receiver.sealing_key = ""
    world.to_receiver.save()
    with pytest.raises(ServiceError) as caught:
        outbound.export(world.case.pk, actor=world.sender, choice=outbound.Choice(
            partner_ids=[world.to_receiver.pk], sealed=True))
    assert caught.value.field == "sealed"
