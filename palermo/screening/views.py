"""The border officer's page and the owning agency's alerts."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.screening import alerts, services, watchlists
from palermo.screening.forms import CloseForm, PostForm
from palermo.screening.importing import import_file
from palermo.screening.models import Alert
from palermo.vocab import registry
from palermo.web.forms import query_int, show


@requires("screening.check")
@require_http_methods(["GET", "POST"])
def check_page(request: HttpRequest) -> HttpResponse:
    """Works without JavaScript (the form posts here); with it, screening.js asks the API and
    shows the answer without reloading the page. The officer's post is asked once a shift."""
    user = actor(request)
    context: dict[str, object] = {"q": "", "post_form": PostForm(),
                                  "shift": alerts.shift(request.session)}
    if request.method == "POST" and request.POST.get("step") == "post":
        form = PostForm(request.POST)
        if form.is_valid():
            try:
                post = alerts.start_shift(request.session, form.cleaned_data["post"],
                                          actor=user, request=request)
            except ServiceError as exc:
                show(form, exc)
            else:
                messages.success(request, _("Your post is now %(post)s. Every check you make "
                                            "this shift is recorded as made there, and the "
                                            "agencies your hits alert see it.")
                                 % {"post": post})
                return redirect("screening:check")
        context["post_form"] = form
        return render(request, "screening/check.html", context, status=400)
    if request.method == "POST":
        context["q"] = request.POST.get("q", "")
        try:
            query = services.interpret(str(context["q"]))
            context["result"] = services.check(user, query,
                                               post=alerts.post_of(request.session),
                                               request=request)
        except ServiceError as exc:
            context["error"] = exc.message
    if request.headers.get("X-Palermo-Fragment") == "result":
        return render(request, "screening/result.html", context)
    return render(request, "screening/check.html", context)


@requires("screening.manage")
def alert_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    show_ = request.GET.get("show", "open")
    if show_ not in ("open", "closed", "all"):
        show_ = "open"
    rows = [{"alert": a, "name": alerts.shows_name(a, user), "links": alerts.links(a, user)}
            for a in alerts.listing(user, show_)[:200]]
    return render(request, "screening/alerts.html", {
        "rows": rows, "show": show_, "every_agency": alerts.coordinates(user)})


@requires("screening.manage")
def alert_detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    user = actor(request)
    alert = get_object_or_404(alerts.visible(user), pk=alert_id)
    return _alert_page(request, alert)


def _alert_page(request: HttpRequest, alert: Alert, *, close_form: CloseForm | None = None,
                error: str = "", status: int = 200) -> HttpResponse:
    user = actor(request)
    alert = alerts.read(alert, actor=user, request=request)
    return render(request, "screening/alert.html", {
        "alert": alert, "name": alerts.shows_name(alert, user),
        "links": alerts.links(alert, user), "may_act": alerts.may_act(alert, user),
        "close_form": close_form or CloseForm(), "error": error}, status=status)


STEP_DONE = {
    "acknowledge": gettext_lazy("Acknowledged. The alert stays open until someone takes it "
                                "over or closes it with an outcome."),
    "take_over": gettext_lazy("You have taken this alert over: it shows as yours to everyone "
                              "who sees it. Close it with an outcome when it is dealt with."),
}


@requires("screening.manage")
@require_POST
def alert_step(request: HttpRequest, alert_id: int) -> HttpResponse:
    user = actor(request)
    alert = get_object_or_404(alerts.visible(user), pk=alert_id)
    name = request.POST.get("step", "")
    version = query_int(request, "version", -1, source=request.POST)
    form = CloseForm(request.POST) if name == "close" else None
    if form is not None and not form.is_valid():
        return _alert_page(request, alert, close_form=form, status=400)
    data = form.cleaned_data if form is not None else {}
    try:
        alert = alerts.step(alert, name, actor=user, version=version,
                            outcome=data.get("outcome", ""), note=data.get("note", ""),
                            request=request)
    except ServiceError as exc:
        alert.refresh_from_db()
        if form is not None and exc.field in form.fields:
            show(form, exc)
            return _alert_page(request, alert, close_form=form, status=400)
        return _alert_page(request, alert, close_form=form, error=exc.message, status=400)
    if name == "close":
        messages.success(request, _("Alert closed as “%(outcome)s”. It is kept under the closed "
                                    "alerts.") % {"outcome": registry.label(
                                        "alert_outcomes", alert.outcome, get_language() or "en")})
        return redirect("screening:alerts")
    messages.success(request, str(STEP_DONE[name]))
    return redirect("screening:alert", alert_id=alert.pk)


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
