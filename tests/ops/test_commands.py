"""The palermo command, run as an operator would: a fresh database per test."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from tests.conftest import palermo_cli


def run(command: list[str], env: dict[str, str], *args: str, ok: bool = True,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*command, *args], env=env, capture_output=True, text=True,
                            input=stdin, timeout=300)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def cli(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    return palermo_cli(tmp_path)


@pytest.mark.own_database
def test_help_lists_palermo_commands(cli: Any) -> None:
    out = run(*cli, "--help").stdout
    for name in ("init", "demo", "serve", "createuser", "token", "audit", "backup", "restore",
                 "check", "screening"):
        assert f"\n  {name}" in out


@pytest.mark.own_database
def test_demo_is_idempotent_and_prints_logins(cli: Any) -> None:
    first = run(*cli, "demo").stdout
    second = run(*cli, "demo").stdout
    assert "coordinator@demo.palermo.test" in first
    assert first == second  # same users, same generated password, nothing duplicated
    assert run(*cli, "audit", "verify").returncode == 0


@pytest.mark.own_database
def test_init_creates_the_first_administrator_from_flags(cli: Any) -> None:
    command, env = cli
    env = {**env, "PALERMO_ADMIN_PASSWORD": "a very long admin passphrase"}
    out = run(command, env, "init", "--email", "head@office.example", "--no-input").stdout
    assert "administrator head@office.example created" in out
    again = run(command, env, "init", "--no-input").stdout
    assert "an administrator exists already" in again


@pytest.mark.own_database
def test_user_mistakes_are_one_line_and_non_zero(cli: Any) -> None:
    command, env = cli
    run(command, env, "demo")
    env = {**env, "PALERMO_PASSWORD": "another long passphrase here"}
    wrong = run(command, env, "createuser", "--email", "x@y.example", "--name", "X",
                "--agency", "No Such Agency", "--no-input", ok=False)
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "CommandError: no agency named 'No Such Agency' (--agency)"
    weak = run(command, {**env, "PALERMO_PASSWORD": "short"}, "createuser", "--email",
               "x@y.example", "--name", "X", "--agency", "Israel Police", "--no-input",
               ok=False)
    assert weak.returncode == 1 and "Traceback" not in weak.stderr
    assert "too short" in weak.stderr


@pytest.mark.own_database
def test_token_create_prints_a_working_token_once(cli: Any) -> None:
    command, env = cli
    run(command, env, "demo")
    raw = run(command, env, "token", "create", "--user", "border@demo.palermo.test",
              "--name", "kiosk").stdout.strip()
    assert raw.startswith("plm_")
    listing = run(command, env, "token", "list", "--user", "border@demo.palermo.test").stdout
    assert "kiosk" in listing and raw not in listing


@pytest.mark.own_database
def test_check_passes_on_the_shipped_configuration_and_warns_of_debug(cli: Any) -> None:
    command, env = cli
    shipped = run(command, env, "check")
    assert "palermo.E" not in shipped.stdout + shipped.stderr
    debug = run(command, {**env, "PALERMO_DEBUG": "1"}, "check")
    assert "PALERMO_DEBUG is on" in debug.stdout + debug.stderr


@pytest.mark.own_database
def test_sqlite_backup_and_restore_round_trip(cli: Any, tmp_path: Path) -> None:
    import sqlite3

    command, env = cli
    run(command, env, "demo")
    backup = tmp_path / "backups" / "palermo.sqlite3"
    run(command, env, "backup", str(backup))
    assert backup.stat().st_mode & 0o777 == 0o600
    assert "exists already" in run(command, env, "backup", str(backup), ok=False).stderr

    live = sqlite3.connect(tmp_path / "db.sqlite3")
    live.execute("DELETE FROM access_apitoken")
    live.execute("UPDATE access_user SET full_name = 'Changed After Backup'")
    live.commit()
    live.close()
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    refused = run(command, env, "restore", str(not_a_backup), "--yes", ok=False)
    assert "not an SQLite database (wrong header at byte 0)" in refused.stderr

    run(command, env, "restore", str(backup), "--yes")
    restored = sqlite3.connect(tmp_path / "db.sqlite3")
    names = {row[0] for row in restored.execute("SELECT full_name FROM access_user")}
    restored.close()
    assert "Changed After Backup" not in names and "Noa Coordinator" in names
    assert run(command, env, "audit", "verify").returncode == 0


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="the pg_dump path runs in the PostgreSQL pass of the suite (CI runs both)",
)
def test_postgresql_backup_and_restore_round_trip(tmp_path: Path) -> None:
    import psycopg

    db = settings.DATABASES["default"]
    admin_url = f"postgresql://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/postgres"
    name = f"palermo_ops_{os.getpid()}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    try:
        url = admin_url.rsplit("/", 1)[0] + f"/{name}"
        command, env = palermo_cli(tmp_path, url)
        run(command, env, "demo")
        backup = tmp_path / "palermo.dump"
        run(command, env, "backup", str(backup))
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE access_user SET full_name = 'Changed After Backup'")
        run(command, env, "restore", str(backup), "--yes")
        with psycopg.connect(url) as conn:
            names = {row[0] for row in conn.execute("SELECT full_name FROM access_user")}
        assert "Changed After Backup" not in names and "Noa Coordinator" in names
        assert run(command, env, "audit", "verify").returncode == 0
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.own_database
def test_serve_refuses_a_backpressure_under_one(cli: Any) -> None:
    result = run(*cli, "serve", "--backpressure", "0", ok=False)
    assert result.returncode != 0
    assert "--backpressure must be at least 1" in result.stderr
