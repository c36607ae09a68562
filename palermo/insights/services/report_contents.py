"""What the national annual report holds, as plain data: the renderers (HTML in report,
PDF in report_pdf, the spreadsheet in report_xlsx) read it, and report builds it. It sits
apart so that the renderers need not import the module that calls them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from palermo.insights.services import indicators
from palermo.insights.services.charting import chart_for
from palermo.insights.services.periods import Period
from palermo.insights.services.publication import localised


@dataclass
class Figure:
    label: str
    definition: str
    value: int | None  # None: suppressed (under the public threshold)


@dataclass
class Decision:
    court: str
    decided_on: dt.date | None
    number: str
    forms: list[str]
    verdicts: list[str]
    summary: str


@dataclass
class Report:
    year: int
    language: str
    period: Period
    generated_at: dt.datetime
    threshold: int
    tables: list[indicators.Indicator] = field(default_factory=list)
    tip: list[Figure] = field(default_factory=list)
    case_law: list[Decision] = field(default_factory=list)

    @property
    def rtl(self) -> bool:
        return self.language == "he"

    @property
    def title(self) -> str:
        with translation.override(self.language):
            return _("National report on trafficking in persons, %(year)s") % {
                "year": self.year}


def sections(report: Report) -> list[dict]:
    """Each indicator with its chart, in the report's language (call inside its override)."""
    items = []
    for table in report.tables:
        data = localised(table.as_dict())
        items.append({"table": table, "data": data, "chart": chart_for(data, rtl=report.rtl),
                      "rows": table.rows})
    return items
