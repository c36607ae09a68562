"""The product's person index on a scratch database, for bench_names.py (issue 19)."""

from __future__ import annotations

import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_NAMES = "postgresql://postgres@127.0.0.1:5432/palermo_bench_names"


def scratch_database(database: str) -> Path:
    """A fresh, migrated Palermo database for the index (PostgreSQL: its own database, so
    other benchmarks' palermo_bench is left alone)."""
    from scratch import scratch_palermo

    if database != "postgresql":
        return scratch_palermo("sqlite")
    import tempfile

    import psycopg

    data = Path(tempfile.mkdtemp(prefix="palermo-bench-names-"))
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS palermo_bench_names WITH (FORCE)")
        conn.execute("CREATE DATABASE palermo_bench_names")
    os.environ.update(PALERMO_DATA_DIR=str(data), PALERMO_DATABASE_URL=PG_NAMES,
                      DJANGO_SETTINGS_MODULE="palermo.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return data


class DbIndex:
    """The product's person index on the scratch database, numbered as the benchmark's
    people are (person ids are mapped back through the source id)."""

    def __init__(self, data: Path) -> None:
        from palermo.access.models import Agency

        self.data = data
        self.owner, _ = Agency.objects.get_or_create(name="Bench police", kind="police",
                                                     country="ISR")
        self.number_of: dict[int, int] = {}
        self.last_scored = 0
        self.max_candidates = 100

    def load(self, people: list[tuple[list[str], str | None, str | None, str | None]]) -> float:
        """Import (names, birth date, nationality, sex) with ``import_file``; seconds."""
        from palermo.screening.importing import import_file
        from palermo.screening.models import WatchedPerson

        WatchedPerson.objects.all().delete()
        path = self.data / "persons.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["names", "birth_date", "sex", "nationalities", "reason", "source",
                          "source_id"])
            for number, (names, born, nat, sex) in enumerate(people):
                out.writerow(["|".join(names), born or "", sex or "", nat or "", "wanted",
                              "bench", number])
        start = time.perf_counter()
        report = import_file("persons", path, owner_agency=self.owner)
        took = time.perf_counter() - start
        assert report.added == len(people) and not report.bad, report.summary()
        from django.db import connection

        if connection.vendor == "postgresql":
            # The planner needs statistics of the freshly filled tables, as autovacuum would
            # gather within a minute on a server that runs it (the test server does not).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.number_of = {pk: int(source_id) for pk, source_id in
                          WatchedPerson.objects.values_list("id", "source_id")}
        return took

    def search(self, name: str, birth_date: str | None = None, nationality: str | None = None,
               sex: str | None = None, limit: int = 10) -> list[tuple[int, float]]:
        from palermo.screening import person_keys

        found = person_keys.search(name, birth_date, nationality, sex, limit)
        self.last_scored = found.scored
        return [(self.number_of[pk], score) for pk, score in found.hits]


FIRST_CHECK = """
import os, sys, time
sys.path.insert(0, {root!r})
import django
django.setup()
from palermo.screening import person_keys
start = time.perf_counter()
person_keys.search({query!r}, birth_date={born!r})
print(time.perf_counter() - start)
"""


def first_check(query: str, born: str) -> float:
    """Seconds a freshly started process takes for its first person search (its database
    connection included; Django's own start-up is not the index's)."""
    import subprocess

    code = FIRST_CHECK.format(root=str(ROOT), query=query, born=born)
    out = subprocess.run([sys.executable, "-c", code], env=os.environ.copy(), check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])
