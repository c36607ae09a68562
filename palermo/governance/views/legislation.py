"""The legislation tracker: bills and regulations, their stages, the office's positions and
comments in versions, library links and parliamentary sessions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.governance.forms import BillForm, LinksForm, PositionForm, SessionForm, StageForm
from palermo.governance.models import Bill
from palermo.governance.services import legislation
from palermo.guards import actor, requires
from palermo.web.forms import query_int, save, show


def _bill(request: HttpRequest, bill_id: int) -> Bill:
    return get_object_or_404(legislation.listing(actor(request)), pk=bill_id)


def _version(request: HttpRequest) -> int:
    return query_int(request, "version", 0, source=request.POST)


@requires("governance.view")
def bill_list(request: HttpRequest) -> HttpResponse:
    filters = {"q": request.GET.get("q", "")[:100], "stage": request.GET.get("stage", "")[:32],
               "kind": request.GET.get("kind", "")[:16]}
    return render(request, "governance/bills.html", {
        "bills": list(legislation.search(actor(request), **filters)[:300]),
        "filters": filters, "kinds": Bill.Kind.choices})


@requires("governance.edit")
@require_http_methods(["GET", "POST"])
def bill_create(request: HttpRequest) -> HttpResponse:
    form = BillForm(request.POST or None)
    done = save(request, form, lambda **f: legislation.create(
        actor=actor(request), request=request, **f), _("Bill added."),
        lambda b: ("governance:bill", {"bill_id": b.pk}))
    return done or render(request, "governance/form.html",
                          {"form": form, "title": _("Add a bill or regulation")})


@requires("governance.edit")
@require_http_methods(["GET", "POST"])
def bill_edit(request: HttpRequest, bill_id: int) -> HttpResponse:
    bill = _bill(request, bill_id)
    form = BillForm(request.POST or None,
                    initial={name: getattr(bill, name) for name in legislation.FIELDS})
    version = _version(request) or bill.version
    done = save(request, form, lambda **f: legislation.update(
        bill, actor=actor(request), version=version, request=request, **f),
        _("Changes saved."), lambda b: ("governance:bill", {"bill_id": b.pk}))
    return done or render(request, "governance/form.html", {
        "form": form, "record": bill, "title": _("Change the bill")})


@requires("governance.view")
def bill_detail(request: HttpRequest, bill_id: int) -> HttpResponse:
    return _bill_page(request, _bill(request, bill_id))


def _bill_page(request: HttpRequest, bill: Bill, sent: tuple[str, Any] | None = None,
               status: int = 200) -> HttpResponse:
    """The bill's page; ``sent`` is the form posted with a mistake, shown with its errors
    next to its fields and what was typed."""
    user = actor(request)
    page_forms: dict[str, Any] = {
        "stage_form": StageForm(initial={"stage": bill.stage}, auto_id="stage_%s"),
        "position_form": PositionForm(auto_id="position_%s"),
        "session_form": SessionForm(auto_id="session_%s"),
        "links_form": LinksForm(auto_id="links_%s", initial={
            "decision_ids": ", ".join(map(str, bill.decision_ids)),
            "opinion_ids": ", ".join(map(str, bill.opinion_ids))})}
    if sent is not None:
        page_forms[f"{sent[0]}_form"] = sent[1]
    return render(request, "governance/bill.html", {
        "bill": bill, "stages": list(bill.stages.all()),
        "positions": list(bill.positions.select_related("written_by")),
        "sessions": list(bill.sessions.all()),
        "links": legislation.library_links(bill, user), **page_forms}, status=status)


@requires("governance.edit")
@require_POST
def bill_step(request: HttpRequest, bill_id: int) -> HttpResponse:
    """One of the bill page's forms, named by ``step``: stage, position, session, links."""
    user = actor(request)
    bill = _bill(request, bill_id)
    step = request.POST.get("step", "")
    forms = {"stage": StageForm, "position": PositionForm, "session": SessionForm,
             "links": LinksForm}
    if step not in forms:
        messages.error(request, _("Unknown step."))
        return redirect("governance:bill", bill_id=bill.pk)
    form = forms[step](request.POST, auto_id=f"{step}_%s")
    if not form.is_valid():
        return _bill_page(request, bill, (step, form), status=400)
    data = form.cleaned_data
    try:
        if step == "stage":
            legislation.set_stage(bill, data["stage"], on=data["on"], actor=user,
                                  version=_version(request), request=request)
        elif step == "position":
            legislation.write_position(bill, data["text"], kind=data["kind"],
                                       note=data["note"], actor=user, request=request)
        elif step == "session":
            legislation.record_session(bill=bill, actor=user, request=request, **data)
        else:
            legislation.link_library(bill, actor=user, version=_version(request),
                                     request=request, **data)
    except ServiceError as exc:
        show(form, exc)
        return _bill_page(request, bill, (step, form), status=400)
    messages.success(request, _("Saved."))
    return redirect("governance:bill", bill_id=bill.pk)
