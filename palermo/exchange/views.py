"""Exchange pages: inbox and outbox, a report with its review, the export of a case with
its preview, the FollowTheMoney download, and the trust store."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.cases.services import persons, reading
from palermo.exchange import message
from palermo.exchange.forms import (
    ExportForm,
    HtcdsExportForm,
    HtcdsImportForm,
    ImportForm,
    PartnerForm,
    ReasonForm,
)
from palermo.exchange.models import CaseReport, MessageState
from palermo.exchange.services import access as report_access
from palermo.exchange.services import ctdc, ftm, htcds_fields, htcds_read, inbound, outbound
from palermo.exchange.services import htcds_export as htcds_export_service
from palermo.exchange.services import htcds_import as htcds_import_service
from palermo.exchange.services import partners as trust
from palermo.guards import actor, requires
from palermo.web.forms import query_int, show
from palermo.web.safety import safe_next


@requires("exchange.view")
def inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "exchange/list.html", {
        "reports": list(inbound.inbox(actor(request))[:200]), "direction": "in",
        "form": ImportForm()})


@requires("exchange.receive")
@require_http_methods(["GET", "POST"])
def ctdc_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = ctdc.import_csv(form.cleaned_data["file"].read(ctdc.MAX_BYTES + 1),
                                     actor=actor(request), request=request)
        except ServiceError as exc:
            form.add_error("file", exc.message)
    return render(request, "exchange/ctdc.html", {"form": form, "report": report})


@requires("exchange.receive")
@require_http_methods(["GET", "POST"])
def htcds_import(request: HttpRequest) -> HttpResponse:
    """An HTCDS 2.0 file in, with the mapping report; the standard's fields by name below."""
    form = HtcdsImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = htcds_import_service.import_csv(
                data["file"].read(htcds_read.MAX_BYTES + 1), actor=actor(request),
                request=request, case=data["case"], dry_run=data["dry_run"],
                date_order=data["date_order"])
        except ServiceError as exc:
            show(form, exc)
    return render(request, "exchange/htcds.html", {
        "form": form, "report": report, "fields": htcds_fields.standard(),
        "palermo_columns": htcds_fields.palermo_columns()})


@requires("exchange.send")
@require_http_methods(["GET", "POST"])
def htcds_export(request: HttpRequest) -> HttpResponse:
    """Cases out as an HTCDS 2.0 file: first what will leave (the export report), then the
    file."""
    user = actor(request)
    form = HtcdsExportForm(request.POST or None, initial={"case": request.GET.get("case", "")},
                           may_share_identity=user.has_perm("exchange.share_identity"))
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ids = htcds_export_service.select(
                user, reference=data["case"], query=data["query"], status=data["status"],
                exploitation=data["exploitation"])
            made = htcds_export_service.export(
                ids, actor=user, request=request, identities=data.get("identities", False),
                labels=data["labels"])
        except ServiceError as exc:
            show(form, exc)
        else:
            if request.POST.get("step") == "download":
                response = HttpResponse(made.content, content_type="text/csv; charset=utf-8")
                response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
                return response
            report = made.report
    return render(request, "exchange/htcds_export.html", {"form": form, "report": report})


@requires("exchange.view")
def outbox(request: HttpRequest) -> HttpResponse:
    return render(request, "exchange/list.html", {
        "reports": list(inbound.outbox(actor(request))[:200]), "direction": "out"})


@requires("exchange.receive")
@require_POST
def report_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report, new = inbound.receive(upload.read(message.MAX_BYTES + 1), via="file",
                                          actor=actor(request), request=request)
        except ServiceError as exc:
            messages.error(request, _("The file was refused: %(why)s") % {"why": exc.message})
            return redirect("exchange:inbox")
        messages.success(request, _("Report received; review it below.") if new else
                         _("This report was received before; nothing changed."))
        return redirect("exchange:report", report_id=report.pk)
    messages.error(request, _("Choose a file."))
    return redirect("exchange:inbox")


def _report(request: HttpRequest, report_id: int) -> CaseReport:
    user = actor(request)
    return get_object_or_404(inbound.inbox(user) | inbound.outbox(user), pk=report_id)


