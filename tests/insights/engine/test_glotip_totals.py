"""Totals that contradict their parts: flagged when the figures by sex or by age add up to
more than their total, censored values counted at their least (part) or most (total)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from palermo.insights.engine.glotip_totals import contradictions


@dataclass
class Figure:
    sex: str
    age: str = "Total"
    value: Decimal | None = None
    below: int | None = None
    dimension: str = "Total"
    category: str = "Total"
    unit: str = "Counts"


def fig(sex: str, shown: str, age: str = "Total", **other: str) -> Figure:
    if shown.startswith("<"):
        return Figure(sex, age, below=int(shown[1:]), **other)
    return Figure(sex, age, value=Decimal(shown), **other)


def test_a_total_below_its_figures_by_sex_is_flagged() -> None:
    figures = [fig("Total", "9"), fig("Female", "4"), fig("Male", "7")]
    (index, found), = contradictions(figures).items()
    assert (index, found.breakdown, found.parts_at_least, found.parts) == (
        0, "sex", Decimal(11), (1, 2))


def test_a_total_above_its_parts_is_normal() -> None:
    assert contradictions([fig("Total", "12"), fig("Female", "4"), fig("Male", "7")]) == {}


@pytest.mark.parametrize(("total", "parts", "flagged"), [
    ("4", ["<5", "<5", "<5", "<5"], False),  # four parts of at least 1 each: 4 fits
    ("3", ["<5", "<5", "<5", "<5"], True),
    ("<5", ["3", "2"], True),  # a "<5" total is at most 4
    ("<5", ["3", "<5"], False),
    ("0", ["0", "0"], False),
])
def test_censored_values_count_at_their_bounds(total: str, parts: list[str],
                                               flagged: bool) -> None:
    sexes = ["Female", "Male", "Other", "Unknown"]
    figures = [fig("Total", total), *(fig(sex, v) for sex, v in zip(sexes, parts, strict=False))]
    assert bool(contradictions(figures)) is flagged


def test_age_groups_are_parts_of_the_age_total_of_the_same_sex() -> None:
    figures = [fig("Female", "20"), fig("Female", "15", age="0 to 17 years"),
               fig("Female", "9", age="18 years or over"),
               fig("Male", "30", age="18 years or over")]
    found = contradictions(figures)
    assert list(found) == [0] and found[0].breakdown == "age" and found[0].parts == (1, 2)


def test_other_categories_units_and_forms_of_exploitation_are_not_parts() -> None:
    figures = [
        fig("Total", "10"),
        fig("Female", "5", category="Sexual exploitation", dimension="Form of exploitation"),
        fig("Male", "8", unit="Rate per 100,000 population"),
        fig("Total", "6", category="Sexual exploitation", dimension="Form of exploitation"),
        fig("Total", "6", category="Forced labour", dimension="Form of exploitation"),
    ]
    assert contradictions(figures) == {}


def test_rates_are_not_compared() -> None:
    rate = "Rate per 100,000 population"
    assert contradictions([fig("Total", "0.5", unit=rate), fig("Female", "0.7", unit=rate),
                           fig("Male", "0.3", unit=rate)]) == {}
