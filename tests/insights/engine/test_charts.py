"""Charts: well-formed accessible SVG, suppressed values visible as such, right to left."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from palermo.insights.engine.charts import OKABE_ITO, bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """Our own output, not untrusted input."""
    return ET.fromstring(svg)  # noqa: S314
labels = st.text(min_size=1, max_size=12)
values = st.one_of(st.none(), st.integers(0, 10_000))


@settings(max_examples=60, deadline=None)
@given(st.lists(labels, min_size=1, max_size=6), st.dictionaries(labels, st.just(0),
                                                                  min_size=1, max_size=4),
       st.data(), st.booleans())
def test_charts_are_well_formed_xml_whatever_the_labels(categories: list[str],
                                                         names: dict[str, int],
                                                         data: st.DataObject,
                                                         rtl: bool) -> None:
    series = {name: data.draw(st.lists(values, min_size=len(categories),
                                       max_size=len(categories))) for name in names}
    for svg in (bar_chart("Victims <&> \"all\"", categories, series, rtl=rtl),
                line_chart("Trend", categories, series, rtl=rtl)):
        root = parse(svg)
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None


def test_a_bar_chart_names_every_value_and_marks_the_suppressed_one() -> None:
    svg = bar_chart("Victims by sex", ["2024", "2025"], {"Women": [12, None], "Men": [30, 15]},
                    unit="", suppressed_label="suppressed")
    root = parse(svg)
    assert root.find(f"{SVG}title").text == "Victims by sex"
    assert root.find(f"{SVG}desc").text == ("Women: 2024: 12, 2025: suppressed; "
                                            "Men: 2024: 30, 2025: 15")
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == 3  # the suppressed value is no bar, not even a zero-height one
    marked = [g for g in root.iter(f"{SVG}g") if g.get("class") == "suppressed"]
    assert len(marked) == 1 and "suppressed" in "".join(marked[0].itertext())
    fills = {r.get("fill") for r in bars}
    assert fills == {OKABE_ITO[0], OKABE_ITO[1]}


def test_right_to_left_puts_the_first_category_on_the_right() -> None:
    def first_bar_x(rtl: bool) -> float:
        root = parse(bar_chart("t", ["a", "b"], {"s": [5, 5]}, rtl=rtl))
        bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
        return float(bars[0].get("x"))

    assert first_bar_x(rtl=True) > first_bar_x(rtl=False)
    assert parse(bar_chart("t", ["a"], {"s": [1]}, rtl=True)).get("direction") == "rtl"


def test_a_line_breaks_at_a_suppressed_point() -> None:
    root = parse(line_chart("t", ["1", "2", "3", "4", "5"],
                                    {"s": [10, 12, None, 14, 16]}))
    assert len(list(root.iter(f"{SVG}polyline"))) == 2
    assert len([g for g in root.iter(f"{SVG}g") if g.get("class") == "suppressed"]) == 1


def test_two_charts_have_different_ids_for_their_titles() -> None:
    one = parse(bar_chart("A", ["x"], {"s": [1]}))
    two = parse(bar_chart("B", ["x"], {"s": [1]}))
    assert one.get("aria-labelledby") != two.get("aria-labelledby")
