"""Watch-list import: a million stolen-document rows from CSV, against plain executemany.

    .venv/bin/python bench/bench_import.py [--rows 1000000] [--delta 100000]
    .venv/bin/python bench/bench_import.py --persons 1000000

Persons mode (issue 19, goal: 1,000,000 persons, name keys included, in under 5 minutes on
SQLite): a CSV of persons with Faker names in several scripts, inserted raw with executemany
(the baseline, no keys), then imported with ``import_file``, which files every person under
its name keys in the same transaction.

Goal: 1,000,000 document rows on SQLite in under 60 s. The CSV is generated here from a fixed
seed, in a temporary directory with a fresh database. Baseline: the same file read with the
csv module and the same rows inserted with the DB cursor's executemany (10,000 a call, one
transaction), no checks, no lookups. Then the import proper (`import_file`, all or nothing)
into the emptied table, and a delta run: the first ``--delta`` rows again, each an update.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import string
import time
from pathlib import Path

from scratch import scratch_palermo

STATES = ["ISR", "UKR", "MDA", "ROU", "BGR", "NGA", "ERI", "ETH", "THA", "PHL", "VNM", "CHN",
          "RUS", "BLR", "GEO", "ARM", "UZB", "KGZ", "IND", "NPL", "BRA", "COL", "VEN", "MEX",
          "USA", "GBR", "FRA", "DEU", "ITA", "ESP"]
STATUSES = ["stolen", "stolen", "stolen", "lost", "lost", "revoked", "stolen_blank"]
COLUMNS = ["number", "issuing_state", "status", "kind", "reported_on", "source", "source_id",
           "notes"]


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(20240501)
    letters = string.ascii_uppercase
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for i in range(rows):
            # The running number keeps (number, state) unique; the letters make it look real.
            number = f"{rng.choice(letters)}{i:08d}{rng.choice(letters)}"
            year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
            out.writerow([number, rng.choice(STATES), rng.choice(STATUSES),
                          "passport" if rng.random() < 0.8 else "id_card",
                          f"{year}-{month:02d}-{day:02d}", "sltd", f"S{i}",
                          "reported at the consulate" if rng.random() < 0.05 else ""])


PERSON_COLUMNS = ["names", "birth_date", "sex", "nationalities", "reason", "source",
                  "source_id"]
LOCALES = {"en_US": "USA", "he_IL": "ISR", "ru_RU": "RUS", "ar_AA": "SAU", "uk_UA": "UKR",
           "ro_RO": "ROU", "es_MX": "MEX"}


def write_persons(path: Path, rows: int) -> None:
    from faker import Faker

    rng = random.Random(20240501)
    pools = {}
    for i, (locale, state) in enumerate(LOCALES.items()):
        fake = Faker(locale)
        fake.seed_instance(i)
        pools[state] = ([fake.first_name() for _ in range(800)],
                        [fake.last_name() for _ in range(800)])
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(PERSON_COLUMNS)
        for i in range(rows):
            state = rng.choice(list(LOCALES.values()))
            firsts, lasts = pools[state]
            parts = [rng.choice(firsts)]
            if rng.random() < 0.3:
                parts.append(rng.choice(firsts))
            parts.append(rng.choice(lasts))
            names = " ".join(parts)
            if rng.random() < 0.2:  # an alias: the parts in another order
                names += "|" + " ".join(parts[-1:] + parts[:-1])
            year, month, day = rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)
            out.writerow([names, f"{year}-{month:02d}-{day:02d}", rng.choice("MF"), state,
                          "wanted", "bench", f"P{i}"])


def bench_persons(rows: int) -> None:
    data = scratch_palermo("sqlite")
    import json

    from django.db import connection, transaction

    from palermo.access.models import Agency
    from palermo.screening.importing import import_file
    from palermo.screening.models import PersonNameKey, PersonWord, WatchedPerson

    owner = Agency.objects.create(name="Bench police", kind="police", country="ISR")
    path = Path(data) / "persons.csv"
    start = time.perf_counter()
    write_persons(path, rows)
    print(f"generated {rows} persons in {time.perf_counter() - start:.1f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)")
    table = WatchedPerson._meta.db_table
    columns = ("names, birth_date, sex, nationalities, reason, source, source_id, action, "
               "case_reference, owner_agency_id, created_at, updated_at")
    marks = "%s, %s, %s, %s, %s, %s, %s, '', '', %s, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 -- our own names
    start = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as handle, transaction.atomic(), \
            connection.cursor() as cursor:
        reader = csv.reader(handle)
        next(reader)
        batch: list[list[object]] = []
        for names, born, sex, nats, reason, source, source_id in reader:
            batch.append([json.dumps(names.split("|"), ensure_ascii=False), born, sex,
                          json.dumps([nats]), reason, source, source_id, owner.pk])
            if len(batch) == 10_000:
                cursor.executemany(sql, batch)
                batch = []
        cursor.executemany(sql, batch)
    raw = time.perf_counter() - start
    assert WatchedPerson.objects.count() == rows
    WatchedPerson.objects.all().delete()

    start, cpu = time.perf_counter(), time.process_time()
    report = import_file("persons", path, owner_agency=owner)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.added == rows and not report.bad, report.summary()
    keys = PersonNameKey.objects.count()
    print(f"{connection.vendor}, {rows} persons, all or nothing")
    print(f"csv + executemany (baseline, no keys)  {rows / raw:9.0f} rows/s  ratio 1.00  "
          f"{raw:.1f} s")
    print(f"import_file, name keys included        {rows / took:9.0f} rows/s  ratio "
          f"{raw / took:.2f}  {took:.1f} s for {rows}  ({took * 1_000_000 / rows:.0f} s per "
          f"million, goal 300 s); {keys} keys, {PersonWord.objects.count()} distinct name parts")
    # On a shared machine the wall clock waits for other work; SQLite runs in this process,
    # so its CPU time is what the import itself costs.
    print(f"import_file CPU time {cpu:.1f} s ({cpu * 1_000_000 / rows:.0f} s per million); "
          f"load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--delta", type=int, default=100_000)
    parser.add_argument("--persons", type=int, default=0,
                        help="import this many persons instead of documents")
    args = parser.parse_args()
    if args.persons:
        bench_persons(args.persons)
        return
    data = scratch_palermo("sqlite")
    from django.db import connection, transaction

    from palermo.access.models import Agency
    from palermo.screening.importing import import_file
    from palermo.screening.models import WatchedDocument

    owner = Agency.objects.create(name="Bench police", kind="police", country="ISR")
    path = Path(data) / "documents.csv"
    start = time.perf_counter()
    write_csv(path, args.rows)
    print(f"generated {args.rows} rows in {time.perf_counter() - start:.1f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)")

    table = WatchedDocument._meta.db_table
    columns = ("number, issuing_state, status, kind, reported_on, source, source_id, notes, "
               "owner_agency_id, created_at")
    marks = "%s, %s, %s, %s, %s, %s, %s, %s, %s, CURRENT_TIMESTAMP"
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 -- our own names
    start = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as handle, transaction.atomic(), \
            connection.cursor() as cursor:
        reader = csv.reader(handle)
        next(reader)
        batch: list[list[object]] = []
        for cells in reader:
            batch.append([*cells, owner.pk])
            if len(batch) == 10_000:
                cursor.executemany(sql, batch)
                batch = []
        cursor.executemany(sql, batch)
    baseline = args.rows / (time.perf_counter() - start)
    assert WatchedDocument.objects.count() == args.rows
    WatchedDocument.objects.all().delete()

    start = time.perf_counter()
    report = import_file("documents", path, owner_agency=owner)
    took = time.perf_counter() - start
    assert report.added == args.rows and not report.bad, report.summary()
    assert WatchedDocument.objects.count() == args.rows

    delta_path = Path(data) / "delta.csv"
    with path.open(encoding="utf-8") as source, delta_path.open("w", encoding="utf-8") as out:
        for _ in range(args.delta + 1):
            out.write(source.readline().replace(",stolen,", ",revoked,"))
    start = time.perf_counter()
    delta = import_file("documents", delta_path, owner_agency=owner)
    delta_took = time.perf_counter() - start
    assert delta.updated == args.delta and not delta.added, delta.summary()

    imported = args.rows / took
    print(f"{connection.vendor}, {args.rows} document rows, all or nothing")
    print(f"csv + executemany (baseline)  {baseline:9.0f} rows/s  ratio 1.00")
    print(f"import_file, new rows         {imported:9.0f} rows/s  ratio {imported / baseline:.2f}"
          f"  {took:.1f} s for {args.rows}  ({took * 1_000_000 / args.rows:.1f} s per million)")
    print(f"import_file, delta updates    {args.delta / delta_took:9.0f} rows/s  "
          f"{delta_took:.1f} s for {args.delta} updates into {args.rows}")


if __name__ == "__main__":
    main()
