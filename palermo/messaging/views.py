"""Messaging pages: inbox, thread (with reply, acknowledge, forward permission), compose,
forward and attachment download."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.messaging import services
from palermo.messaging.forms import ComposeForm, ForwardForm, PermissionForm, ReplyForm, show
from palermo.messaging.models import LINK_TYPES


def _told(ack_due: object) -> str:
    """What comes next, for a confirmation."""
    return _("This page shows when they read it and acknowledge it.") if ack_due \
        else _("This page shows when they read it.")


@requires("messaging.use")
def inbox(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    return render(request, "messaging/inbox.html", {
        "lines": services.inbox(user),
        "decisions": services.decidable(user).count()})


@requires("messaging.use")
@require_http_methods(["GET", "POST"])
def compose(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    initial = {}
    if request.GET.get("link_type") in LINK_TYPES:
        initial = {"link_type": request.GET["link_type"],
                   "link_ref": request.GET.get("link_ref", "")[:64]}
    form = ComposeForm(request.POST or None, request.FILES or None, actor=user,
                       initial=initial)
    if request.method == "POST":
        valid = form.is_valid()
        try:
            if not valid:  # the service's checks still run, so every fault shows at once
                services.check_new(actor=user, subject=form.cleaned_data.get("subject", ""),
                                   content=form.content(), recipients=form.recipients(),
                                   link_type=form.cleaned_data.get("link_type", ""),
                                   link_ref=form.cleaned_data.get("link_ref", ""))
            else:
                message = services.start(
                    actor=user, subject=form.cleaned_data["subject"], content=form.content(),
                    recipients=form.recipients(), link_type=form.cleaned_data["link_type"],
                    link_ref=form.cleaned_data["link_ref"], request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            if valid:
                messages.success(request, " ".join((
                    _("Your message “%(subject)s” was sent to %(names)s.") % {
                        "subject": form.cleaned_data["subject"].strip(),
                        "names": ", ".join(form.recipient_names())},
                    _told(form.cleaned_data["ack_due"]))))
                return redirect("messaging:thread", thread_id=message.thread_id)
        return render(request, "messaging/compose.html", {"form": form}, status=400)
    return render(request, "messaging/compose.html", {"form": form})


@requires("messaging.use")
def thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    page = services.open_thread(thread_id, actor=actor(request), request=request)
    return render(request, "messaging/thread.html", {
        "page": page, "form": ReplyForm(), "permission_form": PermissionForm()})


@requires("messaging.use")
@require_POST
def reply(request: HttpRequest, thread_id: int) -> HttpResponse:
    user = actor(request)
    found = services.visible_threads(user).filter(pk=thread_id).first()
    form = ReplyForm(request.POST, request.FILES)
    valid = form.is_valid()
    if found is not None:
        try:
            if not valid:
                services.check_content(form.content())
            else:
                services.reply(found, actor=user, content=form.content(), request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            if valid:
                messages.success(request, " ".join((
                    _("Your answer was sent to everyone taking part in this thread."),
                    _told(form.cleaned_data["ack_due"]))))
                return redirect("messaging:thread", thread_id=thread_id)
    page = services.open_thread(thread_id, actor=user, request=request)
    return render(request, "messaging/thread.html", {
        "page": page, "form": form, "permission_form": PermissionForm()}, status=400)


@requires("messaging.use")
@require_http_methods(["GET", "POST"])
def forward(request: HttpRequest, message_id: int) -> HttpResponse:
    user = actor(request)
    message = services.get_message(user, message_id)
    form = ForwardForm(request.POST or None, actor=user)
    status = services.forward_status(message, user)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.forward(message, actor=user, recipients=form.recipients(),
                                    note=form.cleaned_data["note"], request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, " ".join((
                _("The message was forwarded to %(names)s, with its handling code "
                  "%(code)s.") % {"names": ", ".join(form.recipient_names()),
                                  "code": message.handling_code},
                _("This page shows when they read it."))))
            return redirect("messaging:thread", thread_id=sent.thread_id)
    return render(request, "messaging/forward.html", {
        "form": form, "message": message, "status": status})


@requires("messaging.use")
@require_POST
def ask_permission(request: HttpRequest, message_id: int) -> HttpResponse:
    user = actor(request)
    message = services.get_message(user, message_id)
    try:
        services.ask_permission(message, actor=user, reason=request.POST.get("reason", ""),
                                request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your request was sent to the originator."))
    return redirect("messaging:thread", thread_id=message.thread_id)


@requires("messaging.use")
@require_POST
def decide(request: HttpRequest, forward_request_id: int) -> HttpResponse:
    user = actor(request)
    asked = services.get_request(user, forward_request_id)
    grant = request.POST.get("decision") == "grant"
    try:
        services.decide(asked, actor=user, grant=grant, request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Permission granted.") if grant
                         else _("Permission refused."))
    return redirect("messaging:thread", thread_id=asked.message.thread_id)


@requires("messaging.use")
@require_POST
def acknowledge(request: HttpRequest, message_id: int) -> HttpResponse:
    user = actor(request)
    message = services.get_message(user, message_id)
    try:
        services.acknowledge(message, actor=user, request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Acknowledged."))
    return redirect("messaging:thread", thread_id=message.thread_id)


@requires("messaging.use")
def attachment(request: HttpRequest, attachment_id: int) -> HttpResponse:
    name, data = services.attachment(attachment_id, actor=actor(request), request=request)
    response = HttpResponse(data, content_type="application/octet-stream")
    # Always a download, never shown inline: the content is whatever the writer attached.
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response
