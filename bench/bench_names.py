"""Benchmark of the screening name matcher and its candidate index.

    .venv/bin/python bench/bench_names.py                 # pairs + 200,000-person index
    .venv/bin/python bench/bench_names.py --persons 1000000 --database postgresql
    .venv/bin/python bench/bench_names.py --skip-index    # pair quality and speed only

The index is the product's: the persons are imported into a scratch database (SQLite, or
PostgreSQL database ``palermo_bench_names``) with ``import_file``, which files their name
keys, and every query is ``person_keys.search`` on that database. Reported beside recall,
false hits and p95: the server memory the index costs (RSS growth of this process over the
queries: only caches of parsed words are kept) and the first check of a freshly started
process (no build).

Pairs: the shared name_bench cases and our held-out sets, scored by ``score_names`` and, in the
same process, by nomenklatura's LogicV2 (benchmark-only dependency) as the baseline.
Index: Faker people in several locales (``faker_people.py``, fixed seed); planted variants of
listed people must be found (recall, against a brute-force scan with the same matcher on a
sample), people not on the list must not be (false-hit rate), and query latency is reported as
p50/p95.
Real-list shapes (``real_names.py``, fixed seed): Arabic, Dutch, Russian and Spanish people
with three to six parts, particles and several aliases each; pairs of another form of a person
against an alias (a match) and against relatives who share parts (not a match), then the same
people in an index: recall of the other form, false hits of relatives not on the list.
"""

from __future__ import annotations

import argparse
import csv
import gc
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from faker_people import make_people, variant  # noqa: E402
from names_db import DbIndex, first_check, scratch_database  # noqa: E402
from real_names import make_listed, real_pairs  # noqa: E402

from palermo.names import name_keys  # noqa: E402
from palermo.names import names as names_mod  # noqa: E402
from palermo.names.index import PersonIndex, qualifier_adjustment  # noqa: E402
from palermo.names.name_shape import shape_of  # noqa: E402
from palermo.names.names import DEFAULT_THRESHOLD, score_names  # noqa: E402
from palermo.names.translit import script_of  # noqa: E402

CASES = ROOT.parent / "shared" / "data" / "name_bench" / "cases.csv"
DATA = ROOT / "tests" / "names" / "data"
LOGIC_V2_THRESHOLD = 0.7
Row = dict[str, str]


def clear_caches() -> None:
    for fn in (names_mod.parse_name, names_mod.token_sim, getattr(names_mod, "_plain_sim", None),
               name_keys.word_token, shape_of):
        if fn is not None:
            fn.cache_clear()


def logic_v2() -> Callable[[str, str, str], float] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching.logic_v2.model import LogicV2
    except ImportError:
        return None
    config = LogicV2.default_config()
    ids = itertools.count()

    def entity(name: str, schema: str, side: str):  # type: ignore[no-untyped-def]
        proxy = model.make_entity(schema)
        # A fresh id per proxy: LogicV2 caches analysed names by entity id, so reused ids
        # would compare the names of an earlier pair.
        proxy.id = f"{side}{next(ids)}"
        proxy.add("name", name)
        return proxy

    def score(a: str, b: str, schema: str) -> float:
        return float(LogicV2.compare(entity(a, schema, "q"), entity(b, schema, "r"), config).score)

    # The first comparisons load LogicV2's reference data: keep that out of the timing.
    for a, b in (("Vladimir Putin", "Владимир Путин"), ("Siemens AG", "Siemens")):
        score(a, b, "Person")
    return score


def prf(rows: Iterable[tuple[float, bool]], threshold: float) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for score, match in rows:
        hit = score >= threshold
        tp += hit and match
        fp += hit and not match
        fn += (not hit) and match
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_script(row: Row) -> bool:
    return script_of(row["name1"]) != script_of(row["name2"])


