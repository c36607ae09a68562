"""Indicators, published tables, open data and global figures under /api/v1/insights/, through
the same services (and so the same disclosure control) as the pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from palermo.access.permissions import Permission
from palermo.core.api import acting_user
from palermo.core.checks import require
from palermo.insights import schemas
from palermo.insights.services import global_figures, indicators, open_data, publication
from palermo.insights.services.periods import parse

router = Router(tags=["insights"])


class PeriodQuery(Schema):
    start: str | None = Field(None, alias="from", description="first day, YYYY-MM-DD")
    end: str | None = Field(None, alias="to", description="last day, YYYY-MM-DD")
    year: str | None = Field(None, description="a calendar year instead of from/to")


@router.get("/indicators", response=list[schemas.IndicatorDefinitionOut],
            auth=Permission("insights.view"))
def indicator_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Every indicator's definition and its GLOTIP, Eurostat and TIP mapping."""
    require(acting_user(request), "insights.view")
    out = []
    for code in indicators.codes():
        term = indicators.definition(code)
        out.append({"code": code, "labels": term.labels, "definition": term.definition,
                    **{k: str(term.extra.get(k, "")) for k in
                       ("rows", "columns", "glotip", "eurostat", "tip")}})
    return out


@router.get("/indicators/{code}", response=schemas.TableOut, auth=Permission("insights.view"))
def indicator_table(request: HttpRequest, code: str,
                    period: Query[PeriodQuery]) -> dict[str, Any]:
    """One indicator for a period (``from``/``to`` as YYYY-MM-DD, or ``year``), after public
    disclosure control: what partners receive is protected as a publication is."""
    chosen = parse(period.start, period.end, year=period.year)
    (table,) = indicators.tables(acting_user(request), chosen, [code], audience=indicators.PUBLIC,
                                 request=request, purpose="api")
    return {**publication.localised(table.as_dict()), "row_codes": table.row_codes,
            "column_codes": table.column_codes, "period_start": chosen.start,
            "period_end": chosen.end, "threshold": table.protected.threshold}


@router.get("/publications/latest", response=schemas.PublicationOut,
            auth=Permission("insights.view"))
def publication_latest(request: HttpRequest) -> Any:
    """The latest publication, exactly as published (never live data)."""
    latest = publication.latest_publication()
    if latest is None:
        raise Http404("nothing has been published yet")
    record = latest.record
    return {"id": record.pk, "period_label": record.label,
            "period_start": record.period_start, "period_end": record.period_end,
            "published_at": record.published_at, "threshold": record.threshold,
            "rounding_base": record.rounding_base,
            "tables": [{**t, "row_codes": s["row_codes"], "column_codes": s["column_codes"]}
                       for t, s in zip(latest.tables, record.content, strict=True)]}


# Open data and global figures (helper insights-engine).
class OpenDataQuery(Schema):
    k: int = Field(open_data.DEFAULT_K, description="every combination of the quasi-identifiers "
                                                    "is shared by at least k rows")
    year_from: int | None = None
    year_to: int | None = None
    report: bool = Field(False, description="answer the report as JSON instead of the CSV")


@router.get("/open-data", response=Any, auth=Permission("insights.export"))
def open_data_file(request: HttpRequest, query: Query[OpenDataQuery]) -> Any:
    """The k-anonymised CTDC-style CSV (``text/csv``), or with ``report=true`` the report of
    what was generalised and suppressed; either way the export is audited with its report."""
    data, report = open_data.open_data_export(acting_user(request), k=query.k,
                                              year_from=query.year_from,
                                              year_to=query.year_to, request=request)
    if query.report:
        return report.as_dict()
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="open-data-k{report.k}.csv"'
    return response


@router.get("/global/comparison", response=Any, auth=Permission("insights.view"))
def global_comparison(request: HttpRequest, indicator: str, country: str,
                      year: int | None = None) -> dict[str, Any]:
    """A country's GLOTIP figures beside its subregion's, region's and the world's, with the
    release they come from (see services.global_figures.global_comparison)."""
    return global_figures.global_comparison(indicator, country, year)

