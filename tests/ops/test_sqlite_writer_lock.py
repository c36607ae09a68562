"""Palermo's SQLite engine: a transaction holds the lock file from its start to its commit
or rollback, so writers of several processes queue in the kernel, and none is lost."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections, transaction
from django.db.utils import ConnectionHandler

from palermo.settings import _database

ALIAS = "lock_file_check"


@pytest.fixture
def database(tmp_path: Path, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """A scratch SQLite file (not the tests' in-memory database) with one counter."""
    config = _database(f"sqlite:///{tmp_path / 'palermo.sqlite3'}")
    with django_db_blocker.unblock():
        with use(config) as connection, connection.cursor() as cursor:
            cursor.execute("CREATE TABLE counter (n INTEGER NOT NULL)")
            cursor.execute("INSERT INTO counter VALUES (0)")
        yield config


@contextlib.contextmanager
def use(config: dict[str, Any]) -> Iterator[Any]:
    """This thread's own connection to ``config`` under ALIAS, closed at the end."""
    connection = ConnectionHandler({"default": config})["default"]
    connection.alias = ALIAS
    connections[ALIAS] = connection
    try:
        yield connection
    finally:
        connection.close()
        del connections[ALIAS]


def counter(config: dict[str, Any]) -> int:
    with use(config) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        return int(cursor.fetchone()[0])


def lock_is_free(path: Path) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def test_the_sqlite_url_gets_palermos_engine(tmp_path: Path) -> None:
    assert _database(f"sqlite:///{tmp_path / 'x.sqlite3'}")["ENGINE"] == "palermo.ops.sqlite"
    assert _database("postgresql://u@h/db")["ENGINE"] == "django.db.backends.postgresql"


def test_a_transaction_holds_the_lock_until_commit_or_rollback(
        database: dict[str, Any], tmp_path: Path) -> None:
    lock = tmp_path / "palermo.sqlite3.writer-lock"
    with use(database) as connection:
        with transaction.atomic(using=ALIAS):
            connection.cursor().execute("UPDATE counter SET n = n + 1")
            assert not lock_is_free(lock)
        assert lock_is_free(lock)
        with pytest.raises(RuntimeError), transaction.atomic(using=ALIAS):
            connection.cursor().execute("UPDATE counter SET n = n + 1")
            assert not lock_is_free(lock)
            raise RuntimeError("the change is refused")
        assert lock_is_free(lock)
    assert counter(database) == 1


def test_concurrent_writers_queue_and_lose_no_update(database: dict[str, Any]) -> None:
    errors: list[BaseException] = []

    def writer() -> None:
        # Each thread has its own connection and lock descriptor, as each process has.
        try:
            with use(database) as connection:
                for _ in range(40):
                    with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
                        cursor.execute("SELECT n FROM counter")
                        (n,) = cursor.fetchone()
                        cursor.execute("UPDATE counter SET n = %s", [n + 1])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert counter(database) == 160


def test_a_forked_process_waits_for_its_parents_lock(database: dict[str, Any]) -> None:
    """A server forks its workers: a descriptor inherited from the parent would share the
    parent's lock, and the child would not wait. The child opens its own and waits."""
    with use(database) as connection, transaction.atomic(using=ALIAS):
        began = time.monotonic()
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover -- runs in the child, reports through the pipe
            os.close(read)
            signal.alarm(10)
            connection._take_writer_lock()
            os.write(write, f"{time.monotonic() - began:.3f}".encode())
            connection._release_writer_lock()
            os._exit(0)
        os.close(write)
        time.sleep(0.5)
        held_until = time.monotonic() - began
    waited = float(os.read(read, 64).decode())
    os.close(read)
    os.waitpid(child, 0)
    assert waited >= held_until
