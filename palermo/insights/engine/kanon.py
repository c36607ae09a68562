"""k-anonymity by full-domain generalisation, then record suppression.

Each quasi-identifier has a hierarchy: a list of functions, level ``i`` being
``hierarchy[i - 1](original value)`` and level 0 the value itself. Every combination of
levels is a candidate; candidates are tried from the least information lost upwards and the
first where every equivalence class (records sharing all quasi-identifier values) has at
least k records wins. Records are suppressed only when even the most general levels leave
classes smaller than k, and then only the records of those classes. The method and the loss
measure are in docs/statistics.md, "Open data (k-anonymity)".
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

Hierarchy = Sequence[Callable[[object], object]]


@dataclass
class QuasiIdentifierReport:
    name: str
    level: int
    levels: int  # how many generalisation levels the hierarchy has
    distinct_before: int
    distinct_after: int

    @property
    def information_loss(self) -> float:
        """Share of the hierarchy climbed, 0 (as recorded) to 1 (most general)."""
        return self.level / self.levels if self.levels else 0.0


@dataclass
class AnonymisationReport:
    k: int
    records_in: int
    records_out: int
    records_suppressed: int
    smallest_class: int
    quasi_identifiers: list[QuasiIdentifierReport] = field(default_factory=list)

    @property
    def information_loss(self) -> float:
        """Mean loss over the quasi-identifiers, counting a suppressed record as fully lost."""
        if not self.records_in:
            return 0.0
        kept = self.records_out / self.records_in
        qis = self.quasi_identifiers
        mean = sum(q.information_loss for q in qis) / len(qis) if qis else 0.0
        return 1 - kept * (1 - mean)


@dataclass
class Anonymised:
    records: list[dict[str, object]]
    report: AnonymisationReport


def smallest_class(records: Sequence[Mapping[str, object]],
                   quasi_identifiers: Sequence[str]) -> int:
    """The size of the smallest equivalence class; 0 for no records."""
    counts = Counter(tuple(_key(r.get(q)) for q in quasi_identifiers) for r in records)
    return min(counts.values(), default=0)


def anonymise(records: Sequence[Mapping[str, object]], quasi_identifiers: Sequence[str],
              k: int = 11,
              hierarchies: Mapping[str, Sequence[Callable[[object], object]]] | None = None,
              ) -> Anonymised:
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    hierarchies = hierarchies or {}
    unknown = sorted(set(hierarchies) - set(quasi_identifiers))
    if unknown:
        raise ValueError(f"hierarchy for {unknown[0]!r}, which is not a quasi-identifier")
    ladders = [_Ladder([r.get(q) for r in records], hierarchies.get(q, ()))
               for q in quasi_identifiers]
    heights = [ladder.height for ladder in ladders]
    # Every record as the ids of its recorded values; classes are then counted over the
    # distinct combinations, not over the records.
    combos: Counter[tuple[int, ...]] = Counter(
        zip(*(ladder.ids for ladder in ladders), strict=True) if ladders
        else [() for _ in records])
    chosen = _search(ladders, heights, combos, k)
    size = _class_sizes(ladders, chosen, combos)
    out: list[dict[str, object]] = []
    for i, record in enumerate(records):
        combo = tuple(ladder.ids[i] for ladder in ladders)
        if size[combo] < k:
            continue
        row = dict(record)
        for q, name in enumerate(quasi_identifiers):
            row[name] = ladders[q].value(i, chosen[q])
        out.append(row)
    report = AnonymisationReport(
        k=k, records_in=len(records), records_out=len(out),
        records_suppressed=len(records) - len(out),
        smallest_class=smallest_class(out, quasi_identifiers),
        quasi_identifiers=[
            QuasiIdentifierReport(
                name=name, level=chosen[q], levels=heights[q],
                distinct_before=len(ladders[q].values),
                distinct_after=len({_key(out_row[name]) for out_row in out}))
            for q, name in enumerate(quasi_identifiers)])
    return Anonymised(records=out, report=report)


class _Ladder:
    """One quasi-identifier: its distinct recorded values (by id) and, per level, the id of
    each one's generalisation. A step is applied once per distinct value, not per record."""

    def __init__(self, column: list[object], steps: Sequence[Callable[[object], object]]):
        index: dict[object, int] = {}
        self.values: list[object] = []
        self.ids: list[int] = []
        for value in column:
            key = _key(value)
            if key not in index:
                index[key] = len(self.values)
                self.values.append(value)
            self.ids.append(index[key])
        self.height = len(steps)
        self.levels: list[list[object]] = [self.values] + [
            [step(value) for value in self.values] for step in steps]
        self.level_ids: list[list[int]] = []
        for generalised in self.levels:
            seen: dict[object, int] = {}
            self.level_ids.append([seen.setdefault(_key(v), len(seen)) for v in generalised])

    def value(self, record: int, level: int) -> object:
        return self.levels[level][self.ids[record]]

    def roll_up(self, low: int, high: int) -> list[int] | None:
        """Level ``high``'s id of each level-``low`` id, or None when level ``high`` is not
        a function of level ``low`` (a hierarchy whose steps do not nest)."""
        if low == 0:
            return self.level_ids[high]
        found: dict[int, int] = {}
        for before, after in zip(self.level_ids[low], self.level_ids[high], strict=True):
            if found.setdefault(before, after) != after:
                return None
        return [found[i] for i in range(len(found))]


