"""The public pages for reporting a suspicion and coming back to a report. No account, no
session: the reporter proves who they are with a reference and a secret phrase, and the next
form carries a short-lived signed token instead of the phrase."""

from __future__ import annotations

from typing import IO, Any, cast

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from palermo.guards import public
from palermo.portal.models.reports import LIMITS
from palermo.portal.report_forms import AdditionForm, ReportForm, ReturnForm
from palermo.portal.services import images, language, reports, throttle
from palermo.portal.services.errors import PortalError

FIELDS = ("what", "where", "when", "who", "contact")


def _page(request: HttpRequest, template: str, context: dict[str, Any],
          status: int = 200) -> HttpResponse:
    return render(request, template, context, status=status)


LABELS = {"what": "report.field.what", "where": "report.field.where",
          "when": "report.field.when", "who": "report.field.who",
          "contact": "report.field.contact", "images": "report.field.images",
          "addition": "return.add.field", "reference": "report.done.reference",
          "phrase": "report.done.phrase"}


def field_errors(lang: str, error: PortalError, *, had_images: bool = False,
                 labels: dict[str, str] = LABELS) -> dict[str, Any]:
    """``{field: message}`` for each field at fault, and ``summary``: every fault as
    ``(field, "Label: message")`` for the list at the top of the page, in the form's order;
    ``labels`` holds the string key of each field's label.
    A refused form's photos cannot be kept by the browser; the page says so."""
    errors: dict[str, Any] = {}
    summary: list[tuple[str, str]] = []
    faults = error.each
    if had_images and not any(fault.field == "images" for fault in faults):
        faults = [*faults, PortalError("report.error.photos_again", "images")]
    for fault in faults:
        message = fault.text(lang)
        name = fault.field or "all"
        errors[name] = f"{errors[name]} {message}" if name in errors else message
        label = labels.get(fault.field or "")
        summary.append((fault.field or "",
                        f"{language.text(label, lang)}: {message}" if label else message))
    errors["summary"] = summary
    return errors


def _images(request: HttpRequest) -> list[IO[bytes]]:
    return cast("list[IO[bytes]]", request.FILES.getlist("images"))


def _limits() -> dict[str, int]:
    """What the pages state before the reporter types: photos, and each text's length."""
    return {"count": images.max_images(), "mb": images.max_bytes() // (1024 * 1024),
            **{f"text_{name}": limit for name, limit in LIMITS.items()}}


@public
def root(request: HttpRequest) -> HttpResponse:
    """``/public/``: to the chosen language's first page."""
    return HttpResponseRedirect(language.frame(request).home_url)


@public
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, lang: str) -> HttpResponse:
    form = ReportForm(request.POST or None)
    errors: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["website"]:
                raise PortalError("report.error.refused")
            if not throttle.allow(request, "report"):
                raise PortalError("report.error.rate")
            receipt = reports.submit(reports.Submission(
                language=lang, images=_images(request),
                **{name: data[name] for name in FIELDS}))
        except PortalError as error:
            errors = field_errors(lang, error, had_images=bool(_images(request)))
            status = 429 if error.key == "report.error.rate" else 400
            return _page(request, "portal/report_form.html",
                         {"form": form, "errors": errors, "limits": _limits()}, status)
        return _page(request, "portal/report_done.html", {"receipt": receipt})
    return _page(request, "portal/report_form.html",
                 {"form": form, "errors": errors, "limits": _limits()})


def _thread_page(request: HttpRequest, report: reports.Report, *, added: bool = False,
                 errors: dict[str, Any] | None = None, text: str = "",
                 status: int = 200) -> HttpResponse:
    return _page(request, "portal/report_thread.html", {
        "report": report, "entries": reports.thread(report),
        "access": reports.access_token(report), "added": added, "errors": errors or {},
        "status_key": f"report.status.{report.status}", "limits": _limits(),
        "addition": text,
    }, status)


@public
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, lang: str) -> HttpResponse:
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if not throttle.allow(request, "lookup"):
                raise PortalError("report.error.rate")
            found = reports.verify(form.cleaned_data["reference"], form.cleaned_data["phrase"])
        except PortalError as error:
            return _page(request, "portal/report_return.html",
                         {"form": form, "errors": field_errors(lang, error)},
                         429 if error.key == "report.error.rate" else 400)
        return _thread_page(request, found)
    return _page(request, "portal/report_return.html", {"form": ReturnForm(), "errors": {}})


@public
@require_http_methods(["POST"])
def add(request: HttpRequest, lang: str) -> HttpResponse:
    form = AdditionForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        found = reports.from_token(data.get("access", ""))
    except PortalError as error:
        return _page(request, "portal/report_return.html",
                     {"form": ReturnForm(), "errors": field_errors(lang, error)}, 400)
    try:
        if data.get("website"):
            raise PortalError("report.error.refused")
        if not throttle.allow(request, "addition"):
            raise PortalError("report.error.rate")
        reports.add(found, data.get("addition", ""), _images(request))
    except PortalError as error:
        return _thread_page(request, found, errors=field_errors(
            lang, error, had_images=bool(_images(request))), text=data.get("addition", ""),
            status=429 if error.key == "report.error.rate" else 400)
    return _thread_page(request, found, added=True)
