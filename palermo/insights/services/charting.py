"""A protected table as a chart (engine.charts): a bar per row and a series per column;
a year-by-year table as lines. Suppressed cells stay gaps, never zeros."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from palermo.insights.engine import charts

TRENDS = {"victims_year"}


def chart_for(table: dict[str, Any], *, rtl: bool = False) -> str:
    """``table`` as ``publication.localised`` gives it (labels in the active language)."""
    series = {label: [row[j] for row in table["cells"]]
              for j, label in enumerate(table["column_labels"])}
    if table["code"] in TRENDS and len(table["row_labels"]) > 1:
        return charts.line_chart(table["title"], table["row_labels"], series, rtl=rtl,
                                 suppressed_label=_("suppressed"))
    return charts.bar_chart(table["title"], table["row_labels"], series, rtl=rtl,
                            suppressed_label=_("suppressed"))
