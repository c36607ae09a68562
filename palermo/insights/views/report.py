"""The annual report's page: choose the year and language, read it, download it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.insights.services import report as reports


def _choice(request: HttpRequest) -> tuple[str, str, str]:
    language = request.GET.get("language") or ("he" if request.LANGUAGE_CODE == "he" else "en")
    return (request.GET.get("year") or str(timezone.localdate().year), language,
            request.GET.get("format", "pdf"))


@requires("insights.view")
def page(request: HttpRequest) -> HttpResponse:
    year, language, _fmt = _choice(request)
    try:
        made = reports.build(actor(request), year, language=language, request=request)
    except ServiceError as exc:
        return render(request, "insights/report.html", {"error": exc, "year": year[:4],
                                                        "language": language}, status=400)
    return render(request, "insights/report.html", {
        "report": made, "body": reports.render_body(made), "year": made.year,
        "language": language, "years": range(timezone.localdate().year, 2000, -1)[:10]})


@requires("insights.export")
def download(request: HttpRequest) -> HttpResponse:
    year, language, fmt = _choice(request)
    try:
        made = reports.build(actor(request), year, language=language, request=request)
        body = reports.render(made, fmt)
    except ServiceError as exc:
        return render(request, "insights/report.html", {"error": exc, "year": year[:4],
                                                        "language": language}, status=400)
    response = HttpResponse(body, content_type=reports.content_type(fmt))
    response["Content-Disposition"] = (
        f'attachment; filename="palermo-report-{made.year}-{language}.{fmt}"')
    return response
