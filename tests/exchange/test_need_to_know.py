"""A case report names persons the way a case does, and the same rules judge them: on the
report page, in the API, in the signed file and in the review's proposals; exports of a highly
restricted case ask why, and a confidential report does too."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client

from palermo.access.models import Role
from palermo.audit.models import AuditEvent
from palermo.cases.models import Case, Notification
from palermo.exchange.models import CaseReport
from palermo.exchange.services import inbound, outbound
from tests.access.factories import UserFactory
from tests.cases.factories import add_person, open_case
from tests.conftest import sign_in
from tests.exchange.factories import Exchange, edited, exchange, signed

pytestmark = pytest.mark.django_db

CHILD = {"ref": "p9001", "role": "victim", "names": ["Maya Levi"], "birth_date": "2013-04-04",
         "sex": "F", "nationalities": ["ISR"], "languages": ["he"],
         "documents": [{"kind": "passport", "number": "C7654321", "issuing_state": "ISR"}],
         "contacts": ["+972 52 111 2222"],
         "victim": {"exploitation_started_on": "2025-06-01"}}
IDENTIFYING = ("Maya Levi", "2013-04-04", "C7654321", "+972 52 111 2222")


def _received(world: Exchange, child: dict[str, Any] | None = None,
              change: Any = None) -> CaseReport:
    """A report from Israel naming a girl born in 2013, with a summary that names her."""
    raw = signed(world, identities=True, requested_action="Find Maya Levi.")

    def add(data: dict[str, Any]) -> None:
        data["case"]["persons"].append(child or CHILD)
        data["case"]["summary"] = "Maya Levi, 12, was held in the flat."
        if change:
            change(data)

    report, _new = inbound.receive(edited(raw, add, signer=world.sender), via="file",
                                   actor=world.receiver)
    return report


def _client(user: Any) -> Client:
    return sign_in(Client(), user)


def test_a_child_named_in_a_report_is_hidden_from_the_liaison_officer() -> None:
    world = exchange()
    report = _received(world)
    liaison = _client(world.receiver)  # lacks person.view_child

    page = liaison.get(f"/exchange/reports/{report.pk}/").content.decode()
    assert not [text for text in IDENTIFYING if text in page]
    assert "Olga Petrenko" in page  # an adult victim's identity is shown
    assert "Victim 2" in page and "identity not shown to you" in page
    assert "was held in the flat" not in page and "Find Maya" not in page
    assert "Download the signed file" not in page

    api = liaison.get(f"/api/v1/exchange/reports/{report.pk}")
    assert api.status_code == 200
    assert not [text for text in IDENTIFYING if text in api.content.decode()]
    child = next(p for p in api.json()["case"]["persons"] if p["ref"] == "p9001")
    assert child["identity_withheld"] is True and child["nationalities"] == ["ISR"]
    assert "signature" not in api.json() and "summary" not in api.json()["case"]

    download = liaison.get(f"/exchange/reports/{report.pk}/file/")
    assert download.status_code == 403
    assert "persons you may not see in full" in download.content.decode()
    refused = AuditEvent.objects.filter(action="case_report.download").latest("seq")
    assert (refused.outcome, refused.actor_id) == ("denied", world.receiver.pk)

    read = AuditEvent.objects.filter(action="case_report.read").latest("seq")
    assert "p9001" not in read.detail["identities"] and "p9001" in read.detail["pseudonyms"]


def test_the_coordinator_sees_the_child_and_takes_the_file(user_with: Any) -> None:
    world = exchange()
    report = _received(world)
    coordinator = _client(user_with("coordinator", agency=world.receiver.agency))
    page = coordinator.get(f"/exchange/reports/{report.pk}/").content.decode()
    assert "Maya Levi" in page and "2013-04-04" in page and "was held in the flat" in page
    api = coordinator.get(f"/api/v1/exchange/reports/{report.pk}").json()
    assert api == report.content  # the signed message itself
    download = coordinator.get(f"/exchange/reports/{report.pk}/file/")
    assert download.status_code == 200 and json.loads(download.content) == report.content
    read = AuditEvent.objects.filter(action="case_report.read").latest("seq")
    assert "p9001" in read.detail["identities"]


def test_a_report_seen_whole_is_the_signed_message_and_its_file() -> None:
    world = exchange()
    report, _new = inbound.receive(signed(world), via="file", actor=world.receiver)
    liaison = _client(world.receiver)  # the victim came without her identity: nothing to hide
    assert liaison.get(f"/api/v1/exchange/reports/{report.pk}").json() == report.content
    download = liaison.get(f"/exchange/reports/{report.pk}/file/")
    assert download.status_code == 200 and json.loads(download.content) == report.content


def test_the_senders_child_flag_alone_makes_a_child() -> None:
    world = exchange()
    flagged = {**{k: v for k, v in CHILD.items() if k != "birth_date"}, "is_child": True}
    report = _received(world, child=flagged)
    page = _client(world.receiver).get(f"/exchange/reports/{report.pk}/").content.decode()
    assert "Maya Levi" not in page and "C7654321" not in page


def _desk_officer(agency: Any) -> Any:
    """Reads case reports, identities and children's too, but no criminal intelligence."""
    Role.objects.create(code="desk_officer", name="Desk officer",
                        permissions=["exchange.view", "person.view_identity",
                                     "person.view_child"])
    return UserFactory(roles=["desk_officer"], agency=agency)


