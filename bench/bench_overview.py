"""The coordinator's overview at national scale, against raw SQL for the same counts.

    .venv/bin/python bench/bench_overview.py [--scale 1.0] [--database sqlite|postgresql]

At scale 1: 100,000 cases, 300,000 persons in cases, 200,000 referrals, 100,000 tasks. The
figure is the median time to render /cases/overview/ for a signed-in coordinator (the whole
page: permission, queries, template), and the baseline the same counts with hand-written SQL
in the same process. PostgreSQL uses a scratch database `palermo_bench` on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from scratch import scratch_palermo

BATCH = 10_000


def populate(scale: float) -> object:
    import datetime as dt

    from django.utils import timezone

    from palermo.access.models import Agency, Role, User
    from palermo.cases.models import (
        Case,
        CaseAgency,
        CasePerson,
        CaseTerm,
        Person,
        Referral,
        Task,
    )

    rng = random.Random(7)
    kinds = ["police", "welfare", "health", "immigration", "ngo", "prosecution"]
    agencies = [Agency.objects.create(name=f"Agency {i}", kind=kinds[i % len(kinds)],
                                      country="ISR") for i in range(30)]
    coordinator = User.objects.create_user(
        "coordinator@bench.test", "bench password 1234", full_name="Coordinator",
        agency=Agency.objects.create(name="Coordinator", kind="coordinator", country="ISR"))
    coordinator.roles.set(Role.objects.filter(code="coordinator"))
    n_cases, n_persons, n_referrals = int(100_000 * scale), int(300_000 * scale), int(
        200_000 * scale)
    statuses = ["reported", "under_investigation", "prosecution", "trial", "closed"]
    forms = ["ForcedLabour", "SexualExploitation", "Servitude", "ForcedBegging", "OrganRemoval"]
    today, now = timezone.localdate(), timezone.now()

    def bulk(model: type, rows: list) -> None:
        for start in range(0, len(rows), BATCH):
            model.objects.bulk_create(rows[start:start + BATCH])

    started = time.perf_counter()
    bulk(Case, [Case(reference=f"ISR-2026-{i:06d}", country="ISR", year=2026, number=i + 1,
                     title=f"Case {i}", status=rng.choice(statuses),
                     lead_agency=None if i % 97 == 0 else rng.choice(agencies),
                     created_by=coordinator,
                     last_activity_at=now - dt.timedelta(days=rng.randint(0, 90)))
                for i in range(n_cases)])
    case_ids = list(Case.objects.values_list("id", flat=True))
    bulk(CaseAgency, [CaseAgency(case_id=c, agency=rng.choice(agencies), role="lead")
                      for c in case_ids])
    bulk(CaseTerm, [CaseTerm(case_id=c, vocabulary="exploitation_types", code=rng.choice(forms))
                    for c in case_ids])
    bulk(Person, [Person(created_by_agency=agencies[0]) for _ in range(n_persons)])
    person_ids = list(Person.objects.values_list("id", flat=True))
    bulk(CasePerson, [CasePerson(case_id=case_ids[i % len(case_ids)], person_id=p,
                                 role="victim" if i % 3 else "suspect",
                                 ordinal=i // len(case_ids) + 1,
                                 added_by_agency=agencies[0])
                      for i, p in enumerate(person_ids)])
    victims = list(CasePerson.objects.filter(role="victim").values_list("id", "case_id"))
    bulk(Referral, [Referral(case_id=case_id, case_person_id=cp, from_agency=agencies[0],
                             to_agency=rng.choice(agencies), reason="shelter", consent="given",
                             state=rng.choice(["sent", "accepted", "done", "rejected"]),
                             due_on=today + dt.timedelta(days=rng.randint(-20, 20)),
                             created_by=coordinator)
                    for cp, case_id in (victims[i % len(victims)] for i in range(n_referrals))])
    bulk(Task, [Task(case_id=c, agency=rng.choice(agencies), title="Statement",
                     due_on=today + dt.timedelta(days=rng.randint(-20, 20)),
                     created_by=coordinator) for c in case_ids])
    from django.db import connection

    with connection.cursor() as cursor:
        # A live database has its planner statistics (autovacuum, PRAGMA optimize); a freshly
        # bulk-loaded one needs them gathered once.
        cursor.execute("ANALYZE")
    print(f"populated {n_cases} cases, {n_persons} persons, {n_referrals} referrals, "
          f"{len(case_ids)} tasks in {time.perf_counter() - started:.0f} s")
    return coordinator


def raw_counts() -> None:
    from django.db import connection
    from django.utils import timezone

    today = timezone.localdate()
    threshold = timezone.now() - __import__("datetime").timedelta(days=30)
    with connection.cursor() as cursor:
        cursor.execute("SELECT status, COUNT(*) FROM cases_case WHERE status <> 'closed' "
                       "GROUP BY status")
        cursor.fetchall()
        cursor.execute("SELECT t.code, COUNT(DISTINCT t.case_id) FROM cases_caseterm t JOIN "
                       "cases_case c ON c.id = t.case_id WHERE c.status <> 'closed' AND "
                       "t.vocabulary = 'exploitation_types' GROUP BY t.code")
        cursor.fetchall()
        cursor.execute("SELECT to_agency_id, SUM(CASE WHEN state = 'sent' THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN due_on < %s THEN 1 ELSE 0 END) FROM cases_referral "
                       "WHERE state IN ('sent', 'accepted') GROUP BY to_agency_id", [today])
        cursor.fetchall()
        cursor.execute("SELECT agency_id, COUNT(*) FROM cases_task WHERE state IN ('open', "
                       "'in_progress') AND due_on < %s GROUP BY agency_id", [today])
        cursor.fetchall()
        cursor.execute("SELECT COUNT(*) FROM cases_case WHERE status <> 'closed' AND "
                       "lead_agency_id IS NULL")
        cursor.fetchall()
        cursor.execute("SELECT COUNT(*) FROM cases_case WHERE status <> 'closed' AND "
                       "last_activity_at < %s", [threshold])
        cursor.fetchall()


def median_ms(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    scratch_palermo(args.database, static=True)
    coordinator = populate(args.scale)

    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(coordinator)  # type: ignore[arg-type]
    session = client.session
    session["palermo_login_at"] = session["palermo_seen_at"] = time.time()
    session.save()
    # The coordinator's role is privileged; a verified second factor is part of signing in.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=coordinator, name="bench", confirmed=True)
    session["otp_device_id"] = device.persistent_id
    session.save()

    def page() -> None:
        response = client.get("/cases/overview/")
        assert response.status_code == 200, response.status_code

    page()
    raw_counts()
    page_ms = median_ms(page, args.repeat)
    raw_ms = median_ms(raw_counts, args.repeat)
    print(f"{args.database}: overview page median {page_ms:.1f} ms; raw SQL of the same counts "
          f"{raw_ms:.1f} ms; ratio {page_ms / raw_ms:.2f} (goal: page under 300 ms)")


if __name__ == "__main__":
    main()
