"""Open data: the page that explains the k-anonymised export and its last report, and the
download (insights.export), which is audited with its report."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.insights.services import open_data
from palermo.web.forms import parse_int, query_int


def _year(value: str | None) -> int | None:
    return parse_int(value, None, 1, 9999)


@requires("insights.export")
def page(request: HttpRequest) -> HttpResponse:
    return render(request, "insights/open_data.html", {
        "k": open_data.DEFAULT_K, "columns": open_data.CSV_NAMES,
        "quasi_identifiers": open_data.QUASI_IDENTIFIERS})


@requires("insights.export")
@require_POST
def download(request: HttpRequest) -> HttpResponse:
    try:
        data, report = open_data.open_data_export(
            actor(request), k=query_int(request, "k", open_data.DEFAULT_K, source=request.POST),
            year_from=_year(request.POST.get("year_from")),
            year_to=_year(request.POST.get("year_to")), request=request)
    except ServiceError as exc:
        return render(request, "insights/open_data.html", {
            "k": open_data.DEFAULT_K, "columns": open_data.CSV_NAMES,
            "quasi_identifiers": open_data.QUASI_IDENTIFIERS, "error": exc}, status=400)
    if request.POST.get("action") == "report":
        return render(request, "insights/open_data_report.html", {
            "report": report.as_dict()})
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    name = f"palermo-open-data-k{report.k}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
