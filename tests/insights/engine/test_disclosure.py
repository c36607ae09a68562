"""Disclosure control, attacked: for every hidden value an attacker who knows every published
number, every total equation and that hidden values are at least 1 (zeros are published)
computes the value's feasible range by linear programming; it must never be one number."""

from __future__ import annotations

import numpy as np
import pytest
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from palermo.insights.engine.disclosure import (
    INTERNAL_THRESHOLD,
    PUBLIC_THRESHOLD,
    ProtectedTable,
    Table,
    protect,
)

counts = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 80))


@st.composite
def tables(draw: st.DrawFn, max_side: int = 5) -> Table:
    rows = draw(st.integers(1, max_side))
    columns = draw(st.integers(1, max_side))
    cells = tuple(tuple(draw(counts) for _ in range(columns)) for _ in range(rows))
    return Table("t", tuple(f"r{i}" for i in range(rows)), tuple(f"c{j}" for j in range(columns)),
                 cells)


def feasible_ranges(published: ProtectedTable, rows: int, columns: int
                    ) -> dict[str, tuple[float, float]]:
    """Each hidden value's [min, max] given everything published; max is inf if unbounded."""
    names = ([f"x{i},{j}" for i in range(rows) for j in range(columns)]
             + [f"r{i}" for i in range(rows)] + [f"c{j}" for j in range(columns)] + ["g"])
    index = {name: n for n, name in enumerate(names)}
    known = {f"x{i},{j}": published.cells[i][j] for i in range(rows) for j in range(columns)}
    known |= {f"r{i}": published.row_totals[i] for i in range(rows)}
    known |= {f"c{j}": published.column_totals[j] for j in range(columns)}
    known["g"] = published.total
    equations = []
    for i in range(rows):
        equations.append({f"r{i}": -1, **{f"x{i},{j}": 1 for j in range(columns)}})
    for j in range(columns):
        equations.append({f"c{j}": -1, **{f"x{i},{j}": 1 for i in range(rows)}})
    equations.append({"g": -1, **{f"x{i},{j}": 1 for i in range(rows) for j in range(columns)}})
    a_eq = np.zeros((len(equations), len(names)))
    for e, equation in enumerate(equations):
        for name, coefficient in equation.items():
            a_eq[e, index[name]] = coefficient
    bounds = [(known[n], known[n]) if known[n] is not None else (1, None) for n in names]
    ranges = {}
    for name in names:
        if known[name] is not None:
            continue
        objective = np.zeros(len(names))
        objective[index[name]] = 1
        low = linprog(objective, A_eq=a_eq, b_eq=np.zeros(len(equations)), bounds=bounds)
        high = linprog(-objective, A_eq=a_eq, b_eq=np.zeros(len(equations)), bounds=bounds)
        assert low.status == 0, "the true table must be feasible"
        ranges[name] = (low.fun, np.inf if high.status == 3 else -high.fun)
    return ranges


def true_values(table: Table) -> list[int]:
    cells = [v for row in table.cells for v in row]
    rows = [sum(row) for row in table.cells]
    columns = [sum(column) for column in zip(*table.cells, strict=True)]
    return cells + rows + columns + [sum(rows)]


def published_values(protected: ProtectedTable) -> list[int | None]:
    return ([v for row in protected.cells for v in row] + protected.row_totals
            + protected.column_totals + [protected.total])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from([INTERNAL_THRESHOLD, PUBLIC_THRESHOLD]))
def test_no_published_value_is_under_the_threshold(table: Table, threshold: int) -> None:
    protected = protect(table, threshold)
    for true, shown in zip(true_values(table), published_values(protected), strict=True):
        if shown is not None:
            assert shown == true
            assert shown == 0 or shown >= threshold


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from([INTERNAL_THRESHOLD, PUBLIC_THRESHOLD]))
def test_no_hidden_value_can_be_recovered_from_what_is_published(table: Table,
                                                                 threshold: int) -> None:
    protected = protect(table, threshold)
    rows, columns = len(table.cells), len(table.column_labels)
    for name, (low, high) in feasible_ranges(protected, rows, columns).items():
        assert high - low >= 1 - 1e-6, f"{name} is pinned to {low} by the published values"


@settings(max_examples=60, deadline=None)
@given(tables(), st.integers(0, 2**31))
def test_random_rounding_publishes_multiples_of_the_base_near_the_truth(table: Table,
                                                                         seed: int) -> None:
    protected = protect(table, PUBLIC_THRESHOLD, rounding_base=3, seed=seed)
    for true, shown in zip(true_values(table), published_values(protected), strict=True):
        if shown is not None:
            assert shown % 3 == 0
            assert abs(shown - true) < 3
            assert shown == 0 or shown >= PUBLIC_THRESHOLD


def test_two_small_cells_in_a_row_are_not_left_to_be_solved_as_one_each() -> None:
    # Published 50 and a total of 52 would give 1 + 1; the 50 must go too.
    protected = protect(Table("t", ("a", "b", "c"), ("n",), ((1,), (1,), (50,))), 10)
    assert protected.cells == [[None], [None], [None]]
    assert protected.total == 52
    assert [s.reason for s in protected.suppressed] == ["primary", "primary", "complementary"]


def test_a_rectangle_of_hidden_cells_protects_two_small_ones() -> None:
    table = Table("Victims", ("a", "b", "c"), ("x", "y", "z"),
                  ((3, 20, 15), (12, 11, 0), (25, 30, 2)))
    protected = protect(table, 10)
    assert protected.cells == [[None, 20, None], [12, 11, 0], [None, 30, None]]
    assert protected.row_totals == [38, 23, 57]
    assert protected.column_totals == [40, 61, 17]
    assert protected.total == 118
    log = protected.log()
    assert log[0] == "Victims: threshold 10"
    assert "cell (“a”, “x”): primary suppression (count under the threshold)" in log
    assert sum("complementary" in line for line in log) == 2


def test_zeros_are_published_and_a_small_total_is_hidden() -> None:
    protected = protect(Table("t", ("a", "b"), ("x", "y"), ((0, 4), (0, 30))), 10)
    assert protected.cells[0][0] == 0 and protected.cells[1][0] == 0
    assert protected.row_totals[0] is None
    assert any(s.reason == "total" and s.row == 0 and s.column is None
               for s in protected.suppressed)


def test_a_table_with_nothing_small_is_published_whole() -> None:
    protected = protect(Table("t", ("a",), ("x", "y"), ((10, 20),)), 10)
    assert protected.cells == [[10, 20]] and protected.total == 30
    assert protected.log()[-1] == "nothing suppressed"


@pytest.mark.parametrize("cells", [((1, -1),), ((1, 2.5),)])
def test_a_value_that_is_not_a_count_is_refused(cells: tuple[tuple[int, ...], ...]) -> None:
    with pytest.raises(ValueError, match=r"cell \(1, 2\)"):
        protect(Table("t", ("a",), ("x", "y"), cells), 10)


def test_the_log_is_english_until_translated_for_the_reader() -> None:
    table = Table("Victims", ("a", "b", "c"), ("x", "y", "z"),
                  ((3, 20, 15), (12, 11, 0), (25, 30, 2)))
    log = protect(table, 10, rounding_base=5).log()
    assert log[0] == "Victims: threshold 10, random rounding to base 5"  # Hebrew is active
    shown = [line.translated(gettext) for line in log]
    assert shown[0] == "Victims: סף 10, עיגול אקראי לבסיס 5"
    assert "תא („a”, „x”): השמטה ראשונית (ספירה מתחת לסף)" in shown
    assert not any("suppression" in line for line in shown)
