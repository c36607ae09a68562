"""Two `palermo serve` processes on one PostgreSQL database, as two machines of a national
deployment behind a load balancer: what one server writes, the other sees at its next
request; a token revoked through one is refused by the other within the token cache's
window; and both servers' audit entries are one chain.

The servers are real processes with data directories of their own (nothing on disk is
shared) and the same secret key and message key, as docs/operations.md asks. They read and
write the database this test writes to, so the data is committed (``committed_db``).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from django.conf import settings
from django.db import connection

from palermo.access.services import token_cache
from palermo.audit import services as audit
from palermo.audit.models import AuditEvent
from palermo.messaging import crypto
from tests.access.factories import api_token
from tests.conftest import palermo_cli

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="several servers share PostgreSQL only: this runs in the PostgreSQL pass of "
               "the suite (CI runs both)",
    ),
    pytest.mark.usefixtures("committed_db"),
]

WS = "https://ws-public.interpol.int/notices/v1"
START_SECONDS = 45
# What a poll and a request may add to the window: refused "within the window" means by
# the first request after it.
MARGIN_SECONDS = 1.0


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def client(self, token: str) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=15,
                            headers={"Authorization": f"Bearer {token}"})


def _database_url() -> str:
    db = connection.settings_dict  # the test database, which this test commits to
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    return (f"postgresql://{quote(db['USER'], safe='')}{password}@{db['HOST'] or '127.0.0.1'}"
            f":{db['PORT'] or 5432}/{db['NAME']}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(name: str, root: Path, shared: dict[str, str]) -> Server:
    data_dir = root / name
    data_dir.mkdir()
    command, env = palermo_cli(data_dir, _database_url())
    port = _free_port()
    log = root / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", "4"],
            env={**env, **shared}, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)  # its own process group: Granian's workers stop with it
    return Server(name, f"http://127.0.0.1:{port}", process, log)


def _wait_ready(server: Server, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"server {server.name} exited: {server.log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"server {server.name} did not answer in {START_SECONDS} s: "
                f"{server.log.read_text()[-2000:]}")


def _stop(server: Server) -> None:
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=15)


@pytest.fixture(scope="module")
def servers(django_db_setup: Any, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[Server, Server]]:
    """Servers A and B, started once for these tests (a start costs seconds: static files
    are collected), stopped before the test database is dropped. Each test commits its own
    data and the database is emptied after it, as after any ``committed_db`` test."""
    root = tmp_path_factory.mktemp("servers")
    shared = {"PALERMO_SECRET_KEY": "two-servers-" + "x" * 50,
              "PALERMO_MESSAGE_KEY": f"{crypto.new_key_id()}:{crypto.new_key_text()}"}
    started: list[Server] = []
    try:
        for name in ("a", "b"):
            started.append(_start(name, root, shared))
        deadline = time.monotonic() + START_SECONDS
        for server in started:
            _wait_ready(server, deadline)
        yield started[0], started[1]
    finally:
        for server in started:
            _stop(server)


def _interpol_red(entity: str, forename: str, name: str, born: str) -> bytes:
    notice = {"entity_id": entity, "forename": forename, "name": name,
              "date_of_birth": born, "nationalities": ["RU"], "sex_id": "M",
              "arrest_warrants": [{"issuing_country_id": "DE",
                                   "charge": "Trafficking in human beings"}],
              "_links": {"self": {"href": f"{WS}/red/{entity.replace('/', '-')}"}}}
    return json.dumps({"total": 1, "_embedded": {"notices": [notice]}}).encode()


def _person_hits(client: httpx.Client, name: str, born: str, post: str = "") -> list[Any]:
    answer = client.post("/api/v1/screening/check",
                         json={"person": {"name": name, "birth_date": born}, "post": post})
    assert answer.status_code == 200, answer.text
    return [hit for hit in answer.json()["hits"] if hit["kind"] == "person"]


def test_a_person_listed_through_one_server_is_found_by_the_other_at_once(
        servers: tuple[Server, Server], user_with: Any) -> None:
    a, b = servers
    officer = user_with("coordinator")
    _token, raw = api_token(officer)
    with a.client(raw) as on_a, b.client(raw) as on_b:
        # B has checked (and so built whatever it keeps in memory) before the listing.
        assert _person_hits(on_b, "Viktor Morozov", "1979-01-17") == []
        imported = on_a.post("/api/v1/notices/interpol", content=_interpol_red(
            "2021/75051", "VIKTOR", "MOROZOV", "1979/01/17"))
        assert imported.status_code == 200, imported.text
        assert imported.json()["created"] == 1

        found = _person_hits(on_b, "Viktor Morozov", "1979-01-17")
        assert [hit["record"]["source"] for hit in found] == ["INTERPOL 2021/75051"]

        notice = on_a.get("/api/v1/notices/", params={"state": "published"}).json()[0]
        cancelled = on_a.post(f"/api/v1/notices/{notice['id']}/cancel",
                              json={"reason": "Arrested in Hamburg"})
        assert cancelled.status_code == 200, cancelled.text
        assert _person_hits(on_b, "Viktor Morozov", "1979-01-17") == []


def test_a_token_revoked_through_one_server_is_refused_by_the_other_within_the_window(
        servers: tuple[Server, Server], user_with: Any) -> None:
    a, b = servers
    officer = user_with("border_officer")
    _desk, desk_raw = api_token(officer, "desk")
    kiosk, kiosk_raw = api_token(officer, "kiosk 3")
    with a.client(desk_raw) as desk_on_a, b.client(kiosk_raw) as kiosk_on_b, \
            a.client(kiosk_raw) as kiosk_on_a:
        assert kiosk_on_b.get("/api/v1/me").status_code == 200  # B now remembers it
        revoked = desk_on_a.post(f"/api/v1/tokens/{kiosk.pk}/revoke")
        assert revoked.status_code == 200, revoked.text
        after_revoke = time.monotonic()
        assert kiosk_on_a.get("/api/v1/me").status_code == 401  # A forgot it at once

        limit = token_cache.WINDOW_SECONDS + MARGIN_SECONDS
        while (status := kiosk_on_b.get("/api/v1/me").status_code) == 200:
            assert time.monotonic() - after_revoke < limit, \
                f"B still accepts the revoked token after {limit} s"
            time.sleep(0.05)
        refused_after = time.monotonic() - after_revoke
    assert status == 401
    assert refused_after <= limit


def test_both_servers_audit_entries_verify_as_one_log(servers: tuple[Server, Server],
                                                      user_with: Any) -> None:
    a, b = servers
    officer = user_with("border_officer")
    _token, raw = api_token(officer)
    checks_per_thread, threads_per_server = 10, 3

    def check(server: Server) -> None:
        with server.client(raw) as client:
            for n in range(checks_per_thread):
                _person_hits(client, f"Traveller {n}", "1990-01-01", post=f"post {server.name}")

    with ThreadPoolExecutor(2 * threads_per_server) as pool:
        for outcome in [pool.submit(check, server)
                        for server in (a, b) for _ in range(threads_per_server)]:
            outcome.result()

    by_post = {name: AuditEvent.objects.filter(action="screening.check",
                                               detail__post=f"post {name}").count()
               for name in ("a", "b")}
    each = checks_per_thread * threads_per_server
    assert by_post == {"a": each, "b": each}
    # What `palermo audit verify` runs: every entry, from either server, in one chain.
    report = audit.verify_chain()
    assert report.ok, report.problem
    assert report.checked == AuditEvent.objects.count()

