"""API shapes of insights: indicator definitions, protected tables, publications, global
figures. The answers are built from the services' own records (a vocabulary term, an
``Indicator``, a ``Released`` publication, a global comparison) by the resolvers here, never
by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from palermo.insights.services import indicators, open_data


class PeriodQuery(Schema):
    start: str | None = Field(None, alias="from", description="first day, YYYY-MM-DD")
    end: str | None = Field(None, alias="to", description="last day, YYYY-MM-DD")
    year: str | None = Field(None, description="a calendar year instead of from/to")


class OpenDataQuery(Schema):
    k: int = Field(open_data.DEFAULT_K, description="every combination of the quasi-identifiers "
                                                    "is shared by at least k rows")
    year_from: int | None = None
    year_to: int | None = None
    report: bool = Field(False, description="answer the report as JSON instead of the CSV")


class IndicatorDefinitionOut(Schema):
    code: str
    labels: dict[str, str]
    definition: str
    rows: str
    columns: str
    glotip: str
    eurostat: str
    tip: str

    # The indicator's term in the insights_indicators vocabulary keeps its mapping in
    # ``extra``; a mapping it lacks is answered as "".
    @staticmethod
    def resolve_rows(term: Any) -> str:
        return str(term.extra.get("rows", ""))

    @staticmethod
    def resolve_columns(term: Any) -> str:
        return str(term.extra.get("columns", ""))

    @staticmethod
    def resolve_glotip(term: Any) -> str:
        return str(term.extra.get("glotip", ""))

    @staticmethod
    def resolve_eurostat(term: Any) -> str:
        return str(term.extra.get("eurostat", ""))

    @staticmethod
    def resolve_tip(term: Any) -> str:
        return str(term.extra.get("tip", ""))


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


class IndicatorTableOut(TableOut):
    """One indicator for a period (``indicators.Indicator``), labelled in the active
    language."""

    @staticmethod
    def resolve_period_start(table: Any) -> dt.date:
        return table.period.start

    @staticmethod
    def resolve_period_end(table: Any) -> dt.date:
        return table.period.end

    @staticmethod
    def resolve_cells(table: Any) -> list[list[int | None]]:
        return list(table.protected.cells)

    @staticmethod
    def resolve_row_totals(table: Any) -> list[int | None]:
        return list(table.protected.row_totals)

    @staticmethod
    def resolve_column_totals(table: Any) -> list[int | None]:
        return list(table.protected.column_totals)

    @staticmethod
    def resolve_total(table: Any) -> int | None:
        return table.protected.total

    @staticmethod
    def resolve_threshold(table: Any) -> int | None:
        return table.protected.threshold


class PublishedTableOut(TableOut):
    """A table as a publication stored it (language-neutral, ``Indicator.as_dict``),
    labelled in the active language. The publication gives its period and threshold once,
    for all its tables, so a table's own are null."""

    @staticmethod
    def resolve_title(table: Any) -> str:
        return str(table["titles"][indicators.language()])

    @staticmethod
    def resolve_row_labels(table: Any) -> list[str]:
        return [labels[indicators.language()] for labels in table["row_labels"]]

    @staticmethod
    def resolve_column_labels(table: Any) -> list[str]:
        return [labels[indicators.language()] for labels in table["column_labels"]]

    @staticmethod
    def resolve_methodology(table: Any) -> str:
        return str(table["methodology"][indicators.language()])

    @staticmethod
    def resolve_threshold(table: Any) -> None:
        return None


class PublicationOut(Schema):
    """A publication (``publication.Released``) exactly as published, never live data."""

    id: int
    period_label: str
    period_start: dt.date
    period_end: dt.date
    published_at: dt.datetime
    threshold: int
    rounding_base: int | None
    tables: list[PublishedTableOut]

    @staticmethod
    def resolve_id(released: Any) -> int:
        return int(released.pk)

    @staticmethod
    def resolve_period_start(released: Any) -> dt.date:
        return released.record.period_start

    @staticmethod
    def resolve_period_end(released: Any) -> dt.date:
        return released.record.period_end

    @staticmethod
    def resolve_threshold(released: Any) -> int:
        return int(released.record.threshold)

    @staticmethod
    def resolve_rounding_base(released: Any) -> int | None:
        return released.record.rounding_base

    @staticmethod
    def resolve_tables(released: Any) -> list[dict[str, Any]]:
        return list(released.record.content)


class GlobalReleaseOut(Schema):
    id: int
    source: str
    publisher: str
    release_date: dt.date
    file_name: str


class GlobalFigureOut(Schema):
    """A UNODC figure as the comparison shows it; a censored one has ``value`` null and
    ``below`` its bound."""

    name: str
    dimension: str
    category: str
    sex: str
    age: str
    unit: str
    value: Decimal | None
    below: int | None
    display: str
    censored: bool
    source: str
    row: int
    contradiction: str


class GlobalComparisonOut(Schema):
    """``global_figures.global_comparison``: a country's figures beside its subregion's,
    region's and the world's (``levels``), with the release they come from."""

    indicator: str
    year: int | None
    country_iso3: str
    country: str
    subregion: str
    region: str
    release: GlobalReleaseOut | None
    levels: dict[str, list[GlobalFigureOut]]
