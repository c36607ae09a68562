"""Schemathesis against a running server (issue 16): every operation of
/api/v1/openapi.json, for an anonymous client and the bearer tokens of three roles, on the
demo data so that small ids resolve. No answer may be a server error, and every answer must
be one the document lists, of the content type and shape it states.

The server is a real ``palermo serve`` with its own database, as in
tests/exchange/test_two_installations.py (Django's threaded test server answered the same run
about five times more slowly): a SQLite file, or in a PostgreSQL pass
(PALERMO_TEST_DATABASE_URL) a fresh PostgreSQL database on the same server, dropped afterwards.
PostgreSQL is the stricter of the two: integer columns of 32 bits, no NUL in text, time zone
offsets within ±15:59.

Heavy (about three minutes): marked ``heavy``, which tests/api/conftest.py deselects unless
PALERMO_HEAVY_TESTS=1, so that CI runs it in one database pass only. When selected it never
skips: a missing schemathesis or a server that does not start fails it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.exchange.test_two_installations import Installation

pytestmark = pytest.mark.heavy

SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")
SEED = 16
# Per operation and identity, on top of the coverage phase's boundary cases: about 5,500
# requests an identity.
MAX_EXAMPLES = int(os.environ.get("PALERMO_SCHEMATHESIS_EXAMPLES", "3"))
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,"
          "response_schema_conformance")
# The demo's users of three roles.
USERS = {"coordinator": "coordinator@demo.palermo.test",
         "investigator": "investigator@demo.palermo.test",
         "border_officer": "border@demo.palermo.test"}
# Revoking its own token would leave the rest of a run unauthenticated; tests/access covers it.
EXCLUDED = "palermo_access_api_token_revoke"


@pytest.fixture
def database() -> Iterator[str | None]:
    """A fresh PostgreSQL database when the tests run on PostgreSQL; None for SQLite."""
    url = os.environ.get("PALERMO_TEST_DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg

    name = f"palermo_schemathesis_{os.getpid()}"
    base = url.split("?")[0].rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server(tmp_path: Path, database: str | None) -> Iterator[Installation]:
    installation = Installation(tmp_path / "server")
    if database:
        installation.env["PALERMO_DATABASE_URL"] = database
    try:
        installation.run("demo")
        yield installation
    finally:
        installation.stop()


def _run(installation: Installation, schema: Path, token: str, report: Path
         ) -> tuple[int, str]:
    command = [SCHEMATHESIS, "run", str(schema), "--url", f"http://127.0.0.1:{installation.port}",
               "--checks", CHECKS, "--exclude-operation-id", EXCLUDED,
               "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED), "--workers", "1",
               "--phases", "examples,coverage,fuzzing", "--generation-database", "none",
               "--suppress-health-check", "all", "--request-timeout", "30",
               "--no-color", "--report", "junit", "--report-junit-path", str(report)]
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False,
                          cwd=report.parent)
    return done.returncode, done.stdout + done.stderr


def _tested(report: Path) -> int:
    suites = ET.parse(report).getroot()  # noqa: S314 (our own report)
    return sum(int(suite.get("tests", 0)) for suite in suites.iter("testsuite"))


def test_no_server_error_and_no_schema_violation(server: Installation, tmp_path: Path
                                                 ) -> None:
    tokens = {"anonymous": ""}
    for role, email in USERS.items():
        tokens[role] = server.run("token", "create", "--user", email, "--name", "schemathesis"
                                  ).split()[-1]
        assert tokens[role].startswith("plm_"), tokens[role]
    server.serve()
    status, document = server.call("GET", "/api/v1/openapi.json", token=tokens["coordinator"])
    assert status == 200 and len(document["paths"]) > 90
    schema = tmp_path / "openapi.json"
    schema.write_text(json.dumps(document))
    failures = []
    for who, token in tokens.items():
        report = tmp_path / f"{who}.xml"
        code, output = _run(server, schema, token, report)
        assert report.exists(), output[-3000:]
        assert _tested(report) > 90, output[-3000:]
        if code != 0:
            failures.append(f"--- {who} ---\n{output[-12000:]}")
    assert not failures, "\n".join(failures)
