"""All the dashboard's indicators at national scale, against raw SQL GROUP BY for the same
counts.

    .venv/bin/python bench/bench_insights.py [--scale 1.0] [--database sqlite|postgresql]

The data is bench_overview's (100,000 cases, 300,000 persons in cases, 200,000 referrals at
scale 1), with the victims' sex, citizenship, age, forms of exploitation, industry, status
and recording day spread over two years. Figures, each the median of ``--repeat`` runs:

- ``indicators``: the 15 indicators of one period through ``insights.services.indicators``
  (queries, the four shared ones side by side on two connections, disclosure control of
  every table, the audit entry);
- ``dashboard``: the whole dashboard service (both periods, disclosure control, charts);
- baseline: the same GROUP BY queries written by hand in SQL, one after another on one
  connection in the same process (the library's and training's tables are empty here and
  left out of it).

CPU time counts every thread of this process: on SQLite, where the database works in the
process, it can exceed the wall time when the queries run side by side.

PostgreSQL uses its own scratch database `palermo_bench_insights` on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from bench_overview import populate

PG_DB = "palermo_bench_insights"


def scratch(database: str) -> None:
    if database != "postgresql":
        from scratch import scratch_palermo

        scratch_palermo("sqlite")
        return
    import sys
    import tempfile
    from pathlib import Path

    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres",
                         autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PG_DB}")
    os.environ["PALERMO_DATA_DIR"] = tempfile.mkdtemp(prefix="palermo-bench-")
    os.environ["PALERMO_DATABASE_URL"] = f"postgresql://postgres@127.0.0.1:5432/{PG_DB}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "palermo.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def spread(vendor: str) -> None:
    """Give the synthetic victims the attributes the indicators count, in a few UPDATEs."""
    from django.db import connection

    json = "::jsonb" if vendor == "postgresql" else ""
    born = "DATE '1990-01-01'" if vendor == "postgresql" else "'1990-01-01'"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE cases_person SET sex = CASE id % 3 WHEN 0 THEN 'F' WHEN 1 THEN 'M' "  # noqa: S608 -- our own fragments
            f"ELSE '' END, nationalities = CASE id % 4 WHEN 0 THEN '[\"UKR\"]'{json} "
            f"WHEN 1 THEN '[\"THA\"]'{json} WHEN 2 THEN '[\"PHL\"]'{json} "
            f"ELSE '[\"ERI\"]'{json} END, birth_date = CASE WHEN id % 5 = 0 THEN NULL "
            f"ELSE {born} END")
        shift = ("added_at - (id % 700) * INTERVAL '1 day'" if vendor == "postgresql"
                 else "datetime(added_at, '-' || (id % 700) || ' days')")
        cursor.execute(
            f"UPDATE cases_caseperson SET added_at = {shift}, is_child = (id % 7 = 0), "  # noqa: S608 -- our own fragments
            f"exploitation_types = CASE id % 3 WHEN 0 THEN '[\"ForcedLabour\"]'{json} "
            f"WHEN 1 THEN '[\"SexualExploitation\"]'{json} "
            f"ELSE '[\"ForcedLabour\", \"ForcedBegging\"]'{json} END, "
            f"industry = CASE id % 2 WHEN 0 THEN 'agriculture' ELSE '' END, "
            f"trafficking_status = CASE WHEN role <> 'victim' THEN '' WHEN id % 4 = 0 "
            "THEN 'identified_victim' ELSE 'possible_victim' END, "
            "status_decided_at = CASE WHEN role = 'victim' AND id % 4 = 0 THEN added_at END")
        cursor.execute("ANALYZE")


def raw_counts(vendor: str, start: object, end: object, first: object, after: object,
               today: object) -> None:
    """The same counts in hand-written SQL: the one GROUP BY of persons (its JSON grouped
    as text, as the product does), the investigations in one LEFT JOIN, the one GROUP BY of
    referrals and the shelter intervals."""
    from django.db import connection

    pg = vendor == "postgresql"
    nationality = "p.nationalities->>0" if pg else "json_extract(p.nationalities, '$[0]')"
    forms = "cp.exploitation_types::text" if pg else "cp.exploitation_types"
    year = "EXTRACT(YEAR FROM cp.added_at)" if pg else "substr(cp.added_at, 1, 4)"
    wait = ("EXTRACT(EPOCH FROM (s.at - cp.status_decided_at)) / 86400" if pg
            else "julianday(s.at) - julianday(cp.status_decided_at)")
    queries = [
        ("SELECT cp.role, cp.trafficking_status, CASE WHEN cp.is_child THEN 'child' WHEN "  # noqa: S608 -- our own fragments
         "p.birth_date IS NOT NULL OR p.estimated_age IS NOT NULL THEN 'adult' ELSE 'unknown' "
         f"END, cp.industry, p.sex, {nationality}, {forms}, {year}, COUNT(*) "
         "FROM cases_caseperson cp JOIN cases_person p ON p.id = cp.person_id WHERE cp.role IN "
         "('victim', 'suspect', 'defendant', 'offender') AND cp.added_at >= %s AND "
         "cp.added_at < %s GROUP BY 1, 2, 3, 4, 5, 6, 7, 8", [first, after]),
        ("SELECT COALESCE(t.code, 'unknown'), c.status, COUNT(*) FROM cases_case c LEFT JOIN "
         "cases_caseterm t ON t.case_id = c.id AND t.vocabulary = 'exploitation_types' WHERE "
         "c.opened_on BETWEEN %s AND %s GROUP BY 1, 2", [start, end]),
        ("SELECT a.name, r.state, CASE WHEN r.state IN ('sent', 'accepted') AND r.due_on < %s "
         "THEN 1 ELSE 0 END, COUNT(*) FROM cases_referral r JOIN access_agency a ON "
         "a.id = r.to_agency_id WHERE r.created_at >= %s AND r.created_at < %s "
         "GROUP BY 1, 2, 3", [today, first, after]),
        (f"SELECT SUM(CASE WHEN {wait} < 1 THEN 1 ELSE 0 END), SUM(CASE WHEN {wait} >= 1 AND "  # noqa: S608 -- our own fragments
         f"{wait} < 8 THEN 1 ELSE 0 END), SUM(CASE WHEN {wait} >= 8 AND {wait} < 31 THEN 1 "
         f"ELSE 0 END), SUM(CASE WHEN {wait} >= 31 THEN 1 ELSE 0 END) FROM cases_caseperson cp "
         "JOIN (SELECT case_person_id, MIN(responded_at) AS at FROM cases_referral WHERE "
         "reason = 'shelter' AND state IN ('accepted', 'done') AND responded_at IS NOT NULL "
         "GROUP BY 1) s ON s.case_person_id = cp.id WHERE cp.role = 'victim' AND "
         "cp.status_decided_at >= %s AND cp.status_decided_at < %s AND cp.trafficking_status "
         "IN ('possible_victim', 'identified_victim')", [first, after]),
    ]
    with connection.cursor() as cursor:
        for sql, params in queries:
            cursor.execute(sql, params)
            cursor.fetchall()


def median_ms(run: object, repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (on SQLite the database works
    in this process too, so CPU time is the work done whatever else the machine runs)."""
    times, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    scratch(args.database)
    coordinator = populate(args.scale)
    from django.db import connection
    from django.utils import timezone

    from palermo.cases.services.statistics import _bounds
    from palermo.insights.services import dashboard, indicators
    from palermo.insights.services.periods import Period

    spread(connection.vendor)
    today = timezone.localdate()
    period = Period.year(today.year)
    first, after = _bounds(period.start, period.end)

    def tables() -> None:
        indicators.tables(coordinator, period)  # type: ignore[arg-type]

    def board() -> None:
        dashboard.build(coordinator, period)  # type: ignore[arg-type]

    def raw() -> None:
        raw_counts(connection.vendor, period.start, period.end, first, after, today)

    tables()
    raw()
    tables_ms, tables_cpu = median_ms(tables, args.repeat)
    board_ms, board_cpu = median_ms(board, args.repeat)
    raw_ms, raw_cpu = median_ms(raw, args.repeat)
    print(f"{args.database}: 15 indicators (queries, disclosure control, audit) median "
          f"{tables_ms:.0f} ms (CPU {tables_cpu:.0f} ms); raw SQL GROUP BY of the same counts "
          f"{raw_ms:.0f} ms (CPU {raw_cpu:.0f} ms); ratio {tables_ms / raw_ms:.2f} "
          "(goal: under 1000 ms)")
    print(f"{args.database}: whole dashboard (two periods, charts) median {board_ms:.0f} ms "
          f"(CPU {board_cpu:.0f} ms); ratio to raw SQL of one period {board_ms / raw_ms:.2f}")


if __name__ == "__main__":
    main()
