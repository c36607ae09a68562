"""Django's SQLite backend, with write transactions queued across processes by a lock file.

Under ``palermo serve --workers 2`` two processes write the same database. SQLite makes a
writer that finds the write lock taken sleep and try again (1, 2, 5, 10, 15, 20 ... ms), so
a check that waits for another process's audit entry often sleeps several milliseconds
after the lock was already free. Here every transaction that ``atomic()`` opens first takes
an exclusive ``flock`` on ``<database>.writer-lock``; the kernel wakes the next writer the
moment the lock is released, and SQLite's own lock is then free at once. Statements
outside a transaction (rare: Django wraps its writes in ``atomic``) still use SQLite's
retry, so correctness never rests on the lock file, only the waiting time.

In-memory databases (the tests' default) have one connection and need no queue.

The database file is created here, empty and 0600, before SQLite opens it: SQLite gives its
``-wal`` and ``-shm`` files the database file's mode, so all three are owner-only whatever
the umask. A database (or WAL, SHM) left wider by an older version is narrowed on connect.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base

from palermo.core import files

# django-stubs leave out the transaction hooks overridden here.
_SQLiteWrapper: Any = base.DatabaseWrapper


class DatabaseWrapper(_SQLiteWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._writer_lock: int | None = None
        self._writer_lock_pid = 0
        self._writer_lock_held = False

    def get_new_connection(self, conn_params: Any) -> Any:
        name = str(conn_params.get("database", ""))
        if not self.is_in_memory_db() and not name.startswith("file:"):
            _owner_only(Path(name))
        return super().get_new_connection(conn_params)

    def _lock_path(self) -> str | None:
        if self.is_in_memory_db():
            return None
        return f"{self.settings_dict['NAME']}.writer-lock"

    def _take_writer_lock(self) -> None:
        path = self._lock_path()
        if path is None:
            return
        if self._writer_lock is not None and self._writer_lock_pid != os.getpid():
            # A descriptor inherited through fork shares its lock with the parent's: the
            # child opens its own, or the two processes would not exclude each other.
            self._writer_lock = None
        if self._writer_lock is None:
            self._writer_lock = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            self._writer_lock_pid = os.getpid()
        fcntl.flock(self._writer_lock, fcntl.LOCK_EX)
        self._writer_lock_held = True

    def _release_writer_lock(self) -> None:
        if self._writer_lock_held and self._writer_lock is not None:
            fcntl.flock(self._writer_lock, fcntl.LOCK_UN)
        self._writer_lock_held = False

    def _start_transaction_under_autocommit(self) -> None:
        self._take_writer_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writer_lock()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()
        finally:
            self._release_writer_lock()

    def _rollback(self) -> None:
        try:
            super()._rollback()
        finally:
            self._release_writer_lock()

    def _close(self) -> None:
        try:
            super()._close()
        finally:
            self._release_writer_lock()
            if self._writer_lock is not None:
                os.close(self._writer_lock)
                self._writer_lock = None


def _owner_only(database: Path) -> None:
    files.private_dir(database.parent)
    with contextlib.suppress(FileExistsError):
        files.new_private_file(database)
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        files.restrict(path)
