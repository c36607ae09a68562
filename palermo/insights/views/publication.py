"""Publications: the office releases the tables of a period (after public disclosure
control); anyone with insights.view reads what was released."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.insights.services import indicators, publication
from palermo.insights.services.periods import parse
from palermo.insights.views.dashboard import presets
from palermo.web.forms import parse_int


def _listing(request: HttpRequest, error: ServiceError | None = None,
             status: int = 200) -> HttpResponse:
    user = actor(request)
    return render(request, "insights/publications.html", {
        "publications": list(publication.publications(user)[:50]), "error": error,
        "years": presets(),
        "can_publish": user.has_perm("insights.publish")}, status=status)


@requires("insights.view")
def publications(request: HttpRequest) -> HttpResponse:
    return _listing(request)


@requires("insights.publish")
@require_POST
def publish(request: HttpRequest) -> HttpResponse:
    rounding = request.POST.get("rounding_base", "")
    try:
        period = parse(request.POST.get("from"), request.POST.get("to"),
                       year=request.POST.get("year"))
        if rounding and parse_int(rounding) is None:
            raise ServiceError(_("Choose no rounding, or rounding to base 3 or 5."),
                               field="rounding_base")
        made = publication.publish(actor=actor(request), period=period, request=request,
                                   codes=request.POST.getlist("codes"),
                                   note=request.POST.get("note", ""),
                                   rounding_base=int(rounding) if rounding else None)
    except ServiceError as exc:
        return _listing(request, exc, status=400)
    messages.success(request, _("Tables published for %(period)s.") % {"period": made.period_label})
    return redirect("insights:publication", publication_id=made.pk)


@requires("insights.view")
def detail(request: HttpRequest, publication_id: int) -> HttpResponse:
    made = get_object_or_404(publication.publications(actor(request)), pk=publication_id)
    rtl = indicators.language() == "he"
    return render(request, "insights/publication.html", {
        "publication": made,
        "tables": [(table, publication.chart_svg(made, table["code"], rtl=rtl), _rows(table))
                   for table in publication.tables(made)]})


def _rows(table: dict[str, Any]) -> list[tuple[str, list[int | None], int | None]]:
    return list(zip(table["row_labels"], table["cells"], table["row_totals"], strict=True))
