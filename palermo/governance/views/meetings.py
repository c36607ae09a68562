"""One meeting: agenda, attendees, documents, minutes and decisions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.governance.forms import (
    AttendeeForm,
    CorrectionForm,
    DecisionForm,
    DocumentForm,
    MeetingForm,
    MinutesForm,
)
from palermo.governance.models import Meeting
from palermo.governance.services import actions, documents, meetings, minutes, plan
from palermo.guards import actor, requires
from palermo.web.forms import parse_int, save, show


def _number(value: str | None) -> int:
    return parse_int(value, 0)


def _meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return get_object_or_404(meetings.listing(actor(request)), pk=meeting_id)


def _back(meeting: Meeting) -> HttpResponse:
    return redirect("governance:meeting", meeting_id=meeting.pk)


def decision_form(request: HttpRequest, data: Any = None) -> DecisionForm:
    form = DecisionForm(data, auto_id="decision_%s")
    choices = [("", "—"), *((a.pk, f"{a.goal.title} › {a.title}")
                           for a in plan.actions(actor(request)))]
    form.fields["item_plan_action"].choices = choices  # type: ignore[attr-defined]
    return form


@requires("governance.view")
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_page(request, _meeting(request, meeting_id))


def _meeting_page(request: HttpRequest, meeting: Meeting, sent: dict[str, Any] | None = None,
                  status: int = 200) -> HttpResponse:
    """The meeting's page; ``sent`` holds a form posted with a mistake (by its name in the
    page), shown with its errors next to its fields and what was typed."""
    user = actor(request)
    draft = minutes.draft_of(meeting)
    return render(request, "governance/meeting.html", {
        "meeting": meeting,
        "agenda": [line for line in meeting.agenda.splitlines() if line.strip()],
        "attendees": list(meeting.attendees.select_related("agency")),
        "documents": list(meeting.documents.all()),
        "versions": minutes.versions(meeting, user), "draft": draft,
        "decisions": list(meeting.decisions.prefetch_related(
            "action_items__owner_agency")),
        "attendee_form": AttendeeForm(auto_id="attendee_%s"),
        "document_form": DocumentForm(auto_id="document_%s"),
        "minutes_form": MinutesForm(initial={"text": draft.text if draft else ""},
                                    auto_id="minutes_%s"),
        "correction_form": CorrectionForm(auto_id="correction_%s"),
        "decision_form": decision_form(request), **(sent or {})}, status=status)


@requires("governance.edit")
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = actor(request)
    meeting = _meeting(request, meeting_id)
    form = MeetingForm(request.POST or None, initial={
        name: getattr(meeting, name) for name in meetings.FIELDS})
    version = _number(request.POST.get("version")) or meeting.version
    done = save(request, form, lambda **f: meetings.update(
        meeting, actor=user, version=version, request=request, **f), _("Changes saved."),
        lambda m: ("governance:meeting", {"meeting_id": m.pk}))
    return done or render(request, "governance/form.html", {
        "form": form, "record": meeting, "title": _("Change the meeting")})


@requires("governance.edit")
@require_POST
def attendee_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    form = AttendeeForm(request.POST, auto_id="attendee_%s")
    if form.is_valid():
        try:
            meetings.add_attendee(meeting, actor=actor(request), request=request,
                                  **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Attendee added."))
            return _back(meeting)
    return _meeting_page(request, meeting, {"attendee_form": form}, status=400)


@requires("governance.edit")
@require_POST
def document_upload(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("File: choose a file to upload."))
        return _back(meeting)
    try:
        documents.attach(meeting, upload.name or "", upload, actor=actor(request),
                         request=request)
    except ServiceError as exc:
        messages.error(request, _("File: %(error)s") % {"error": exc.message})
    else:
        messages.success(request, _("Document attached."))
    return _back(meeting)


@requires("governance.view")
def document_download(request: HttpRequest, meeting_id: int,
                      meeting_document_id: int) -> FileResponse:
    meeting = _meeting(request, meeting_id)
    document = get_object_or_404(meeting.documents.all(), pk=meeting_document_id)
    stream = documents.open_for_download(document, actor=actor(request), request=request)
    return FileResponse(stream, as_attachment=True, filename=document.name,
                        content_type=document.content_type)


@requires("governance.edit")
@require_POST
def minutes_save(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    version = request.POST.get("version")
    try:
        minutes.save_draft(meeting, request.POST.get("text", ""), actor=actor(request),
                           version=_number(version) if version else None, request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Minutes saved."))
    return _back(meeting)


@requires("governance.approve_minutes")
@require_POST
def minutes_approve(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    draft = minutes.draft_of(meeting)
    try:
        if draft is None:
            raise ServiceError(_("There is no draft to approve."), field="state")
        minutes.approve(draft, actor=actor(request), request=request,
                        version=_number(request.POST.get("version")))
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Minutes approved and locked."))
    return _back(meeting)


@requires("governance.edit")
@require_POST
def minutes_correct(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    try:
        minutes.correct(meeting, actor=actor(request), reason=request.POST.get("reason", ""),
                        request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("A new version is open for the correction."))
    return _back(meeting)


@requires("governance.edit")
@require_POST
def decision_create(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = actor(request)
    meeting = _meeting(request, meeting_id)
    form = decision_form(request, request.POST)
    if not form.is_valid():
        return _meeting_page(request, meeting, {"decision_form": form}, status=400)
    data = form.cleaned_data
    items = []
    if data["item_title"] or data["item_agency"] or data["item_deadline"]:
        chosen = plan.actions(user).filter(pk=data["item_plan_action"]).first() \
            if data["item_plan_action"] else None
        items.append(actions.ItemSpec(title=data["item_title"],
                                      owner_agency=data["item_agency"],
                                      deadline=data["item_deadline"],
                                      owner=data["item_owner"], plan_action=chosen))
    try:
        actions.record_decision(meeting, data["text"], items, actor=user, request=request)
    except ServiceError as exc:
        # The service names the action item's fields as the item has them.
        field = {"title": "item_title", "owner_agency": "item_agency",
                 "deadline": "item_deadline", "owner": "item_owner",
                 "text": "text"}.get(exc.field or "")
        form.add_error(field, exc.message)
        return _meeting_page(request, meeting, {"decision_form": form}, status=400)
    messages.success(request, _("Decision recorded."))
    return _back(meeting)
