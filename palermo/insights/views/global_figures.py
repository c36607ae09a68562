"""Global figures: the GLOTIP releases with the upload form (insights.import_global) and its
error report, and a country's figures beside its region's and the world's."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.insights.engine.glotip import GlotipError
from palermo.insights.services import global_figures
from palermo.web.forms import query_int

DEFAULT_COUNTRY = "ISR"


def _page(request: HttpRequest, *, problems: list[dict[str, object]] | None = None,
          error: str = "", status: int = 200) -> HttpResponse:
    user = actor(request)
    indicators = global_figures.indicators()
    indicator = request.GET.get("indicator") or (indicators[0] if indicators else "")
    country = (request.GET.get("country") or DEFAULT_COUNTRY).upper()
    year = query_int(request, "year", None, 1, 9999)
    comparison = global_figures.global_comparison(indicator, country, year) if indicator else None
    return render(request, "insights/global_figures.html", {
        "releases": list(global_figures.releases(user)[:20]),
        "indicators": indicators, "countries": global_figures.countries(),
        "indicator": indicator, "country": country, "comparison": comparison,
        "can_import": user.has_perm("insights.import_global"),
        "problems": problems or [], "error": error}, status=status)


@requires("insights.view")
def page(request: HttpRequest) -> HttpResponse:
    return _page(request)


@requires("insights.import_global")
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    upload = request.FILES.get("file")
    if upload is None:
        return _page(request, error=_("Choose the GLOTIP data file."), status=400)
    if upload.size is not None and upload.size > global_figures.MAX_FILE_BYTES:
        return _page(request, error=_("The file is larger than %(size)d MB.")
                     % {"size": global_figures.MAX_FILE_BYTES // (1024 * 1024)}, status=400)
    try:
        release = global_figures.import_glotip(
            actor(request), upload.read(), file_name=upload.name or "glotip.csv",
            release_date=request.POST.get("release_date") or None,
            source=request.POST.get("source", ""), request=request)
    except GlotipError as exc:
        return _page(request, status=400, problems=[  # the engine words them in English
            {"row": p.row, "column": p.column, "byte": p.byte, "message": p.message.translated(_)}
            for p in exc.problems])
    except ServiceError as exc:
        return _page(request, error=exc.message, status=400)
    messages.success(request, _("%(count)d figures imported from %(file)s.")
                     % {"count": release.figure_count, "file": release.file_name})
    if release.repeated_rows:
        messages.info(request, _("%(count)d rows repeated another row exactly and were read "
                                 "once.") % {"count": release.repeated_rows})
    return redirect("insights:global_figures")
