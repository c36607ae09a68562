"""The auditor's page: search the log and export it."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from palermo.audit import actions, services
from palermo.audit.forms import AuditSearchForm
from palermo.guards import actor, requires

PAGE_SIZE = 50


@requires("audit.view")
def search(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    page = Paginator(services.search(form.query()), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    language = get_language() or "en"
    page.object_list = list(page.object_list)
    for entry in page.object_list:
        entry.action_label = actions.label(entry.action, language)  # type: ignore[attr-defined]
    return render(request, "audit/search.html", {
        "form": form, "page": page, "params": params.urlencode(),
    })


@requires("audit.export")
def export(request: HttpRequest) -> StreamingHttpResponse:
    form = AuditSearchForm(request.GET or None)
    rows = services.export_csv(form.query(), actor=actor(request), request=request)
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    response["Content-Disposition"] = f'attachment; filename="palermo-audit-{stamp}.csv"'
    return response
