"""The coordinator's triage of public reports, inside the application (``portal.triage``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.access.permissions import actor, requires
from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.cases.services import reading
from palermo.portal.services import triage
from palermo.portal.triage_forms import LinkForm, OpenCaseForm, ReferForm, ReplyForm
from palermo.vocab import registry


@requires("portal.triage")
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in registry.get("portal_report_statuses"):
        status = ""
    language = (get_language() or "en")[:2]
    return render(request, "portal/triage_queue.html", {
        "reports": list(triage.queue(actor(request), status)[:200]),
        "status": status,
        "statuses": registry.get("portal_report_statuses").choices(language)})


def _forms(request: HttpRequest, report: triage.Report) -> dict[str, forms.Form]:
    user = actor(request)
    initial = {"version": report.version}
    link = LinkForm(initial=initial)
    link.fields["case"].widget.choices = [
        (c.pk, f"{c.reference} — {c.title}") for c in reading.search(user)[:200]]
    refer = ReferForm(initial={**initial, "role": "investigation"})
    refer.fields["agency"].widget.choices = [
        (a.pk, a.name) for a in agencies.listing().filter(active=True)]
    return {"reply_form": ReplyForm(), "link_form": link, "refer_form": refer,
            "open_form": OpenCaseForm(initial={**initial,
                                               "title": _("Public report %(reference)s")
                                               % {"reference": report.reference}})}


@requires("portal.triage")
def detail(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    report = triage.open_report(actor(request), portal_report_id, request=request)
    language = (get_language() or "en")[:2]
    return render(request, "portal/triage_report.html", {
        "report": report, "entries": triage.entries(report),
        "images": list(report.images.all()),
        "status_label": registry.label("portal_report_statuses", report.status, language),
        **_forms(request, report)})


def _act(request: HttpRequest, portal_report_id: int, form_class: type[forms.Form],
         action: Callable[..., Any], done: str) -> HttpResponse:
    user = actor(request)
    report = triage.get(user, portal_report_id)
    form = form_class(request.POST)
    if not form.is_valid():
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            messages.error(request, f"{label}: {' '.join(map(str, errors))}" if label
                           else " ".join(map(str, errors)))
        return redirect("triage:report", portal_report_id=report.pk)
    try:
        action(report, user, form.cleaned_data)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("triage:report", portal_report_id=report.pk)


@requires("portal.triage")
@require_POST
def reply(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    return _act(request, portal_report_id, ReplyForm, lambda r, u, d: triage.reply(
        r, d["text"], actor=u, request=request), _("Reply sent; the reporter reads it when "
                                                   "they come back."))


@requires("portal.triage")
@require_POST
def link(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    return _act(request, portal_report_id, LinkForm, lambda r, u, d: triage.link_case(
        r, d["case"], actor=u, version=d["version"], request=request),
        _("The report was added to the case."))


@requires("portal.triage")
@require_POST
def open_case(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    return _act(request, portal_report_id, OpenCaseForm, lambda r, u, d: triage.open_case(
        r, d["title"], actor=u, version=d["version"], request=request),
        _("A case was opened from the report."))


@requires("portal.triage")
@require_POST
def refer(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    return _act(request, portal_report_id, ReferForm, lambda r, u, d: triage.refer(
        r, d["agency"], d["role"], actor=u, version=d["version"], request=request),
        _("The report was referred."))


@requires("portal.triage")
@require_POST
def close(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    from palermo.portal.triage_forms import VersionForm

    return _act(request, portal_report_id, VersionForm, lambda r, u, d: triage.close(
        r, actor=u, version=d["version"], request=request), _("The report was closed."))


@requires("portal.triage")
def image(request: HttpRequest, portal_report_id: int, portal_image_id: int) -> HttpResponse:
    found, data = triage.image(actor(request), portal_report_id, portal_image_id,
                               request=request)
    response = HttpResponse(data, content_type=found.content_type)
    response["Content-Disposition"] = f'inline; filename="{found.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
