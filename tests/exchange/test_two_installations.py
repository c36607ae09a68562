"""Issue 6's round trip: installation A (the demo, in Israel) sends a case report over HTTP
to installation B (a Cypriot police force), each with its own data directory, database and
key; B accepts it into a case with the same content, and the same file again changes
nothing. Both are real ``palermo serve`` processes on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.installation import Installation

pytestmark = pytest.mark.own_database

PASSWORD = "a-long-test-password-9"


@pytest.fixture
def installations(tmp_path: Path) -> Iterator[tuple[Installation, Installation]]:
    passwords = {"PALERMO_ADMIN_PASSWORD": PASSWORD, "PALERMO_PASSWORD": PASSWORD}
    a, b = Installation(tmp_path / "a", **passwords), Installation(tmp_path / "b", **passwords)
    try:
        yield a, b
    finally:
        a.stop()
        b.stop()


def test_case_report_round_trip_over_http(installations: tuple[Installation, Installation]
                                          ) -> None:
    a, b = installations
    a.run("demo")
    b.run("init", "--no-input", "--email", "admin@police.cy.example", "--agency",
          "Cyprus Police", "--agency-kind", "police", "--country", "CYP")
    b.run("createuser", "--no-input", "--email", "liaison@police.cy.example", "--name",
          "Eleni Liaison", "--agency", "Cyprus Police", "--role", "liaison_officer")
    a_key = a.run("exchange", "key", "--agency", "Israel Police").split()
    b_key = b.run("exchange", "key", "--agency", "Cyprus Police").split()
    b.run("exchange", "trust", "--agency", "Israel Police", "--country", "ISR",
          "--public-key", a_key[1], "--endpoint",
          f"http://127.0.0.1:{a.port}/api/v1/exchange/inbox")
    a.run("exchange", "trust", "--agency", "Cyprus Police", "--country", "CYP",
          "--public-key", b_key[1], "--sealing-key", b_key[2], "--endpoint",
          f"http://127.0.0.1:{b.port}/api/v1/exchange/inbox")
    a_token = a.run("token", "create", "--user", "liaison@demo.palermo.test", "--name", "t")
    b_token = b.run("token", "create", "--user", "liaison@police.cy.example", "--name", "t")
    a.serve()
    b.serve()

    status, cases = a.call("GET", "/api/v1/cases/", token=a_token)
    assert status == 200, cases
    case = next(c for c in cases if c["title"] == "Agricultural workers held in the Arava")
    status, trusted = a.call("GET", "/api/v1/exchange/partners", token=a_token)
    (cyprus,) = [p for p in trusted if p["key_id"] == b_key[0]]
    status, sent = a.call("POST", f"/api/v1/exchange/cases/{case['id']}/export", {
        "partner_ids": [cyprus["id"]], "handling_code": "H2", "identities": True,
        "sealed": True, "send": True}, token=a_token)
    assert status == 201 and sent["state"] == "delivered", sent
    status, original = a.call("GET", f"/api/v1/exchange/reports/{sent['id']}", token=a_token)

    status, inbox = b.call("GET", "/api/v1/exchange/reports/?direction=in", token=b_token)
    (received,) = inbox
    assert received["message_id"] == sent["message_id"] and received["state"] == "received"
    status, arrived = b.call("GET", f"/api/v1/exchange/reports/{received['id']}",
                             token=b_token)
    assert arrived == original  # byte for byte the signed message A sent
    status, accepted = b.call("POST", f"/api/v1/exchange/reports/{received['id']}/accept",
                              {"matches": {}}, token=b_token)
    assert status == 200 and accepted["state"] == "accepted", accepted
    status, made = b.call("GET", f"/api/v1/cases/{accepted['case_id']}", token=b_token)
    assert made["title"] == case["title"]
    sent_names = sorted(n for p in original["case"]["persons"] for n in p.get("names", [])[:1])
    assert sorted(p["name"] for p in made["persons"]) == sent_names
    assert made["classification"]["palermo_acts"] == original["case"]["classification"]["acts"]
    # B's receipt reached A: the outbox says the report was accepted.
    status, outbox = a.call("GET", "/api/v1/exchange/reports/?direction=out", token=a_token)
    assert [r["state"] for r in outbox if r["id"] == sent["id"]] == ["acknowledged"]

    # The same file again, by hand: nothing changes on B.
    again_status, again = b.call("POST", "/api/v1/exchange/import",
                                 json.dumps(original).encode(), token=b_token)
    assert (again_status, again["id"], again["state"]) == (200, received["id"], "accepted")
    status, cases_b = b.call("GET", "/api/v1/cases/", token=b_token)
    assert len(cases_b) == 1