def test_a_suspect_is_not_shown_without_the_intelligence_permission() -> None:
    world = exchange()

    def vehicle_and_event(data: dict[str, Any]) -> None:
        suspect = next(p["ref"] for p in data["case"]["persons"] if p["role"] == "suspect")
        data["case"]["vehicles"] = [{"vin": "1M8GDM9AXKP042788", "plate": "12-345-67",
                                     "persons": [suspect]}]
        data["case"]["events"] = [{"kind": "recruitment", "place": "Mizrahi's garage",
                                   "description": "Avi Mizrahi drove them to Haifa.",
                                   "persons": [suspect, "p9001"]}]

    report = _received(world, change=vehicle_and_event)
    desk = _client(_desk_officer(world.receiver.agency))
    page = desk.get(f"/exchange/reports/{report.pk}/").content.decode()
    assert "Avi Mizrahi" not in page and "Suspect" not in page
    assert "Maya Levi" in page  # the child permission is there
    api = desk.get(f"/api/v1/exchange/reports/{report.pk}")
    body = api.content.decode()
    assert "Avi Mizrahi" not in body and "12-345-67" not in body and "garage" not in body
    assert {p["role"] for p in api.json()["case"]["persons"]} == {"victim"}
    assert api.json()["case"]["vehicles"] == []
    assert api.json()["case"]["events"] == [{"kind": "recruitment", "persons": ["p9001"]}]
    assert desk.get(f"/exchange/reports/{report.pk}/file/").status_code == 403


def test_review_proposes_no_match_for_a_person_the_reviewer_may_not_see(user_with: Any
                                                                        ) -> None:
    world = exchange()
    local = user_with("investigator", agency=world.receiver.agency)
    known = add_person(open_case(local, title="Earlier Cypriot case"), local, "Maya Levi",
                       born=None)
    report = _received(world)
    offered = inbound.proposals(report, actor=world.receiver)
    assert "p9001" not in offered
    coordinator = user_with("coordinator", agency=world.receiver.agency)
    assert [c.person.pk for c in inbound.proposals(report, actor=coordinator)["p9001"]] == [
        known.person_id]


def test_an_export_leaves_out_the_summary_the_exporter_may_not_read(user_with: Any) -> None:
    world = exchange()
    investigator = user_with("investigator", agency=world.sender.agency)
    add_person(world.case, investigator, "Maya Levi", born="2013-04-04")
    data = json.loads(signed(world, identities=True))  # the sender lacks view_child
    assert "summary" not in data["case"] and "Maya Levi" not in json.dumps(data)
    from palermo.exchange.services import ftm

    event = next(e for e in ftm.case_entities(world.case.pk, actor=world.sender)
                 if e["schema"] == "Event")
    assert "summary" not in event["properties"]
    mine = next(e for e in ftm.case_entities(world.case.pk, actor=investigator)
                if e["schema"] == "Event")
    assert mine["properties"]["summary"] == ["Recruited in Israel with promises of hotel work."]


