"""Recall and precision of the name matcher across Hebrew, Arabic and Cyrillic (issue 19).

    .venv/bin/python bench/bench_scripts_recall.py            # the three sets, P/R/F1, us/pair
    .venv/bin/python bench/bench_scripts_recall.py --misses   # also list the pairs it gets wrong

Sets (tests/names/data/): ``wikidata_hebrew`` and ``wikidata_arabic`` (real
people's labels as Wikidata writes them in Hebrew or Arabic and in English, with hard
negatives: the same given name or family in another person), ``russian_foreign`` (Russian
spellings of French, Japanese, Polish and Dutch names). Each row carries a ``split``: the
``dev`` rows were looked at while the matcher was changed, the ``held`` rows (a third of the
people, chosen by a hash of the name) were not, so the held figures are the honest ones.

Baselines: the figures of the matcher before the change (``BEFORE``, measured with this script
on the same machine), and nomenklatura's LogicV2 in this process when it is installed
(``make bench`` installs it). Time per pair is measured with cold caches, as a first
screening of a name meets it, and warm, as the index's repeated parts do.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_names import CASES, LOGIC_V2_THRESHOLD, clear_caches, logic_v2, prf  # noqa: E402

from palermo.names.names import DEFAULT_THRESHOLD, score_names  # noqa: E402

DATA = ROOT / "tests" / "names" / "data"
SETS = ("wikidata_hebrew", "wikidata_arabic", "russian_foreign")
# P, R, F1 of the matcher as it was before issue 19's recall work, measured with this script
# on the same sets (times are left out: they only compare within one run).
BEFORE: dict[str, tuple[float, float, float]] = {
    "wikidata_hebrew/all": (0.994, 0.891, 0.939),
    "wikidata_hebrew/dev": (0.991, 0.894, 0.940),
    "wikidata_hebrew/held": (1.000, 0.883, 0.938),
    "wikidata_arabic/all": (0.987, 0.844, 0.910),
    "wikidata_arabic/dev": (0.991, 0.852, 0.916),
    "wikidata_arabic/held": (0.980, 0.828, 0.897),
    "russian_foreign/all": (1.000, 0.652, 0.789),
    "russian_foreign/dev": (1.000, 0.705, 0.827),
    "russian_foreign/held": (1.000, 0.574, 0.730),
    "name_bench/all": (0.850, 0.868, 0.859),
    "heldout_hebrew/all": (0.918, 0.889, 0.903),
    "heldout_arabic/all": (0.864, 0.934, 0.898),
    "heldout_cyrillic/all": (0.877, 1.000, 0.934),
}
Row = dict[str, str]


def load(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def timed(rows: list[Row], score: Callable[[str, str], float]) -> tuple[list[float], float, float]:
    clear_caches()
    start = time.perf_counter()
    scores = [score(r["name1"], r["name2"]) for r in rows]
    cold = (time.perf_counter() - start) / len(rows) * 1e6
    start = time.perf_counter()
    for r in rows:
        score(r["name1"], r["name2"])
    warm = (time.perf_counter() - start) / len(rows) * 1e6
    return scores, cold, warm


def figures(rows: list[Row], scores: list[float], keep: Callable[[Row], bool],
            threshold: float) -> tuple[int, float, float, float]:  # fmt: skip
    pairs = [(s, r["is_match"] == "true") for r, s in zip(rows, scores, strict=True) if keep(r)]
    return (len(pairs), *prf(pairs, threshold))


def report(label: str, rows: list[Row], baseline: Callable[[str, str, str], float] | None,
           misses: bool) -> None:  # fmt: skip
    ours, cold, warm = timed(rows, score_names)
    theirs: list[float] = []
    theirs_us = 0.0
    if baseline is not None:
        start = time.perf_counter()
        theirs = [baseline(r["name1"], r["name2"], "Person") for r in rows]
        theirs_us = (time.perf_counter() - start) / len(rows) * 1e6
    subsets: list[tuple[str, Callable[[Row], bool]]] = [("all", lambda r: True)]
    if "split" in rows[0]:
        subsets += [
            ("dev", lambda r: r["split"] == "dev"),
            ("held", lambda r: r["split"] == "held"),
        ]
    for name, keep in subsets:
        n, p, r, f = figures(rows, ours, keep, DEFAULT_THRESHOLD)
        line = f"{label:<16} {name:<5} n={n:<4} P={p:.3f} R={r:.3f} F1={f:.3f}"
        before = BEFORE.get(f"{label}/{name}")
        if before:
            line += (f" | before P={before[0]:.3f} R={before[1]:.3f} F1={before[2]:.3f}"
                     f" | F1 ratio {f / before[2]:.2f}")  # fmt: skip
        if theirs:
            _, bp, br, bf = figures(rows, theirs, keep, LOGIC_V2_THRESHOLD)
            line += f" | LogicV2 P={bp:.3f} R={br:.3f} F1={bf:.3f}"
        print(line)
    line = f"{label:<16} speed {cold:.0f} us/pair cold, {warm:.1f} us/pair warm"
    if theirs:
        line += f" | LogicV2 {theirs_us:.0f} us/pair | time ratio {cold / theirs_us:.2f}"
    print(line, flush=True)
    if misses:
        for r, s in zip(rows, ours, strict=True):
            hit = s >= DEFAULT_THRESHOLD
            if hit != (r["is_match"] == "true") and r.get("split", "dev") == "dev":
                kind = "missed" if not hit else "false hit"
                print(f"    {kind:<9} {s:.3f}  {r['name1']} / {r['name2']}  ({r.get('note', '')})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the dev pairs it gets wrong")
    parser.add_argument("--no-baseline", action="store_true", help="skip LogicV2")
    args = parser.parse_args()
    print(f"threshold {DEFAULT_THRESHOLD}; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")  # fmt: skip
    baseline = None if args.no_baseline else logic_v2()
    if baseline is None and not args.no_baseline:
        print("LogicV2 baseline unavailable: pip install nomenklatura")
    for name in SETS:
        report(name, load(DATA / f"{name}.csv"), baseline, args.misses)
    # Precision must hold where it was already measured: the shared set and the older held-out.
    report("name_bench", load(CASES), None, False)
    for name in ("heldout_hebrew", "heldout_arabic", "heldout_cyrillic"):
        report(name, load(DATA / f"{name}.csv"), None, False)


if __name__ == "__main__":
    main()
