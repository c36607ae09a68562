"""k-anonymity: the output meets k, generalises before it suppresses, and says what it cost."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palermo.insights.engine import hierarchies
from palermo.insights.engine.kanon import anonymise, smallest_class

QIS = ("sex", "age", "citizenship", "forms", "year")
BANDS = {"0-8": "child", "9-17": "child", "18-20": "adult", "30-38": "adult"}
REGIONS = {"ISR": "asia", "THA": "asia", "UKR": "europe", "MDA": "europe", "NGA": "africa"}
GROUPS = {"SexualExploitation": "sexual", "ForcedLabour": "labour", "Servitude": "labour",
          "ForcedBegging": "other"}
HIERARCHIES = {"sex": hierarchies.sex(), "age": hierarchies.age(BANDS),
               "citizenship": hierarchies.country(REGIONS), "forms": hierarchies.forms(GROUPS),
               "year": hierarchies.year()}

records = st.lists(st.fixed_dictionaries({
    "sex": st.sampled_from(["M", "F", "X", ""]),
    "age": st.sampled_from([*BANDS, "child", ""]),
    "citizenship": st.sampled_from([*REGIONS, ""]),
    "forms": st.lists(st.sampled_from(list(GROUPS)), max_size=2, unique=True),
    "year": st.integers(2015, 2026),
    "flag": st.booleans(),
}), max_size=120)


@settings(max_examples=80, deadline=None)
@given(records, st.sampled_from([2, 5, 11]))
def test_the_output_meets_k(rows: list[dict[str, object]], k: int) -> None:
    result = anonymise(rows, QIS, k=k, hierarchies=HIERARCHIES)
    assert not result.records or smallest_class(result.records, QIS) >= k
    report = result.report
    assert report.records_in == len(rows)
    assert report.records_out == len(result.records)
    assert report.records_suppressed == len(rows) - len(result.records)
    assert 0 <= report.information_loss <= 1
    if report.records_suppressed:
        # suppression only once every hierarchy is climbed to the top
        assert all(q.level == q.levels for q in report.quasi_identifiers)
    assert Counter(r["flag"] for r in result.records) <= Counter(r["flag"] for r in rows)


def test_generalises_the_cheapest_way_and_reports_it() -> None:
    rows = ([{"sex": "F", "age": "18-20", "citizenship": "UKR", "forms": ["ForcedLabour"],
              "year": 2024}] * 6
            + [{"sex": "F", "age": "18-20", "citizenship": "MDA", "forms": ["ForcedLabour"],
                "year": 2024}] * 6)
    result = anonymise(rows, QIS, k=11, hierarchies=HIERARCHIES)
    assert result.report.records_suppressed == 0
    assert {r["citizenship"] for r in result.records} == {"europe"}
    levels = {q.name: q.level for q in result.report.quasi_identifiers}
    assert levels == {"sex": 0, "age": 0, "citizenship": 1, "forms": 0, "year": 0}
    citizenship = next(q for q in result.report.quasi_identifiers if q.name == "citizenship")
    assert (citizenship.distinct_before, citizenship.distinct_after) == (2, 1)
    assert citizenship.information_loss == 0.5


def test_too_few_records_are_all_suppressed_after_full_generalisation() -> None:
    rows = [{"sex": "M", "age": "0-8", "citizenship": "NGA", "forms": [], "year": 2020}] * 3
    result = anonymise(rows, QIS, k=11, hierarchies=HIERARCHIES)
    assert result.records == []
    assert result.report.records_suppressed == 3
    assert result.report.information_loss == 1


def test_a_hierarchy_for_a_field_that_is_not_a_quasi_identifier_is_refused() -> None:
    with pytest.raises(ValueError, match="'flag'"):
        anonymise([], QIS, hierarchies={"flag": [str]})


def test_smallest_class_counts_lists_as_sets() -> None:
    rows = [{"forms": ["a", "b"]}, {"forms": ["b", "a"]}, {"forms": ["a"]}]
    assert smallest_class(rows, ["forms"]) == 1
    assert smallest_class(rows[:2], ["forms"]) == 2
    assert smallest_class([], ["forms"]) == 0