def _highly_restricted(world: Exchange) -> None:
    Case.objects.filter(pk=world.case.pk).update(sensitivity="highly_restricted")


def test_api_exports_of_a_highly_restricted_case_ask_why() -> None:
    world = exchange()
    _highly_restricted(world)
    client = _client(world.sender)
    url = f"/api/v1/exchange/cases/{world.case.pk}"
    body = {"partner_ids": [world.to_receiver.pk]}
    refused = client.post(f"{url}/export", body, content_type="application/json")
    assert refused.status_code == 403 and "reason" in refused.json()["error"]["message"]
    assert client.get(f"{url}/ftm").status_code == 403
    assert not CaseReport.objects.exists()

    why = "Joint investigation with Cyprus"
    made = client.post(f"{url}/export?reason={quote(why)}", body,
                       content_type="application/json")
    assert made.status_code == 201
    report = CaseReport.objects.get(pk=made.json()["id"])
    assert report.content["handling"]["classification"] == "confidential"
    export = AuditEvent.objects.filter(action="exchange.export").latest("seq")
    assert export.reason == why
    reads = AuditEvent.objects.filter(action="person.read", seq__lt=export.seq)
    assert reads.exists() and {e.reason for e in reads} == {why}
    entities = client.get(f"{url}/ftm?reason={quote(why)}")
    assert entities.status_code == 200 and b"Avi Mizrahi" in entities.content
    assert AuditEvent.objects.filter(action="exchange.ftm_export").latest("seq").reason == why


def test_export_pages_of_a_highly_restricted_case_ask_why_first() -> None:
    world = exchange()
    _highly_restricted(world)
    client = _client(world.sender)
    ftm_page = f"/exchange/cases/{world.case.pk}/ftm/"
    asked = client.get(ftm_page)
    assert asked.status_code == 302
    assert asked["Location"].startswith(f"/cases/{world.case.pk}/reason/")
    assert not AuditEvent.objects.filter(action="exchange.ftm_export").exists()
    back = client.post(asked["Location"], {"reason": "Aleph cross-check"})
    assert back["Location"] == ftm_page
    assert client.get(ftm_page).status_code == 200
    assert AuditEvent.objects.filter(action="exchange.ftm_export").latest(
        "seq").reason == "Aleph cross-check"
    # The reason holds for the rest of the visit to the case: the export page opens.
    assert client.get(f"/exchange/cases/{world.case.pk}/export/").status_code == 200


def test_a_confidential_report_asks_why_and_becomes_a_highly_restricted_case(
        user_with: Any) -> None:
    world = exchange()
    _highly_restricted(world)
    sent = outbound.export(world.case.pk, actor=world.sender, reason="For Cyprus",
                           choice=outbound.Choice(partner_ids=[world.to_receiver.pk]))
    report, _new = inbound.receive(outbound.as_file(sent), via="file", actor=world.receiver)
    coordinator = user_with("coordinator", agency=world.receiver.agency)
    client = _client(world.receiver)
    page = f"/exchange/reports/{report.pk}/"

    assert client.get(f"/api/v1/exchange/reports/{report.pk}").status_code == 403
    asked = client.get(page)
    assert asked["Location"] == f"{page}reason/?next={quote(page, safe='')}"
    assert client.get(f"{page}file/")["Location"].startswith(f"{page}reason/")
    assert not AuditEvent.objects.filter(action="case_report.read").exists()
    back = client.post(asked["Location"], {"reason": "Locating the suspect"})
    assert back["Location"] == page
    assert "Avi Mizrahi" in client.get(page).content.decode()
    read = AuditEvent.objects.filter(action="case_report.read").latest("seq")
    assert read.reason == "Locating the suspect"
    assert Notification.objects.filter(user=coordinator, text__contains="Locating").exists()
    api = client.get(f"/api/v1/exchange/reports/{report.pk}?reason=API+check")
    assert api.status_code == 200
    assert AuditEvent.objects.filter(action="case_report.read").latest("seq").reason == \
        "API check"

    case = inbound.accept(report, actor=world.receiver, matches={})
    assert case.sensitivity == "highly_restricted"
