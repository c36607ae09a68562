"""Forwarding under the handling codes: a message whose code needs permission (H2) is passed
on only after its originator has granted the forwarding agency's recorded request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.messaging import crypto
from palermo.messaging.models import (
    Attachment,
    ForwardRequest,
    ForwardState,
    Message,
    Thread,
    purpose,
)
from palermo.messaging.services import rules, sending
from palermo.messaging.services.access import (
    ALLOWED,
    NEEDS_PERMISSION,
    ORIGINATOR,
    forward_status,
    get_message,
    is_originator,
    visible_messages,
)
from palermo.messaging.services.rules import Content

if TYPE_CHECKING:
    from palermo.access.models import User

def forward(message: Message, *, actor: User, recipients: sending.Recipients, note: str = "",
            request: HttpRequest | None = None) -> Message:
    """A copy of the message, with its handling code and restriction, in a new thread."""
    rules.require_use(actor)
    message = get_message(actor, message.pk)
    status = forward_status(message, actor)
    if status not in (ORIGINATOR, ALLOWED, ForwardState.GRANTED):
        reason = {
            NEEDS_PERMISSION: _("ask the originator for permission first"),
            ForwardState.PENDING: _("your request for permission is still waiting for the "
                                    "originator"),
            ForwardState.REFUSED: _("the originator refused permission"),
        }.get(status, status)
        raise ServiceError(
            _("Handling code %(code)s: this message may not be passed on without the "
              "originator's permission; %(reason)s.")
            % {"code": message.handling_code, "reason": reason}, field="handling_code")
    note = (note or "").replace("\r\n", "\n").strip()
    faults = rules.Faults()
    if len(note) > rules.MAX_TEXT:
        faults.add(_("A note has at most %(n)s characters; this one has %(length)s.")
                   % {"n": f"{rules.MAX_TEXT:,}", "length": f"{len(note):,}"}, "note")
    faults.check(sending.check_recipients, actor, recipients)
    faults.raise_any()
    keys = crypto.keyring()
    thread: Thread = message.thread
    subject = keys.open(thread.subject, thread.key_id, purpose(Thread, "subject"))
    content = Content(
        body=keys.open(message.body, message.key_id, purpose(Message, "body")),
        handling_code=message.handling_code,
        restriction=keys.open(message.restriction, message.key_id,
                              purpose(Message, "restriction")),
        reliability=message.reliability, accuracy=message.accuracy,
        attachments=[(keys.open(a.name, a.key_id, purpose(Attachment, "name")),
                      keys.open_bytes(a.content, a.key_id, purpose(Attachment, "content")))
                     for a in message.attachments.all()])
    forwarded_subject = (_("Fwd: %(subject)s") % {"subject": subject})[:rules.MAX_SUBJECT]
    return sending.start(actor=actor, subject=forwarded_subject, content=content,
                         recipients=recipients, link_type=thread.link_type,
                         link_ref=thread.link_ref, request=request, forwarded_from=message,
                         note=note)


def ask_permission(message: Message, *, actor: User, reason: str,
                   request: HttpRequest | None = None) -> ForwardRequest:
    rules.require_use(actor)
    message = get_message(actor, message.pk)
    status = forward_status(message, actor)
    if status in (ORIGINATOR, ALLOWED, ForwardState.GRANTED):
        raise ServiceError(_("You may already forward this message."), field="reason")
    if status == ForwardState.PENDING:
        raise ServiceError(_("Your agency's request is already waiting for the originator."),
                           field="reason")
    if message.sender_id is None:
        raise ServiceError(_("A message from the system has nobody to give permission."),
                           field="reason")
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say to whom and why you want to pass it on."), field="reason")
    if len(reason) > rules.MAX_TEXT:
        raise ServiceError(_("At most %(n)d characters.") % {"n": rules.MAX_TEXT},
                           field="reason")
    keys = crypto.keyring()
    with transaction.atomic():
        asked = ForwardRequest.objects.create(
            message=message, agency=actor.agency, requested_by=actor, key_id=keys.current,
            reason=keys.seal(reason, purpose(ForwardRequest, "reason")))
        audit.record("message.forward_request", actor=actor, request=request,
                     object_type="message", object_id=message.pk,
                     detail={"request": asked.pk, "handling_code": message.handling_code})
    return asked


def decidable(user: User) -> QuerySet[ForwardRequest]:
    """Requests waiting for ``user`` as (a member of the agency of) the originator."""
    rules.require_use(user)
    return ForwardRequest.objects.filter(state=ForwardState.PENDING).filter(
        Q(message__sender=user) | Q(message__sender_agency_id=user.agency_id))


def get_request(user: User, request_id: int) -> ForwardRequest:
    found = ForwardRequest.objects.select_related("message", "agency").filter(
        pk=request_id, message__in=visible_messages(user)).first()
    if found is None:
        raise Http404
    return found


def decide(asked: ForwardRequest, *, actor: User, grant: bool,
           request: HttpRequest | None = None) -> ForwardRequest:
    """The originator grants or refuses; either way it is recorded and audited."""
    rules.require_use(actor)
    asked = get_request(actor, asked.pk)
    if not is_originator(asked.message, actor):
        raise NotAllowed(_("Only the originator of the message gives permission to forward "
                           "it."))
    if asked.state != ForwardState.PENDING:
        raise ServiceError(_("This request has already been answered."), field="state")
    state = ForwardState.GRANTED if grant else ForwardState.REFUSED
    with transaction.atomic():
        if not ForwardRequest.objects.filter(pk=asked.pk, state=ForwardState.PENDING).update(
                state=state, decided_by=actor, decided_at=timezone.now()):
            raise StaleWrite(_("Someone else answered this request meanwhile."))
        audit.record(f"message.forward_{'grant' if grant else 'refuse'}", actor=actor,
                     request=request, object_type="message", object_id=asked.message_id,
                     detail={"request": asked.pk, "agency": asked.agency.name})
    asked.refresh_from_db()
    return asked