def _asks_reason(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A report that asks why sends the user to say it, then back where they were going."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except report_access.ReasonRequired as exc:
            target = reverse("exchange:report_reason", args=[exc.report_id])
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")

    return wrapped


@requires("exchange.view")
@require_http_methods(["GET", "POST"])
def report_reason(request: HttpRequest, report_id: int) -> HttpResponse:
    """Say why before a confidential report (or one about a highly restricted case) is
    shown, then go on."""
    report = _report(request, report_id)
    back = safe_next(request, reverse("exchange:report", args=[report.pk]),
                     target=request.GET.get("next", ""))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_access.remember(request, report.pk, form.cleaned_data["reason"])
        return redirect(back)
    return render(request, "exchange/report_reason.html", {"form": form, "report": report})


@requires("exchange.view")
@_asks_reason
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    user = actor(request)
    seen = inbound.open_report(_report(request, report_id), actor=user, request=request)
    report = seen.report
    reviewable = inbound.may_review(report, user)
    proposals = inbound.proposals(report, actor=user, seen=seen) if reviewable else {}
    rows = [{"person": p, "entry": p.entry, "proposals": proposals.get(p.ref, [])}
            for p in seen.persons]
    return render(request, "exchange/report.html", {
        "report": report, "view": seen, "case": seen.content["case"], "rows": rows,
        "requested_action": seen.content.get("requested_action", ""),
        "reviewable": reviewable, "handling": seen.content["handling"]})


@requires("exchange.view")
@_asks_reason
def report_file(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    try:
        body = inbound.signed_file(report, actor=actor(request), request=request)
    except report_access.ReasonRequired:
        raise  # asked for on its own page
    except NotAllowed as exc:
        return render(request, "web/errors/error.html",
                      {"title": _("Not allowed"), "message": exc.message}, status=403)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="hst-{report.message_id}.json"'
    return response


@requires("exchange.view")
@require_POST
def report_step(request: HttpRequest, report_id: int) -> HttpResponse:
    user, report = actor(request), _report(request, report_id)
    step = request.POST.get("step")
    try:
        if step == "accept":
            matches = {p["ref"]: query_int(request, f"match_{p['ref']}", source=request.POST)
                       for p in report.content["case"]["persons"]}
            case = inbound.accept(report, actor=user, matches=matches, request=request)
            messages.success(request, _("Accepted into case %(ref)s.") % {"ref": case.reference})
        elif step == "reject":
            inbound.reject(report, actor=user, reason=request.POST.get("reason", ""),
                           request=request)
            messages.success(request, _("Report rejected."))
        elif step == "send":
            report = outbound.send(report, actor=user, request=request)
            if report.state == MessageState.FAILED:
                messages.error(request, _("Delivery failed: %(why)s")
                               % {"why": report.state_reason})
            else:
                messages.success(request, _("Delivered."))
        else:
            raise ServiceError(_("Unknown step."), field="step")
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("exchange:report", report_id=report.pk)


@requires("exchange.send")
@require_http_methods(["GET", "POST"])
def case_export(request: HttpRequest, case_id: int) -> HttpResponse:
    user = actor(request)
    case, sight = reading.get_openable(user, case_id)
    cards = persons.cards(user, case, sight, request=request)
    form = ExportForm(
        request.POST or None,
        partners=[(p.pk, str(p)) for p in trust.listing(user).filter(active=True)],
        persons=[(c.case_person.pk, f"{c.name} ({c.label})" if c.name else c.label)
                 for c in cards],
        may_share_identity=user.has_perm("exchange.share_identity"))
    preview = None
    if request.method == "POST" and form.is_valid():
        choice = outbound.Choice(**{"identities": False, **form.cleaned_data})
        try:
            if request.POST.get("step") == "export":
                report = outbound.export(case.pk, actor=user, choice=choice, request=request)
                messages.success(request, _("Signed and kept in the outbox. Send it or "
                                            "download the file."))
                return redirect("exchange:report", report_id=report.pk)
            built, _included = outbound.build(case.pk, actor=user, choice=choice,
                                             request=request)
            preview = {"json": json.dumps(built, ensure_ascii=False, indent=1),
                       "persons": built["case"]["persons"]}
        except ServiceError as exc:
            show(form, exc)
    return render(request, "exchange/export.html", {"case": case, "form": form,
                                                    "preview": preview})


@requires("exchange.send")
def case_ftm(request: HttpRequest, case_id: int) -> HttpResponse:
    export = ftm.case_export(case_id, actor=actor(request), request=request)
    response = HttpResponse(ftm.as_lines(export.entities), content_type="application/x-ndjson")
    response["Content-Disposition"] = f'attachment; filename="case-{case_id}.ftm.json"'
    if export.left_out:  # the file is downloaded; the report shows on the next page
        response["X-Palermo-Left-Out"] = ftm.left_out_header(export)
        messages.warning(request, " ".join([_("Left out of the FollowTheMoney export:"),
                                            *map(str, export.left_out)]))
    return response


@requires("exchange.view")
@require_http_methods(["GET", "POST"])
def partners(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            trust.add(actor=user, request=request, **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Partner added to the trust store."))
            return redirect("exchange:partners")
    key_id, public_key, sealing_key = trust.own_key(user)
    return render(request, "exchange/partners.html", {
        "partners": list(trust.listing(user)), "form": form, "key_id": key_id,
        "public_key": public_key, "sealing_key": sealing_key})


@requires("exchange.manage_partners")
@require_POST
def partner_trust(request: HttpRequest, partner_id: int) -> HttpResponse:
    user = actor(request)
    partner = get_object_or_404(trust.listing(user), pk=partner_id)
    trust.set_trusted(partner, request.POST.get("trusted") == "1", actor=user, request=request)
    return redirect("exchange:partners")
