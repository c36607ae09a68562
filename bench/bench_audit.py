"""Audit log: appending entries and verifying the chain, against raw SQL inserts.

    .venv/bin/python bench/bench_audit.py [--entries 3000]

Every read of a person's record appends an entry, so appending is on the hot path of later
capabilities. Baseline: the same rows inserted with one raw SQL INSERT each, in the same
database, without the chain (no read of the previous hash, no SHA-256).
"""

from __future__ import annotations

import argparse
import time

from scratch import scratch_palermo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    scratch_palermo(args.database)
    from django.db import connection, transaction

    from palermo.audit import services

    n = args.entries

    start = time.perf_counter()
    with connection.cursor() as cursor:
        for i in range(n):
            with transaction.atomic():
                cursor.execute(
                    "INSERT INTO audit_auditevent (seq, at, actor_label, agency_label, action, "
                    "object_type, object_id, outcome, reason, detail, prev_hash, hash) VALUES "
                    "(%s, CURRENT_TIMESTAMP, 'bench', '', 'person.read', 'person', %s, "
                    "'success', '', '{}', '', '')", [1_000_000 + i, str(i)])
    raw = n / (time.perf_counter() - start)

    from palermo.audit import triggers

    triggers.remove(connection)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    triggers.install(connection)

    start = time.perf_counter()
    for i in range(n):
        services.record("person.read", object_type="person", object_id=i)
    chained = n / (time.perf_counter() - start)

    start = time.perf_counter()
    report = services.verify_chain()
    verified = report.checked / (time.perf_counter() - start)
    assert report.ok

    print(f"{connection.vendor}, {n} entries, one transaction each")
    print(f"raw SQL INSERT (baseline)   {raw:9.0f} entries/s  ratio 1.00")
    print(f"audit.record (chained)      {chained:9.0f} entries/s  ratio {chained / raw:.2f}")
    print(f"audit verify_chain          {verified:9.0f} entries/s")


if __name__ == "__main__":
    main()
