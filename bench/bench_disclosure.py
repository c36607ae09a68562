"""Disclosure control and k-anonymity at size: ``protect`` on dashboard-sized tables and
``anonymise`` on the open data of 2,000 to 100,000 identified victims (synthetic, fixed seed).

Baselines in the same process: summing the table's margins (the least any protection must
do), and one GROUP BY of the records over the six quasi-identifiers in Python (a Counter),
the cost of checking k once.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palermo.settings")

import django

django.setup()

from palermo.insights.engine.disclosure import Table, protect  # noqa: E402
from palermo.insights.engine.kanon import anonymise  # noqa: E402
from palermo.insights.services.open_data import QUASI_IDENTIFIERS, ctdc_hierarchies  # noqa: E402

BANDS = ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48_plus"]
CITIZENSHIPS = ["UKR", "MDA", "THA", "PHL", "ERI", "SDN", "NGA", "IND", "CHN", "GEO", "ISR"]
FORMS = ["ForcedLabour", "SexualExploitation", "Servitude", "ForcedBegging", "ForcedMarriage"]


def timed(action: object, repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        action()  # type: ignore[operator]
    return (time.perf_counter() - start) / repeat


def tables() -> None:
    rng = random.Random(8)
    for rows, columns in ((4, 3), (12, 6), (20, 12)):
        cells = tuple(tuple(rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 40, 100])
                            for _ in range(columns)) for _ in range(rows))
        table = Table("t", tuple(map(str, range(rows))), tuple(map(str, range(columns))), cells)
        seconds = timed(lambda table=table: protect(table, 10, rounding_base=3), 5)
        base = timed(lambda cells=cells: ([sum(r) for r in cells],
                                          [sum(c) for c in zip(*cells, strict=True)]), 200)
        hidden = len(protect(table, 10).suppressed)
        print(f"protect {rows}x{columns}  {seconds * 1000:.1f} ms  {hidden} hidden  "
              f"ratio to summing the margins {seconds / base:.0f}")


def records(n: int) -> list[dict[str, object]]:
    rng = random.Random(n)
    return [{"sex": rng.choice("MFF"), "age": rng.choice(BANDS),
             "citizenship": rng.choice(CITIZENSHIPS),
             "country_of_exploitation": rng.choice(["ISR", "ISR", "ISR", "EGY"]),
             "forms": sorted(set(rng.sample(FORMS, rng.randint(1, 2)))),
             "year": rng.randint(2015, 2026)} for _ in range(n)]


def open_data() -> None:
    steps = ctdc_hierarchies()
    for n in (2_000, 20_000, 100_000):
        rows = records(n)
        seconds = timed(lambda rows=rows: anonymise(rows, QUASI_IDENTIFIERS, 11, steps))
        base = timed(lambda rows=rows: Counter(
            tuple(tuple(v) if isinstance(v, list) else v for v in (r[q] for q in
                                                                  QUASI_IDENTIFIERS))
            for r in rows))
        print(f"anonymise k=11 {n} victims  {seconds:.2f} s  "
              f"ratio to one GROUP BY in Python {seconds / base:.0f}")


if __name__ == "__main__":
    tables()
    open_data()
