"""Totals that contradict their parts, among the figures of one place, indicator and year.

A person has one sex and one age group, so the figures by sex (or by age group) of a
category cannot add up to more than its total (sex or age "Total"): when they do, the file
contradicts itself and the comparison says so. A total above the sum of its parts is normal
(parts that were not reported) and is not flagged. Forms of exploitation are not checked:
GLOTIP counts a victim of several forms under each. A part published as "<n" counts as at
least 1 (UNODC publishes 0 as 0), a total published as "<n" as at most n - 1. Only counts are
compared; rates have different denominators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

TOTAL = "total"
COUNT_UNITS = {"", "count", "counts", "number", "persons"}
BREAKDOWNS = ("sex", "age")


class Figure(Protocol):
    dimension: str
    category: str
    sex: str
    age: str
    unit: str
    value: Decimal | None
    below: int | None


@dataclass(frozen=True)
class Contradiction:
    breakdown: str  # "sex" or "age": which parts add up to more than the total
    parts_at_least: Decimal
    parts: tuple[int, ...]  # the parts' positions in the figures given


def contradictions(figures: Sequence[Figure]) -> dict[int, Contradiction]:
    """The totals among ``figures`` (by position) that are smaller than their parts."""
    found: dict[int, Contradiction] = {}
    for index, total in enumerate(figures):
        if total.unit.strip().casefold() not in COUNT_UNITS:
            continue
        most = _at_most(total)
        for breakdown in BREAKDOWNS:
            if getattr(total, breakdown).strip().casefold() != TOTAL:
                continue
            parts = [i for i, figure in enumerate(figures)
                     if i != index and _part_of(figure, total, breakdown)]
            least = sum((_at_least(figures[i]) for i in parts), Decimal(0))
            if parts and least > most and index not in found:
                found[index] = Contradiction(breakdown, least, tuple(parts))
    return found


def _part_of(figure: Figure, total: Figure, breakdown: str) -> bool:
    same = ("dimension", "category", "unit", *(b for b in BREAKDOWNS if b != breakdown))
    part = getattr(figure, breakdown).strip().casefold()
    return part not in ("", TOTAL) and all(
        getattr(figure, name).strip().casefold() == getattr(total, name).strip().casefold()
        for name in same)


def _at_least(figure: Figure) -> Decimal:
    if figure.below is not None:
        return Decimal(1) if figure.below > 1 else Decimal(0)
    return figure.value if figure.value is not None else Decimal(0)


def _at_most(figure: Figure) -> Decimal:
    if figure.below is not None:
        return Decimal(figure.below - 1)
    return figure.value if figure.value is not None else Decimal(0)
