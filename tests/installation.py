"""A Palermo installation of its own for a test: a data directory, a SQLite file, the
installed ``palermo`` command, and ``palermo serve`` on a free loopback port, spoken to over
HTTP as a partner or an operator would."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PALERMO = str(Path(sys.executable).parent / "palermo")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Installation:
    def __init__(self, root: Path, **env: str) -> None:
        root.mkdir(exist_ok=True)
        self.root = root
        self.database = root / "palermo.sqlite3"
        self.port = free_port()
        # Nothing of the test run's own configuration leaks into the installation.
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("PALERMO_", "DJANGO_", "PYTEST"))}
        self.env.update({"PALERMO_DATA_DIR": str(root),
                         "PALERMO_DATABASE_URL": f"sqlite:///{self.database}", **env})
        self.server: subprocess.Popen[bytes] | None = None

    def run(self, *args: str) -> str:
        done = subprocess.run([PALERMO, *args], env=self.env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def serve(self, *args: str, **env: str) -> None:
        # A session of its own, so that kill() reaches Granian's workers too, as a crash would.
        self.server = subprocess.Popen(
            [PALERMO, "serve", "--port", str(self.port), *args], env={**self.env, **env},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.call("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("palermo serve did not start")

    def call(self, method: str, path: str, body: Any = None, token: str = "") -> tuple[int, Any]:
        """The answer's status and its JSON (or its bytes, when it is not JSON)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = body if isinstance(body, bytes) else (
            json.dumps(body).encode() if body is not None else None)
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
        try:
            return response.status, json.loads(data or b"null")
        except ValueError:
            return response.status, data

    def stop(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(timeout=30)

    def kill(self) -> None:
        """SIGKILL to the server and its workers: a crash, not a shutdown."""
        if self.server is not None and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGKILL)
            self.server.wait(timeout=30)
