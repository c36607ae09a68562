"""The case list, opening a case, the case page, editing and status."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.cases.forms import (
    AgencyJoinForm,
    CaseForm,
    NoteForm,
    ReasonForm,
    StatusForm,
    TaskForm,
)
from palermo.cases.services import cases, documents, reading, restricted, timeline
from palermo.cases.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.vocab import registry
from palermo.web.forms import parse_int, show
from palermo.web.safety import safe_next


def vocab_label(code: str, vocabulary: str) -> str:
    return registry.label(vocabulary, code, get_language() or "en")


def posted(request: HttpRequest) -> Any:
    """The submitted data on a POST, even an empty one (then every required field says so)."""
    return request.POST if request.method == "POST" else None


def _concerns(request: HttpRequest) -> list[int]:
    """The persons a note or document concerns, as ticked on the case page."""
    values = request.POST.getlist("concerns")
    numbers = [n for n in (parse_int(v) for v in values) if n is not None]
    if len(numbers) != len(values):
        raise ServiceError(_("Choose the persons it concerns among this case's persons."),
                           field="concerns")
    return numbers


@requires("cases.view")
def case_list(request: HttpRequest) -> HttpResponse:
    params = {k: request.GET.get(k, "") for k in ("q", "status", "exploitation", "scope")}
    found = reading.search(actor(request), query=params["q"], status=params["status"],
                           exploitation=params["exploitation"], scope=params["scope"] or "mine")
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    openable = reading.openable_ids(actor(request), [c.pk for c in page.object_list])
    return render(request, "cases/case_list.html", {
        "page": page, "openable": openable, "params": params,
    })


@requires("cases.create")
@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    form = CaseForm(posted(request), initial={"sensitivity": "normal"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = cases.open_case(
                actor=actor(request), title=data["title"], summary=data["summary"],
                sensitivity=data["sensitivity"], classification=form.classification(),
                countries=form.countries(), request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Case %(reference)s is open, with your agency as its "
                                        "lead. Next, add the persons and the agencies taking "
                                        "part.") % {"reference": case.reference})
            return redirect("cases:case_detail", case_id=case.pk)
    return render(request, "cases/case_form.html", {"form": form, "creating": True})


@requires("cases.view")
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    reason_form = ReasonForm(request.POST if request.method == "POST" else None)
    if reason_form.is_valid():
        restricted.remember(request, case_id, reason_form.cleaned_data["reason"])
        return redirect("cases:case_detail", case_id=case_id)
    try:
        return case_page(request, case_id)
    except restricted.ReasonRequired:
        return render(request, "cases/case_reason.html", {"form": reason_form})


def case_page(request: HttpRequest, case_id: int, **bound: Any) -> HttpResponse:
    """The case page; a form that failed is shown in place, open, with what was typed and
    its errors beside each field (``bound``), instead of being lost in a redirect."""
    shown = reading.page(actor(request), case_id, request=request)
    agency_ids = [p.agency_id for p in shown.participants]
    task_form = TaskForm(auto_id="task-%s", agency_ids=agency_ids)
    context: dict[str, Any] = {
        "page": shown, "case": shown.case, "note_form": NoteForm(auto_id="note-%s"),
        "agency_form": AgencyJoinForm(auto_id="agency-%s"), "task_form": task_form,
        "status_form": StatusForm(auto_id="status-%s",
                                  initial={"version": shown.case.version}),
        "upload_errors": [], "kept": {}, **bound,
    }
    return render(request, "cases/case_detail.html", context)


@requires("cases.view")
@require_http_methods(["GET", "POST"])
def case_reason(request: HttpRequest, case_id: int) -> HttpResponse:
    """Say why before a highly restricted case's person or document is shown, then go on."""
    reading.get_openable(actor(request), case_id)
    back = safe_next(request, reverse("cases:case_detail", args=[case_id]),
                     target=request.GET.get("next", ""))
    form = ReasonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        restricted.remember(request, case_id, form.cleaned_data["reason"])
        return redirect(back)
    return render(request, "cases/case_reason.html", {"form": form})


