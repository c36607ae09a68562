"""Public statistics on the portal: the tables the office last published through insights
(``insights.services.publication.latest_publication()``), after public disclosure control.
Never live data: the portal shows what was published, with its date, until the office
publishes again. A suppressed cell (``None``) is shown as suppressed, never as a number."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
from dataclasses import dataclass
from typing import Any, Protocol

from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from palermo.portal.services import language

SUPPRESSED = None


class Publication(Protocol):
    published_at: dt.datetime
    period_label: str
    tables: list[dict[str, Any]]

    def chart_svg(self, table_code: str, rtl: bool = False) -> str: ...


@dataclass(frozen=True)
class Cell:
    value: int | float | None

    @property
    def suppressed(self) -> bool:
        return self.value is SUPPRESSED


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    total: Cell


@dataclass(frozen=True)
class Table:
    code: str
    title: str
    column_labels: list[str]
    rows: list[Row]
    column_totals: list[Cell]
    total: Cell
    methodology: str
    chart: SafeString


@dataclass(frozen=True)
class Published:
    published_at: dt.datetime
    period_label: str
    tables: list[Table]


def latest_publication() -> Publication | None:
    """The insights publication, or None while nothing is published (or insights cannot
    publish yet)."""
    try:
        module = importlib.import_module("palermo.insights.services.publication")
    except ImportError:
        return None
    finder = getattr(module, "latest_publication", None)
    return finder() if finder is not None else None


def _cells(values: list[Any] | None, width: int) -> list[Cell]:
    values = list(values or [])
    return [Cell(values[i] if i < len(values) else SUPPRESSED) for i in range(width)]


def _table(publication: Publication, raw: dict[str, Any], rtl: bool) -> Table:
    columns = [str(c) for c in raw.get("column_labels") or []]
    labels = [str(r) for r in raw.get("row_labels") or []]
    cells = raw.get("cells") or []
    row_totals = _cells(raw.get("row_totals"), len(labels))
    rows = [Row(label, _cells(cells[i] if i < len(cells) else [], len(columns)),
                row_totals[i]) for i, label in enumerate(labels)]
    code = str(raw.get("code") or "")
    try:
        # The chart comes from insights' own renderer, which escapes every label it draws.
        chart = mark_safe(publication.chart_svg(code, rtl=rtl))
    except (KeyError, ValueError):
        chart = mark_safe("")
    return Table(code, str(raw.get("title") or code), columns, rows,
                 _cells(raw.get("column_totals"), len(columns)),
                 Cell(raw.get("total")), str(raw.get("methodology") or ""), chart)


def current(code: str) -> Published | None:
    """The last publication, shaped for the portal's pages in ``code``'s direction."""
    publication = latest_publication()
    if publication is None:
        return None
    rtl = language.direction(code) == "rtl"
    # Insights labels its tables in the application's languages only: Hebrew for a Hebrew
    # reader, English for the other portal languages.
    with translation.override("he" if code == "he" else "en"):
        return Published(publication.published_at, publication.period_label,
                         [_table(publication, raw, rtl) for raw in publication.tables])


def table(code: str, table_code: str) -> tuple[Published, Table] | None:
    published = current(code)
    if published is None:
        return None
    found = next((t for t in published.tables if t.code == table_code), None)
    return (published, found) if found is not None else None


def _shown(cell: Cell, code: str) -> str:
    return language.text("statistics.suppressed", code) if cell.suppressed else str(cell.value)


def as_csv(found: Table, published: Published, code: str) -> str:
    """One table as CSV: a header row, a row per label, the totals; suppressed cells say so.
    A cell that begins like a formula is quoted so a spreadsheet shows it as text."""
    out = io.StringIO()
    writer = csv.writer(out)
    total = language.text("statistics.total", code)

    def safe(value: str) -> str:
        return "'" + value if value[:1] in ("=", "+", "-", "@") and not _number(value) \
            else value

    writer.writerow([safe(found.title)] + [safe(c) for c in found.column_labels] + [total])
    for row in found.rows:
        writer.writerow([safe(row.label)] + [_shown(c, code) for c in row.cells]
                        + [_shown(row.total, code)])
    writer.writerow([total] + [_shown(c, code) for c in found.column_totals]
                    + [_shown(found.total, code)])
    writer.writerow([])
    writer.writerow([language.text("statistics.csv_period", code), published.period_label])
    writer.writerow([language.text("statistics.csv_published", code),
                     published.published_at.date().isoformat()])
    writer.writerow([language.text("statistics.csv_suppression", code)])
    return out.getvalue()


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
