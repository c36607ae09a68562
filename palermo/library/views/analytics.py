"""Sentencing analytics: the distribution of prison sentences for a charge or a form of
exploitation, by year and by court, as SVG charts with their tables, and as CSV."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from palermo.guards import actor, requires
from palermo.library import chart
from palermo.library.services import analytics
from palermo.vocab import registry


def _chosen(request: HttpRequest) -> tuple[str, str]:
    exploitation = request.GET.get("exploitation", "")
    if exploitation not in registry.get("exploitation_types"):
        exploitation = ""
    return request.GET.get("charge", "").strip()[:200], exploitation


@requires("library.view")
def sentences(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    charge, exploitation = _chosen(request)
    found = analytics.distribution(user, charge=charge, exploitation=exploitation)
    rtl = get_language_bidi()
    axis = _("Prison (months)")
    described = _("%(count)d sentences. The table below the chart gives each group's count, "
                  "lowest, lower quartile, median, upper quartile and highest sentence.") % {
        "count": len(found.sentences)}
    charts = []
    if found.sentences:
        charts = [
            {"id": "by-year", "title": _("Sentences by year"), "groups": found.by_year,
             "svg": chart.boxplot(found.by_year, chart_id="by-year", rtl=rtl, axis_label=axis,
                                  title=_("Sentences by year"), description=described)},
            {"id": "by-court", "title": _("Sentences by court"), "groups": found.by_court,
             "svg": chart.boxplot(found.by_court, chart_id="by-court", rtl=rtl,
                                  axis_label=axis, title=_("Sentences by court"),
                                  description=described)}]
    return render(request, "library/sentences.html", {
        "found": found, "charts": charts, "charges": analytics.charges(user),
        "forms": [(term.code, registry.label("exploitation_types", term.code))
                  for term in registry.get("exploitation_types")],
        "query": request.GET.urlencode()})


@requires("library.view")
def sentences_csv(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    charge, exploitation = _chosen(request)
    found = analytics.distribution(user, charge=charge, exploitation=exploitation)
    response = HttpResponse(analytics.csv_text(user, found, request=request),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sentences.csv"'
    return response
