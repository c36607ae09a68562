"""The coordinator's triage of public reports, inside the application (``portal.triage``).

A refused action shows the report again with the coordinator's input kept and every fault
next to its field; a done one says what happened, to whom, and what comes next."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.cases.services import reading
from palermo.guards import actor, requires
from palermo.portal.services import into_case, triage
from palermo.portal.triage_forms import LinkForm, OpenCaseForm, ReferForm, ReplyForm, VersionForm
from palermo.vocab import registry
from palermo.web.forms import show

if TYPE_CHECKING:
    from palermo.access.models import User


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


def _case_choices(user: User) -> list[tuple[int, str]]:
    return [(c.pk, f"{c.reference} — {c.title}") for c in reading.search(user)[:200]]


def _agency_choices() -> list[tuple[int, str]]:
    return [(a.pk, a.name) for a in agencies.listing().filter(active=True).order_by("name")]


def _form(name: str, user: User, report: triage.Report, data: Any = None) -> forms.Form:
    """One of the page's forms, blank or bound to what the coordinator sent."""
    version = {"version": report.version}
    if name == "link_form":
        return LinkForm(data, initial=version, cases=_case_choices(user))
    if name == "refer_form":
        return ReferForm(data, initial=version, agencies=_agency_choices(),
                         in_case=bool(report.case_id))
    if name == "open_form":
        return OpenCaseForm(data, initial={**version, "title": _("Public report %(reference)s")
                                           % {"reference": report.reference}})
    if name in ("carry_form", "close_form"):
        return VersionForm(data, initial=version)
    return ReplyForm(data)


FORMS = ("reply_form", "link_form", "open_form", "refer_form", "carry_form", "close_form")


def _page(request: HttpRequest, report_id: int, *, bound: forms.Form | None = None,
          bound_name: str = "", status: int = 200) -> HttpResponse:
    user = actor(request)
    report = triage.open_report(user, report_id, request=request)
    context: dict[str, Any] = {name: _form(name, user, report) for name in FORMS}
    if bound is not None:
        # The page shows the report as it stands now; a retry must be checked against it.
        data = cast(QueryDict, bound.data).copy()
        data["version"] = str(report.version)
        bound.data = data
        context[bound_name] = bound
    language = (get_language() or "en")[:2]
    return render(request, "portal/triage_report.html", {
        "report": report, "entries": triage.entries(report),
        "images": [i for i in report.images.all() if i.entry_id is None],
        "pending": into_case.pending(report),
        "status_label": registry.label("portal_report_statuses", report.status, language),
        **context}, status=status)


@requires("portal.triage")
def detail(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    return _page(request, portal_report_id)


def _act(request: HttpRequest, portal_report_id: int, name: str,
         action: Callable[[triage.Report, User, dict[str, Any]], str]) -> HttpResponse:
    user = actor(request)
    report = triage.get(user, portal_report_id)
    form = _form(name, user, report, request.POST)
    if form.is_valid():
        try:
            done = action(report, user, form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, done)
            return redirect("triage:report", portal_report_id=report.pk)
    return _page(request, report.pk, bound=form, bound_name=name, status=400)


@requires("portal.triage")
@require_POST
def reply(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    def act(report: triage.Report, user: User, data: dict[str, Any]) -> str:
        triage.reply(report, data["text"], actor=user, request=request)
        return _("Your reply was added to public report %(reference)s. The reporter is not "
                 "told: they read it when they next come back with their reference and "
                 "secret phrase.") % {"reference": report.reference}

    return _act(request, portal_report_id, "reply_form", act)


def _sentences(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _holds(carried: into_case.Carried) -> str:
    return _("Its notes and documents now hold %(carried)s.") % {
        "carried": carried.describe()} if carried else ""


@requires("portal.triage")
@require_POST
def link(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    def act(report: triage.Report, user: User, data: dict[str, Any]) -> str:
        case, carried = triage.link_case(report, data["case"], actor=user,
                                         version=data["version"], request=request)
        return _sentences(
            _("Public report %(reference)s was added to case %(case)s as a note.")
            % {"reference": report.reference, "case": case.reference},
            _holds(carried),
            _("Next: open the case to read it, or refer the report to the agency that can "
              "act."))

    return _act(request, portal_report_id, "link_form", act)


@requires("portal.triage")
@require_POST
def open_case(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    def act(report: triage.Report, user: User, data: dict[str, Any]) -> str:
        case, carried = triage.open_case(report, data["title"], actor=user,
                                         version=data["version"], request=request)
        return _sentences(
            _("Case %(case)s was opened from public report %(reference)s, led by %(agency)s; "
              "the report is its summary.") % {"case": case.reference,
                                                "reference": report.reference,
                                                "agency": user.agency.name},
            _holds(carried),
            _("Next: open the case to add the persons, or refer the report to the agency "
              "that can act."))

    return _act(request, portal_report_id, "open_form", act)


@requires("portal.triage")
@require_POST
def refer(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    def act(report: triage.Report, user: User, data: dict[str, Any]) -> str:
        done = triage.refer(report, data["agency"], data.get("role", ""), actor=user,
                            version=data["version"], request=request)
        values = {"reference": report.reference, "agency": done.agency,
                  "case": done.case_reference, "role": done.role}
        if not done.case_reference:
            return _("Public report %(reference)s was referred to %(agency)s. Everyone there "
                     "was sent a message with what the reporter wrote, without their contact "
                     "details. Next: %(agency)s decides what to do; open a case from the "
                     "report if the office works on it too.") % values
        if done.joined:
            return _("Public report %(reference)s was referred to %(agency)s, which now takes "
                     "part in case %(case)s as %(role)s. Everyone there was sent a message; "
                     "they read the report in the case.") % values
        return _("Public report %(reference)s was referred to %(agency)s, which already "
                 "takes part in case %(case)s. Everyone there was sent a message; they read "
                 "the report in the case.") % values

    return _act(request, portal_report_id, "refer_form", act)


@requires("portal.triage")
@require_POST
def carry(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    def act(report: triage.Report, user: User, data: dict[str, Any]) -> str:
        case, carried = triage.carry_new(report, actor=user, version=data["version"],
                                         request=request)
        return _("Case %(case)s now holds %(carried)s as its notes and documents.") % {
            "case": case.reference, "carried": carried.describe()}

    return _act(request, portal_report_id, "carry_form", act)


@requires("portal.triage")
@require_POST
def close(request: HttpRequest, portal_report_id: int) -> HttpResponse:
    def act(report: triage.Report, user: User, data: dict[str, Any]) -> str:
        triage.close(report, actor=user, version=data["version"], request=request)
        return _("Public report %(reference)s was closed. The reporter can still read your "
                 "replies; if they add information, the report comes back to triage.") % {
            "reference": report.reference}

    return _act(request, portal_report_id, "close_form", act)


@requires("portal.triage")
def image(request: HttpRequest, portal_report_id: int, portal_image_id: int) -> HttpResponse:
    found, data = triage.image(actor(request), portal_report_id, portal_image_id,
                               request=request)
    response = HttpResponse(data, content_type=found.content_type)
    response["Content-Disposition"] = f'inline; filename="{found.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
