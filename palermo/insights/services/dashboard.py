"""The coordinator's dashboard: every indicator for a period beside the previous period,
each with its chart and the table behind it, and global figures where GLOTIP has them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from palermo.insights.services import indicators
from palermo.insights.services.charting import chart_for
from palermo.insights.services.periods import Period
from palermo.insights.services.publication import localised

if TYPE_CHECKING:
    from palermo.access.models import User

HOME_COUNTRY = "ISR"


@dataclass
class Panel:
    current: indicators.Indicator
    previous: indicators.Indicator
    chart: str
    rows: list[dict[str, Any]]
    change: int | None
    comparison: Any = None


@dataclass
class Dashboard:
    period: Period
    previous: Period
    panels: list[Panel] = field(default_factory=list)


def _row_totals(table: indicators.Indicator) -> dict[str, int | None]:
    return dict(zip(table.row_codes, table.protected.row_totals, strict=True))


def _comparison(code: str, period: Period, country: str) -> Any:
    """GLOTIP's figures beside ours, when the global figures are loaded for a calendar
    year; None otherwise."""
    glotip = indicators.definition(code).extra.get("glotip_indicator")
    if not glotip or not period.is_year:
        return None
    from palermo.insights.services import global_figures

    found = global_figures.global_comparison(glotip, country, period.start.year)
    return found if any(found["levels"].values()) else None


def panel(current: indicators.Indicator, previous: indicators.Indicator, *, rtl: bool,
          country: str = HOME_COUNTRY) -> Panel:
    before = _row_totals(previous)
    rows = []
    for code, label, cells, total in zip(current.row_codes, current.row_labels,
                                         current.protected.cells,
                                         current.protected.row_totals, strict=True):
        earlier = before.get(code, 0 if code not in previous.row_codes else None)
        rows.append({"label": label, "cells": cells, "total": total, "previous": earlier,
                     "change": None if total is None or earlier is None else total - earlier})
    now, then = current.protected.total, previous.protected.total
    return Panel(current=current, previous=previous,
                 chart=chart_for(localised(current.as_dict()), rtl=rtl), rows=rows,
                 change=None if now is None or then is None else now - then,
                 comparison=_comparison(current.code, current.period, country))


def build(actor: User, period: Period, *, request: HttpRequest | None = None,
          codes: list[str] | None = None) -> Dashboard:
    previous = period.previous()
    memo: dict[str, Any] = {}
    now = indicators.tables(actor, period, codes, request=request, also=[previous], memo=memo)
    before = indicators.tables(actor, previous, codes, request=request,
                               purpose="dashboard comparison", memo=memo)
    rtl = indicators.language() == "he"
    return Dashboard(period=period, previous=previous,
                     panels=[panel(a, b, rtl=rtl) for a, b in zip(now, before, strict=True)])


CARD = ("victims_status", "referrals_overdue")


def card(actor: User, period: Period) -> dict[str, Any]:
    """The home dashboard's card: victims detected this period and last, overdue referrals."""
    victims, overdue = indicators.tables(actor, period, list(CARD), purpose="card")
    previous = indicators.tables(actor, period.previous(), ["victims_status"],
                                 purpose="card")[0]
    return {"period": period, "victims": victims.protected.total,
            "victims_before": previous.protected.total,
            "overdue": overdue.protected.total}
