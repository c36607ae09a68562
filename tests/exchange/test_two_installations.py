"""Issue 6's round trip: installation A (the demo, in Israel) sends a case report over HTTP
to installation B (a Cypriot police force), each with its own data directory, database and
key; B accepts it into a case with the same content, and the same file again changes
nothing. Both are real ``palermo serve`` processes on loopback."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.own_database

PALERMO = str(Path(sys.executable).parent / "palermo")
PASSWORD = "a-long-test-password-9"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Installation:
    def __init__(self, root: Path) -> None:
        root.mkdir()
        self.port = _port()
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("PALERMO_", "DJANGO_", "PYTEST"))}
        self.env.update({"PALERMO_DATA_DIR": str(root), "PALERMO_ADMIN_PASSWORD": PASSWORD,
                         "PALERMO_PASSWORD": PASSWORD,
                         "PALERMO_DATABASE_URL": f"sqlite:///{root}/palermo.sqlite3"})
        self.server: subprocess.Popen[bytes] | None = None

    def run(self, *args: str) -> str:
        done = subprocess.run([PALERMO, *args], env=self.env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def serve(self) -> None:
        self.server = subprocess.Popen([PALERMO, "serve", "--port", str(self.port)],
                                       env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.call("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("palermo serve did not start")

    def call(self, method: str, path: str, body: Any = None, token: str = "") -> tuple[int, Any]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = body if isinstance(body, bytes) else json.dumps(body).encode() \
            if body is not None else None
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
        try:
            return response.status, json.loads(data)
        except ValueError:
            return response.status, data

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)


@pytest.fixture
def installations(tmp_path: Path) -> Iterator[tuple[Installation, Installation]]:
    a, b = Installation(tmp_path / "a"), Installation(tmp_path / "b")
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