def bench_pairs(path: Path, label: str, baseline: Callable[[str, str, str], float] | None) -> None:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    clear_caches()
    start = time.perf_counter()
    ours = [score_names(r["name1"], r["name2"]) for r in rows]
    ours_us = (time.perf_counter() - start) / len(rows) * 1e6
    theirs: list[float] = []
    theirs_us = 0.0
    if baseline is not None:
        start = time.perf_counter()
        theirs = [baseline(r["name1"], r["name2"], r.get("schema") or "Person") for r in rows]
        theirs_us = (time.perf_counter() - start) / len(rows) * 1e6
    subsets: list[tuple[str, Callable[[Row], bool]]] = [("all", lambda r: True)]
    if "schema" in rows[0]:
        subsets.append(("Person", lambda r: r["schema"] == "Person"))
    subsets.append(("cross-script", cross_script))
    for name, keep in subsets:
        idx = [i for i, r in enumerate(rows) if keep(r)]
        truth = [rows[i]["is_match"].strip().lower() == "true" for i in idx]
        p, r, f = prf(zip([ours[i] for i in idx], truth, strict=True), DEFAULT_THRESHOLD)
        line = f"{label:<18} {name:<13} n={len(idx):<4} ours P={p:.3f} R={r:.3f} F1={f:.3f}"
        if theirs:
            bp, br, bf = prf(zip([theirs[i] for i in idx], truth, strict=True), 0.7)
            ratio = f / bf if bf else float("inf")
            line += f" | LogicV2 P={bp:.3f} R={br:.3f} F1={bf:.3f} | F1 ratio {ratio:.2f}"
        print(line)
    line = f"{label:<18} speed         ours {ours_us:.0f} us/pair (cold caches)"
    if theirs:
        line += f" | LogicV2 {theirs_us:.0f} us/pair | time ratio {ours_us / theirs_us:.2f}"
    print(line, flush=True)


# --- index benchmark -----------------------------------------------------------------------


