"""The border officer's page and the owning agency's alerts."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.permissions import actor, requires
from palermo.access.services.errors import ServiceError
from palermo.screening import services, watchlists
from palermo.screening.importing import import_file


@requires("screening.check")
@require_http_methods(["GET", "POST"])
def check_page(request: HttpRequest) -> HttpResponse:
    """Works without JavaScript (the form posts here); with it, screening.js asks the API and
    shows the answer without reloading the page."""
    context: dict[str, object] = {"q": ""}
    if request.method == "POST":
        context["q"] = request.POST.get("q", "")
        try:
            query = services.interpret(str(context["q"]))
            context["result"] = services.check(actor(request), query,
                                               post=request.POST.get("post", ""),
                                               request=request)
        except ServiceError as exc:
            context["error"] = exc.message
    if request.headers.get("X-Palermo-Fragment") == "result":
        return render(request, "screening/result.html", context)
    return render(request, "screening/check.html", context)


@requires("screening.manage")
def alert_list(request: HttpRequest) -> HttpResponse:
    return render(request, "screening/alerts.html",
                  {"alerts": list(services.alerts_for(actor(request))[:200])})


@requires("screening.manage")
def list_page(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "documents")
    if kind not in watchlists.KINDS:
        kind = "documents"
    query = request.GET.get("q", "").strip()
    return render(request, "screening/lists.html", {
        "kind": kind, "q": query, "counts": watchlists.counts(actor(request)),
        "rows": list(watchlists.listing(actor(request), kind, query)[:100]),
    })


@requires("screening.manage")
@require_POST
def remove_record(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    try:
        watchlists.remove(actor(request), kind, record_id,
                          reason=request.POST.get("reason", ""), request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The record is off the list."))
    return redirect(f"{reverse('screening:lists')}?kind={kind}")


@requires("screening.manage")
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    context: dict[str, object] = {"kinds": list(watchlists.KINDS)}
    upload = request.FILES.get("file")
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if upload is None:
            context["error"] = _("Choose a file.")
        else:
            # The reader picks the format from the name; keep the suffixes (.ftm.jsonl).
            suffix = "".join(Path(upload.name or "").suffixes[-2:]) or ".csv"
            with tempfile.NamedTemporaryFile(suffix=suffix) as stored:
                for chunk in upload.chunks():
                    stored.write(chunk)
                stored.flush()
                try:
                    report = import_file(
                        kind, stored.name, owner_agency=actor(request).agency,
                        actor=actor(request),
                        mode="batches" if request.POST.get("batches") else "all_or_nothing")
                except ServiceError as exc:
                    context["error"] = exc.message
                else:
                    report.file = upload.name or report.file
                    context["report"] = report
    return render(request, "screening/import.html", context)
