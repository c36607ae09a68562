"""Indicators, published tables, open data and global figures under /api/v1/insights/, through
the same services (and so the same disclosure control) as the pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router

from palermo.core.api import acting_user
from palermo.core.checks import require
from palermo.guards import Permission
from palermo.insights import schemas
from palermo.insights.services import global_figures, indicators, open_data, publication
from palermo.insights.services.periods import parse

router = Router(tags=["insights"])


@router.get("/indicators", response=list[schemas.IndicatorDefinitionOut],
            auth=Permission("insights.view"))
def indicator_list(request: HttpRequest) -> list[Any]:
    """Every indicator's definition and its GLOTIP, Eurostat and TIP mapping."""
    require(acting_user(request), "insights.view")
    return [indicators.definition(code) for code in indicators.codes()]


@router.get("/indicators/{code}", response=schemas.IndicatorTableOut,
            auth=Permission("insights.view"))
def indicator_table(request: HttpRequest, code: str,
                    period: Query[schemas.PeriodQuery]) -> indicators.Indicator:
    """One indicator for a period (``from``/``to`` as YYYY-MM-DD, or ``year``), after public
    disclosure control: what partners receive is protected as a publication is."""
    chosen = parse(period.start, period.end, year=period.year)
    (table,) = indicators.tables(acting_user(request), chosen, [code], audience=indicators.PUBLIC,
                                 request=request, purpose="api")
    return table


@router.get("/publications/latest", response=schemas.PublicationOut,
            auth=Permission("insights.view"))
def publication_latest(request: HttpRequest) -> publication.Released:
    """The latest publication, exactly as published (never live data)."""
    latest = publication.latest_publication()
    if latest is None:
        raise Http404("nothing has been published yet")
    return latest


@router.get("/open-data", response=Any, auth=Permission("insights.export"))
def open_data_file(request: HttpRequest, query: Query[schemas.OpenDataQuery]) -> Any:
    """The k-anonymised CTDC-style CSV (``text/csv``), or with ``report=true`` the report of
    what was generalised and suppressed; either way the export is audited with its report."""
    data, report = open_data.open_data_export(acting_user(request), k=query.k,
                                              year_from=query.year_from,
                                              year_to=query.year_to, request=request)
    if query.report:  # a plain document: the export's report, as the audit entry keeps it
        return report.as_dict()
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="open-data-k{report.k}.csv"'
    return response


@router.get("/global/comparison", response=schemas.GlobalComparisonOut,
            auth=Permission("insights.view"))
def global_comparison(request: HttpRequest, indicator: str, country: str,
                      year: int | None = None) -> dict[str, Any]:
    """A country's GLOTIP figures beside its subregion's, region's and the world's, with the
    release they come from (see services.global_figures.global_comparison)."""
    return global_figures.global_comparison(indicator, country, year)