def mean(flags: list[bool]) -> float:
    return sum(flags) / len(flags)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def bench_index(persons: int, queries: int, scan_queries: int, seed: int, db: DbIndex) -> None:
    rnd = random.Random(seed)
    start = time.perf_counter()
    people = make_people(persons, seed)
    print(f"index: generated {persons} Faker people in {time.perf_counter() - start:.0f}s")
    took = db.load([([name], born, nat, sex) for name, born, nat, sex in people])
    from django.db import connection

    from palermo.screening.models import PersonNameKey, PersonWord

    print(f"index: {connection.vendor}, imported with name keys in {took:.0f}s, "
          f"{PersonWord.objects.count()} distinct name parts, "
          f"{PersonNameKey.objects.count()} person keys", flush=True)  # fmt: skip
    first = first_check(people[0][0], people[0][1])
    print(f"index: first check after a process start {first * 1000:.1f} ms (no build)")
    clear_caches()
    gc.collect()
    before = rss_mb()
    index = db
    kinds = ["transliteration", "typo", "order swap", "missing middle"]
    planted = []
    for number in rnd.sample(range(persons), queries):
        kind = kinds[len(planted) % len(kinds)]
        planted.append((number, kind, variant(people[number][0], kind, rnd)))
    latencies: list[float] = []
    cpus: list[float] = []  # this process's CPU: on a shared machine, what the query costs
    scored: list[int] = []
    found: dict[str, list[bool]] = {k: [] for k in kinds}
    # What a scan with the same matcher finds at best: the planted person's own score.
    reachable: dict[str, list[bool]] = {k: [] for k in kinds}
    # Faker reuses a few hundred names per locale, so many listed people share a full name:
    # planted queries carry the birth date, as a screening request would.
    for number, kind, query in planted:
        name, born, nat, sex = people[number]
        start, cpu = time.perf_counter(), time.process_time()
        hits = index.search(query, birth_date=born, limit=10)
        latencies.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        scored.append(index.last_scored)
        found[kind].append(any(i == number and s >= DEFAULT_THRESHOLD for i, s in hits))
        own = score_names(query, name) + qualifier_adjustment(
            born, frozenset([nat]), sex, born, None, None)
        reachable[kind].append(own >= DEFAULT_THRESHOLD)
    grown = rss_mb() - before
    for kind in kinds:
        print(f"index: recall planted {kind:<16} {sum(found[kind]) / len(found[kind]):.3f} "
              f"(n={len(found[kind])}; matcher alone {mean(reachable[kind]):.3f})")  # fmt: skip
    total = [f for v in found.values() for f in v]
    print(f"index: recall planted all              {sum(total) / len(total):.3f} "
          f"(matcher alone {mean([f for v in reachable.values() for f in v]):.3f})")
    idx_ok = scan_ok = 0
    sample = rnd.sample(planted, min(scan_queries, len(planted)))
    # The brute-force baseline needs everyone in memory: built only now, after the memory
    # of the database index was measured.
    memory = PersonIndex()
    for number, (name, born, nat, sex) in enumerate(people):
        memory.add(number, [name], born, [nat], sex)
    start = time.perf_counter()
    for number, _, query in sample:
        born = people[number][1]
        hits = index.search(query, birth_date=born)
        idx_ok += any(i == number and s >= DEFAULT_THRESHOLD for i, s in hits)
        hits = memory.scan(query, birth_date=born)
        scan_ok += any(i == number and s >= DEFAULT_THRESHOLD for i, s in hits)
    scan_s = (time.perf_counter() - start) / len(sample)
    ratio = idx_ok / scan_ok if scan_ok else float("nan")
    print(f"index: recall on {len(sample)}-query sample: index {idx_ok}/{len(sample)} vs "
          f"brute-force scan {scan_ok}/{len(sample)} | ratio {ratio:.3f} "
          f"(scan {scan_s:.1f}s/query)")  # fmt: skip
    listed = {p[0].casefold() for p in people}
    strangers = [p for p in make_people(queries * 2, seed + 1) if p[0].casefold() not in listed]
    strangers = strangers[:queries]
    false_name = false_dob = 0
    for name, born, nat, sex in strangers:
        start, cpu = time.perf_counter(), time.process_time()
        hits = index.search(name, limit=3)
        latencies.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        scored.append(index.last_scored)
        false_name += bool(hits) and hits[0][1] >= DEFAULT_THRESHOLD
        hits = index.search(name, birth_date=born, nationality=nat, sex=sex, limit=3)
        false_dob += bool(hits) and hits[0][1] >= DEFAULT_THRESHOLD
    n = len(strangers)
    print(f"index: false-hit rate, people not listed (n={n}): name only {false_name / n:.3f}, "
          f"with birth date/nationality/sex {false_dob / n:.3f}")  # fmt: skip
    print(f"index: server memory for the index +{grown:.0f} MB over {len(planted)} queries "
          f"(process RSS {before + grown:.0f} MB: the matcher's bounded caches, no index "
          f"in memory)")
    ms = [x * 1000 for x in latencies]
    print(f"index: query latency p50 {pct(ms, 50):.2f} ms, p95 {pct(ms, 95):.2f} ms, "
          f"max {max(ms):.0f} ms (brute-force scan {scan_s * 1000:.0f} ms/query, ratio "
          f"{pct(ms, 50) / (scan_s * 1000):.4f}); candidates scored per query: median "
          f"{statistics.median(scored):.0f}, max {max(scored)} "
          f"(cap {index.max_candidates})")  # fmt: skip
    cpu_ms = [x * 1000 for x in cpus]
    print(f"index: query CPU time in this process p50 {pct(cpu_ms, 50):.2f} ms, p95 "
          f"{pct(cpu_ms, 95):.2f} ms; load average {os.getloadavg()[0]:.1f}")


