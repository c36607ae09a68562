"""Group commit of audit entries written outside a transaction.

Every audited request used to open its own write transaction on the chain. Concurrent ones
then queued on the database's lock (SQLite's busy handler sleeps 1, 2, 5, ... ms between
tries) and each paid the chain head query and a commit. Here the threads of one process
that arrive while an entry is being written put theirs in a queue; the next thread to get
the writer's lock writes the whole queue in one transaction, and every thread returns only
once its own entry is committed. Nothing is acknowledged unaudited: a failed write raises
in every thread whose entry it held.

An entry can bring writes of its own (``then``: a screening hit's alerts): they run in the
batch's transaction after every entry of the batch is chained, so the entry and its writes
are committed together, and a failure of any write in the batch fails every check in it
closed, as a failed entry does.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence

from palermo.audit.models import AuditEvent

# Writes an entry brings, given the entry once it is chained (its ``seq`` is known).
Then = Callable[[AuditEvent], object]
# Writes the entries, then runs the extra writes, all in one transaction.
Writer = Callable[[Sequence[AuditEvent], Sequence[Callable[[], object]]], None]


class _Pending:
    __slots__ = ("done", "error", "event", "then")

    def __init__(self, event: AuditEvent, then: Then | None) -> None:
        self.event = event
        self.then = then
        self.done = False
        self.error: BaseException | None = None


_queue: list[_Pending] = []
_queue_lock = threading.Lock()
# Held while one batch is written: one writer of the chain per process at a time.
_writer_lock = threading.Lock()
# How many entries the batches written so far held, for the benchmark's report.
stats = {"batches": 0, "entries": 0}


def append(event: AuditEvent, write: Writer, then: Then | None = None) -> None:
    """Have ``event`` (and ``then``'s writes) written, by this thread or by the one writing
    the batch it joined; return once they are committed."""
    pending = _Pending(event, then)
    with _queue_lock:
        _queue.append(pending)
    with _writer_lock:
        if not pending.done:
            with _queue_lock:
                batch = _queue[:]
                _queue.clear()
            try:
                write([p.event for p in batch],
                      [functools.partial(p.then, p.event) for p in batch if p.then])
            except BaseException as exc:
                for other in batch:
                    other.error, other.done = exc, True
                raise
            stats["batches"] += 1
            stats["entries"] += len(batch)
            for other in batch:
                other.done = True
    if pending.error is not None:
        raise pending.error
