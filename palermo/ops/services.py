"""Running Palermo: demo data, backups and restores."""

from __future__ import annotations

import importlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core import files


def seed_demo(say: Callable[[str], None]) -> None:
    """Run every app's ``demo.seed(say)``, in INSTALLED_APPS order; each is idempotent."""
    for config in apps.get_app_configs():
        if not config.name.startswith("palermo."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        module.seed(say)


def _database() -> dict:
    return settings.DATABASES["default"]


def _pg_env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def backup(target: Path) -> Path:
    """A consistent copy while Palermo runs: SQLite's online backup, or pg_dump's snapshot."""
    target = target.resolve()
    files.private_dir(target.parent)
    try:
        # Made 0600 before anything is written into it, so no copy is ever readable by others.
        files.new_private_file(target)
    except FileExistsError:
        raise ServiceError(f"{target} exists already; choose a new file", field="file") from None
    db = _database()
    try:
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            destination = sqlite3.connect(target)
            try:
                connection.connection.backup(destination)
            finally:
                destination.close()
        elif connection.vendor == "postgresql":
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target),
                  *_pg_args(db), str(db["NAME"])], _pg_env(db))
        else:
            raise ServiceError(f"no backup for database vendor {connection.vendor}")
    except BaseException:
        # No empty or half-written file left to be mistaken for a backup (or to block the
        # next attempt with "exists already").
        target.unlink(missing_ok=True)
        raise
    os.chmod(target, files.FILE_MODE)
    audit.record("database.backup", detail={"file": str(target)})
    return target


def restore(source: Path) -> None:
    """Replace the database with a backup. Stop the servers first."""
    source = source.resolve()
    if not source.is_file():
        raise ServiceError(f"{source} is not a file", field="file")
    db = _database()
    if connection.vendor == "sqlite":
        _check_sqlite_backup(source)
        connection.close()
        live = Path(db["NAME"])
        for suffix in ("-wal", "-shm"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        if not live.exists():
            files.new_private_file(live)
        shutil.copyfile(source, live)
        os.chmod(live, files.FILE_MODE)
    elif connection.vendor == "postgresql":
        connection.close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              "--dbname", str(db["NAME"]), *_pg_args(db), str(source)], _pg_env(db))
    else:
        raise ServiceError(f"no restore for database vendor {connection.vendor}")
    audit.record("database.restore", detail={"file": str(source)})


def _check_sqlite_backup(source: Path) -> None:
    with source.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise ServiceError(f"{source} is not an SQLite database (wrong header at byte 0)",
                               field="file")
    probe = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master")}
        result = probe.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        probe.close()
    if "audit_auditevent" not in tables:
        raise ServiceError(f"{source} is not a Palermo backup (no audit table)", field="file")
    if result != "ok":
        raise ServiceError(f"{source} is damaged: {result}", field="file")


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise ServiceError(f"{command[0]} is not installed (PostgreSQL client tools)")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise ServiceError(f"{command[0]} failed: {lines[-1] if lines else 'no output'}")
