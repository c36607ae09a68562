"""What Palermo writes is its own user's alone: files 0600, folders 0700, even when the
process was started with a permissive umask (0022 here, as a login shell has)."""

from __future__ import annotations

import io
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db.utils import ConnectionHandler

from palermo.settings import _database
from tests.conftest import palermo_cli


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The umask of an ordinary shell, for this test only (settings set 0077 at import, so
    what is checked here is Palermo's own chmod, not the umask it set)."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def test_a_new_sqlite_database_and_its_wal_and_shm_are_owner_only(
    tmp_path: Path, permissive_umask: None, django_db_blocker: Any
) -> None:
    database = tmp_path / "fresh" / "palermo.sqlite3"
    connection = ConnectionHandler({"default": _database(f"sqlite:///{database}")})["default"]
    with django_db_blocker.unblock():
        try:
            with connection.cursor() as cursor:
                cursor.execute("CREATE TABLE probe (n INTEGER)")
                cursor.execute("INSERT INTO probe VALUES (1)")
            # While the connection is open, SQLite keeps the WAL and the shared memory file.
            assert mode(database) == 0o600
            assert mode(Path(f"{database}-wal")) == 0o600
            assert mode(Path(f"{database}-shm")) == 0o600
            assert mode(database.parent) == 0o700
        finally:
            connection.close()


def test_a_database_left_readable_by_others_is_narrowed_on_connect(
    tmp_path: Path, permissive_umask: None, django_db_blocker: Any
) -> None:
    database = tmp_path / "old.sqlite3"
    database.touch(mode=0o644)
    os.chmod(database, 0o644)
    connection = ConnectionHandler({"default": _database(f"sqlite:///{database}")})["default"]
    with django_db_blocker.unblock():
        try:
            connection.ensure_connection()
            assert mode(database) == 0o600
        finally:
            connection.close()


def test_the_palermo_command_makes_its_data_directory_and_database_owner_only(
    tmp_path: Path, permissive_umask: None
) -> None:
    command, env = palermo_cli(tmp_path)
    data = tmp_path / "data"
    env = {**env, "PALERMO_DATA_DIR": str(data),
           "PALERMO_DATABASE_URL": f"sqlite:///{data / 'palermo.sqlite3'}"}
    probe = (
        "import os, stat\n"
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('CREATE TABLE probe (n INTEGER)')\n"
        "    cursor.execute('INSERT INTO probe VALUES (1)')\n"
        "name = connection.settings_dict['NAME']\n"
        "for path in (name, name + '-wal', name + '-shm'):\n"
        "    print(oct(stat.S_IMODE(os.stat(path).st_mode)))\n"
        "print(oct(os.umask(0)))\n"
    )
    result = subprocess.run([*command, "shell", "--no-imports", "-c", probe], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0o600", "0o600", "0o600", "0o77"]
    assert mode(data) == 0o700
    assert mode(data / "secret_key") == 0o600


def test_an_uploaded_case_document_and_its_folders_are_owner_only(
    user_with: Any, settings: Any, tmp_path: Path, permissive_umask: None
) -> None:
    from palermo.cases.services import documents
    from tests.access.factories import AgencyFactory
    from tests.cases.factories import open_case

    settings.DATA_DIR = tmp_path / "data"
    police = user_with("investigator", agency=AgencyFactory(name="Police"))
    case = open_case(police)
    document = documents.attach(case, "statement.txt", io.BytesIO(b"statement"), actor=police)
    stored = documents.storage_root() / document.stored_as
    assert mode(stored) == 0o600
    assert mode(stored.parent) == 0o700  # documents/<case>
    assert mode(documents.storage_root()) == 0o700
    assert mode(settings.DATA_DIR) == 0o700
