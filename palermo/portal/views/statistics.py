"""Public statistics on the portal: the last publication's tables with their charts and
methodology, and each table as CSV. Never live data."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from palermo.guards import public
from palermo.portal.services import statistics


@public
def statistics_page(request: HttpRequest, lang: str) -> HttpResponse:
    return render(request, "portal/statistics.html",
                  {"published": statistics.current(lang)})


@public
def statistics_csv(request: HttpRequest, lang: str, table_code: str) -> HttpResponse:
    found = statistics.table(lang, table_code)
    if found is None:
        raise Http404
    published, table = found
    response = HttpResponse(statistics.as_csv(table, published, lang),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{table.code}-{published.published_at.date().isoformat()}'
        f'-{lang}.csv"')
    return response