@requires("cases.edit")
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case, summary_shown = reading.for_editing(actor(request), case_id, request)
    initial = {"title": case.title, "summary": case.summary, "sensitivity": case.sensitivity,
               "version": case.version, **cases.classification_of(case),
               **{f"countries_{role}": codes for role, codes in cases.countries_of(case).items()}}
    form = CaseForm(posted(request), initial=initial)
    if not summary_shown:
        del form.fields["summary"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        summary = {"summary": data["summary"]} if summary_shown else {}
        try:
            cases.update(case, actor=actor(request), version=data["version"] or 0,
                         request=request, title=data["title"], **summary,
                         sensitivity=data["sensitivity"], classification=form.classification(),
                         countries=form.countries())
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Case %(reference)s is saved. The agencies taking part "
                                        "see the change in its timeline.")
                             % {"reference": case.reference})
            return redirect("cases:case_detail", case_id=case.pk)
    return render(request, "cases/case_form.html", {"form": form, "case": case})


@requires("cases.edit")
@require_POST
def case_status(request: HttpRequest, case_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    form = StatusForm(request.POST, auto_id="status-%s")
    if not form.is_valid():
        return case_page(request, case.pk, status_form=form)
    data = form.cleaned_data
    try:
        case = cases.set_status(case, data["status"], actor=actor(request),
                                version=data["version"], reason=data["reason"],
                                note=data["note"], request=request)
    except ServiceError as exc:
        show(form, exc)
        return case_page(request, case.pk, status_form=form)
    messages.success(request, _("Case %(reference)s is now “%(status)s”. The agencies taking "
                                "part see it in the case's timeline.")
                     % {"reference": case.reference,
                        "status": vocab_label(case.status, "case_statuses")})
    return redirect("cases:case_detail", case_id=case.pk)


@requires("cases.edit")
@require_POST
def agency_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    form = AgencyJoinForm(request.POST, auto_id="agency-%s")
    if not form.is_valid():
        return case_page(request, case.pk, agency_form=form)
    try:
        cases.add_agency(case, form.cleaned_data["agency"], form.cleaned_data["role"],
                         actor=actor(request), request=request)
    except ServiceError as exc:
        show(form, exc)
        return case_page(request, case.pk, agency_form=form)
    messages.success(request, _("%(agency)s takes part in the case as %(role)s. Its users "
                                "now see the case and can be given tasks.")
                     % {"agency": form.cleaned_data["agency"].name,
                        "role": vocab_label(form.cleaned_data["role"], "case_agency_roles")})
    return redirect("cases:case_detail", case_id=case.pk)


@requires("cases.edit")
@require_POST
def agency_remove(request: HttpRequest, case_id: int, participant_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    participant = get_object_or_404(case.participants.filter(left_at__isnull=True),
                                    pk=participant_id)
    try:
        cases.remove_agency(case, participant, actor=actor(request), request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("cases:case_detail", case_id=case.pk)


@requires("cases.edit")
@require_POST
def document_upload(request: HttpRequest, case_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ServiceError(_("Choose a file."), field="file")
        documents.attach(case, upload.name or "", upload, actor=actor(request), request=request,
                         concerns=_concerns(request))
    except ServiceError as exc:
        return case_page(request, case.pk, upload_errors=[exc.message],
                         kept={"upload": request.POST.getlist("concerns")})
    messages.success(request, _("The document %(name)s is attached. Those who may see the "
                                "persons it concerns can download it.")
                     % {"name": upload.name})
    return redirect("cases:case_detail", case_id=case.pk)


@requires("cases.view")
def document_download(request: HttpRequest, document_id: int) -> FileResponse:
    document = get_object_or_404(documents.listing(), pk=document_id)
    stream = documents.open_for_download(document, actor=actor(request), request=request)
    return FileResponse(stream, as_attachment=True, filename=document.name,
                        content_type=document.content_type)


@requires("cases.edit")
@require_POST
def case_note(request: HttpRequest, case_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    form = NoteForm(request.POST, auto_id="note-%s")
    kept = {"note": request.POST.getlist("concerns")}
    if not form.is_valid():
        return case_page(request, case.pk, note_form=form, kept=kept)
    try:
        timeline.add_note(case, form.cleaned_data["text"], actor=actor(request),
                          request=request, concerns=_concerns(request))
    except ServiceError as exc:
        show(form, exc)
        return case_page(request, case.pk, note_form=form, kept=kept)
    messages.success(request, _("Your note is added to the case's timeline."))
    return redirect("cases:case_detail", case_id=case.pk)