def _search(ladders: list[_Ladder], heights: list[int],
            combos: Counter[tuple[int, ...]], k: int) -> tuple[int, ...]:
    """The least lossy levels meeting k, else the most general. A candidate no more general
    than one that failed, in every quasi-identifier, fails too, and is skipped. Each
    candidate's classes are rolled up from the smallest table already counted below it."""
    candidates = sorted(itertools.product(*(range(h + 1) for h in heights)),
                        key=lambda levels: (_loss(levels, heights), levels))
    failed: list[tuple[int, ...]] = []
    tables: dict[tuple[int, ...], dict[tuple[int, ...], int]] = {
        tuple(0 for _ in heights): dict(combos)}
    for levels in candidates:
        if any(all(a <= b for a, b in zip(levels, f, strict=True)) for f in failed):
            continue
        table = _rolled_up(ladders, levels, tables)
        if min(table.values(), default=k) >= k:
            return levels
        tables[levels] = table
        failed.append(levels)
    return tuple(heights)


def _rolled_up(ladders: list[_Ladder], levels: tuple[int, ...],
               tables: dict[tuple[int, ...], dict[tuple[int, ...], int]]
               ) -> dict[tuple[int, ...], int]:
    below = sorted((c for c in tables if all(a <= b for a, b in zip(c, levels, strict=True))),
                   key=lambda c: len(tables[c]))
    for start in below:
        maps = [ladder.roll_up(low, high)
                for ladder, low, high in zip(ladders, start, levels, strict=True)]
        if any(m is None for m in maps):
            continue
        table: dict[tuple[int, ...], int] = {}
        for key, count in tables[start].items():
            rolled = tuple(m[i] for m, i in zip(maps, key, strict=True))  # type: ignore[index]
            table[rolled] = table.get(rolled, 0) + count
        return table
    raise AssertionError("the recorded level is below every candidate")


def _class_sizes(ladders: list[_Ladder], levels: Sequence[int],
                 combos: Counter[tuple[int, ...]]) -> dict[tuple[int, ...], int]:
    """For each distinct combination, the size of its class under ``levels``."""
    maps = [ladder.level_ids[level] for ladder, level in zip(ladders, levels, strict=True)]
    totals: dict[tuple[int, ...], int] = {}
    generalised: dict[tuple[int, ...], tuple[int, ...]] = {}
    for combo, count in combos.items():
        key = tuple(m[i] for m, i in zip(maps, combo, strict=True))
        generalised[combo] = key
        totals[key] = totals.get(key, 0) + count
    return {combo: totals[key] for combo, key in generalised.items()}


def _loss(levels: Sequence[int], heights: Sequence[int]) -> float:
    return sum(level / height for level, height in zip(levels, heights, strict=True) if height)


def _key(value: object) -> object:
    """Lists (several forms of exploitation) compare as the set they hold."""
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(sorted(map(str, value)))
    return value
