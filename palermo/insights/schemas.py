"""API shapes of insights: indicator definitions, protected tables, publications."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class IndicatorDefinitionOut(Schema):
    code: str
    labels: dict[str, str]
    definition: str
    rows: str
    columns: str
    glotip: str
    eurostat: str
    tip: str


class TableOut(Schema):
    """A table after disclosure control: null cells and totals are suppressed."""

    code: str
    title: str
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    row_codes: list[str] = []
    column_codes: list[str] = []
    row_labels: list[str]
    column_labels: list[str]
    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None
    threshold: int | None = None
    methodology: str


class PublicationOut(Schema):
    id: int
    period_label: str
    period_start: dt.date
    period_end: dt.date
    published_at: dt.datetime
    threshold: int
    rounding_base: int | None
    tables: list[TableOut]
