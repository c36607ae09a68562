"""Independent read-only queries run at the same time, each on its own connection.

A dashboard needs a handful of GROUP BY queries that do not depend on each other, and
the heaviest (persons of a period) takes about half of the time alone. SQLite and the
PostgreSQL driver both release the interpreter lock while the database works, so two
threads keep two cores busy (bench/bench_insights.py).

Other connections see only committed rows: inside a transaction of the calling thread
(a test's, or a write in progress) the queries run one after another on its connection,
and so they do on an in-memory SQLite database, which has a single connection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.db import connection
from django.utils import timezone

WORKERS = 2


def _alone() -> bool:
    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name)
    return in_memory or connection.in_atomic_block


def run(jobs: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
    """Every job's result by its name; the jobs are started in the order given."""
    if len(jobs) < 2 or _alone():
        return {name: job() for name, job in jobs.items()}
    zone = timezone.get_current_timezone()

    def in_thread(job: Callable[[], Any]) -> Any:
        try:
            with timezone.override(zone):
                return job()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="insights") as pool:
        futures = {name: pool.submit(in_thread, job) for name, job in jobs.items()}
        return {name: future.result() for name, future in futures.items()}
