"""A server killed between a hit's commit and its owner's message loses no message (issue
19): the alert committed with the check is the outbox, and the next server to start tells
the owner, once. Real ``palermo serve`` processes on loopback, killed with SIGKILL."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.own_database

PALERMO = str(Path(sys.executable).parent / "palermo")
SUBJECT = "Screening hit on your watch list"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _port()
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("PALERMO_", "DJANGO_", "PYTEST"))}
        self.env.update({"PALERMO_DATA_DIR": str(root),
                         "PALERMO_DATABASE_URL": f"sqlite:///{root}/palermo.sqlite3"})
        self.process: subprocess.Popen[bytes] | None = None

    def run(self, *args: str) -> str:
        done = subprocess.run([PALERMO, *args], env=self.env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def serve(self, **env: str) -> None:
        # A session of its own: SIGKILL reaches Granian's workers too, as a crash would.
        self.process = subprocess.Popen(
            [PALERMO, "serve", "--port", str(self.port), "--workers", "2"],
            env={**self.env, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
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
        connection.request(method, path, body=json.dumps(body).encode() if body else None,
                           headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"null")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def untold(self) -> list[int]:
        with sqlite3.connect(self.root / "palermo.sqlite3") as db:
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

    server.serve(PALERMO_OUTBOX_PAUSED="1")  # the crash comes before any message
    status, answer = server.call("POST", "/api/v1/screening/check", check, token=officer)
    assert status == 200 and [hit["kind"] for hit in answer["hits"]] == ["document"], answer
    (alert_id,) = server.untold()  # committed with the check, not told
    assert _hit_messages(server, owner) == []
    server.kill()

    server.serve()  # its deliverers catch up at start, one per worker
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
    server.serve()
    time.sleep(1)
    assert len(_hit_messages(server, owner)) == 2
