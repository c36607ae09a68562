"""A server killed between a hit's commit and its owner's message loses no message (issue
19): the alert committed with the check is the outbox, and the next server to start tells
the owner, once. Real ``palermo serve`` processes on loopback, killed with SIGKILL."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.installation import Installation

pytestmark = pytest.mark.own_database

SUBJECT = "Screening hit on your watch list"


class Server(Installation):
    def untold(self) -> list[int]:
        with sqlite3.connect(self.database) as db:
            return [row[0] for row in db.execute(
                "SELECT id FROM screening_alert WHERE owner_told_at IS NULL")]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    found = Server(tmp_path)
    try:
        yield found
    finally:
        found.kill()


def _hit_messages(server: Server, token: str) -> list[str]:
    status, threads = server.call("GET", "/api/v1/messaging/threads", token=token)
    assert status == 200, threads
    bodies = []
    for line in threads:
        if line["subject"] == SUBJECT:
            _status, thread = server.call("GET", f"/api/v1/messaging/threads/{line['id']}",
                                          token=token)
            bodies += [message["body"] for message in thread["messages"]]
    return bodies


def _wait_for(server: Server, token: str, count: int) -> list[str]:
    deadline = time.monotonic() + 30
    while len(found := _hit_messages(server, token)) < count:
        assert time.monotonic() < deadline, f"{len(found)} hit messages, {count} expected"
        time.sleep(0.3)
    return found


def test_a_kill_between_the_hits_commit_and_its_message_loses_no_message(
        server: Server) -> None:
    server.run("demo")
    officer = server.run("token", "create", "--user", "border@demo.palermo.test",
                         "--name", "desk 4")
    owner = server.run("token", "create", "--user", "investigator@demo.palermo.test",
                       "--name", "alerts")
    check = {"document": {"number": "L898902C3", "issuing_state": "UTO"}, "post": "Allenby"}

    # The crash comes before any message.
    server.serve("--workers", "2", PALERMO_OUTBOX_PAUSED="1")
    status, answer = server.call("POST", "/api/v1/screening/check", check, token=officer)
    assert status == 200 and [hit["kind"] for hit in answer["hits"]] == ["document"], answer
    (alert_id,) = server.untold()  # committed with the check, not told
    assert _hit_messages(server, owner) == []
    server.kill()

    server.serve("--workers", "2")  # its deliverers catch up at start, one per worker
    (body,) = _wait_for(server, owner, 1)
    assert f"record {answer['hits'][0]['record']['id']}" in body and "Allenby" in body
    assert server.untold() == []
    status, alerts = server.call("GET", f"/api/v1/screening/alerts/{alert_id}", token=owner)
    assert status == 200 and alerts["post"] == "Allenby"

    # While the server runs, the owner hears of a hit just after the answer.
    status, answer = server.call("POST", "/api/v1/screening/check",
                                 {**check, "post": "Eilat"}, token=officer)
    assert status == 200 and answer["hits"]
    bodies = _wait_for(server, owner, 2)
    assert sorted("Eilat" in body for body in bodies) == [False, True]
    server.kill()

    # Delivering again, as the operator's command does, sends nothing more.
    assert server.run("screening", "deliver") == "0 owner messages sent"
    server.serve("--workers", "2")
    time.sleep(1)
    assert len(_hit_messages(server, owner)) == 2