def bench_real(
    persons: int, seed: int, baseline: Callable[[str, str, str], float] | None, db: DbIndex
) -> None:
    pairs = real_pairs(min(persons, 600), seed)
    clear_caches()
    start = time.perf_counter()
    ours = [(score_names(a, b), match) for a, b, match in pairs]
    ours_us = (time.perf_counter() - start) / len(pairs) * 1e6
    p, r, f = prf(ours, DEFAULT_THRESHOLD)
    line = (f"real lists  pairs n={len(pairs)} ({sum(m for *_, m in pairs)} matches) ours "
            f"P={p:.3f} R={r:.3f} F1={f:.3f} {ours_us:.0f} us/pair")  # fmt: skip
    if baseline is not None:
        start = time.perf_counter()
        theirs = [(baseline(a, b, "Person"), match) for a, b, match in pairs]
        theirs_us = (time.perf_counter() - start) / len(pairs) * 1e6
        bp, br, bf = prf(theirs, LOGIC_V2_THRESHOLD)
        line += (f" | LogicV2 P={bp:.3f} R={br:.3f} F1={bf:.3f} {theirs_us:.0f} us/pair | "
                 f"F1 ratio {f / bf if bf else float('inf'):.2f}")  # fmt: skip
    print(line, flush=True)
    people = make_listed(persons, seed)
    rnd = random.Random(seed)
    born = [f"{rnd.randint(1940, 2005)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            for _ in people]  # fmt: skip
    index = db
    build = db.load([(list(person.aliases), born[number], None, None)
                     for number, person in enumerate(people)])
    sample = rnd.sample(range(len(people)), min(1000, len(people)))
    latencies, scored, found, found_dob, taken = [], [], [], [], []
    for number in sample:
        start = time.perf_counter()
        hits = index.search(people[number].query, limit=10)
        latencies.append((time.perf_counter() - start) * 1000)
        scored.append(index.last_scored)
        found.append(any(i == number and s >= DEFAULT_THRESHOLD for i, s in hits))
        hits = index.search(people[number].query, birth_date=born[number], limit=10)
        found_dob.append(any(i == number and s >= DEFAULT_THRESHOLD for i, s in hits))
        # A relative is someone else: is he taken for this person (name alone)?
        for relative in people[number].relatives:
            hits = index.search(relative, limit=100)
            taken.append(any(i == number and s >= DEFAULT_THRESHOLD for i, s in hits))
    print(f"real lists  index {len(people)} persons, "
          f"{sum(len(p.aliases) for p in people)} aliases, imported in {build:.1f}s: recall of "
          f"another form {mean(found):.3f} (with birth date {mean(found_dob):.3f}, "
          f"n={len(sample)}); "
          f"relatives taken for the listed person {mean(taken):.3f} (name alone, n={len(taken)}); "
          f"p50 {pct(latencies, 50):.2f} ms, p95 {pct(latencies, 95):.2f} ms, candidates scored "
          f"median {statistics.median(scored):.0f}", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--scan-queries", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--skip-index", action="store_true")
    parser.add_argument("--skip-pairs", action="store_true")
    parser.add_argument("--real-persons", type=int, default=20_000)
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    print(f"threshold: ours {DEFAULT_THRESHOLD}, LogicV2 {LOGIC_V2_THRESHOLD}")
    baseline = None
    if not (args.skip_pairs and args.skip_real):
        baseline = logic_v2()
        if baseline is None:
            print("LogicV2 baseline unavailable: pip install nomenklatura")
    if not args.skip_pairs:
        bench_pairs(CASES, "name_bench", baseline)
        for path in sorted(DATA.glob("*.csv")):
            bench_pairs(path, path.stem, baseline)
    if args.skip_real and args.skip_index:
        return
    db = DbIndex(scratch_database(args.database))
    if not args.skip_real:
        bench_real(args.real_persons, args.seed, baseline, db)
    if not args.skip_index:
        bench_index(args.persons, args.queries, args.scan_queries, args.seed, db)


if __name__ == "__main__":
    main()
