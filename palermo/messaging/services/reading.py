"""Reading: the inbox, a thread (which leaves read receipts and an audit entry), unread
counts, acknowledgements and attachments. Content is decrypted here, in Python, and only for
someone who takes part in the thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.messaging import crypto
from palermo.messaging.models import (
    Acknowledgement,
    Attachment,
    ForwardRequest,
    Message,
    Participant,
    Receipt,
    Thread,
    purpose,
)
from palermo.messaging.services import rules
from palermo.messaging.services.access import (
    forward_status,
    get_message,
    participating,
    requests_for,
    visible_messages,
    visible_threads,
)

if TYPE_CHECKING:
    from palermo.access.models import User


def unread(user: User) -> QuerySet[Message]:
    return visible_messages(user).exclude(sender=user).exclude(
        Exists(Receipt.objects.filter(message=OuterRef("pk"), user=user)))


def unread_count(user: User) -> int:
    if not user.has_perm("messaging.use"):
        return 0
    return unread(user).count()


def awaiting_acknowledgement(user: User) -> QuerySet[Message]:
    """Messages that ask ``user`` (or their agency) to acknowledge, not yet acknowledged.
    The writer's own agency is not asked: it knows what it wrote."""
    in_thread = Participant.objects.filter(thread_id=OuterRef("thread_id"))
    asked = Exists(in_thread.filter(user=user)) | (
        Exists(in_thread.filter(agency_id=user.agency_id))
        & ~Q(sender_agency_id=user.agency_id))
    return visible_messages(user).filter(ack_due__isnull=False).exclude(sender=user) \
        .filter(asked).exclude(
            Exists(Acknowledgement.objects.filter(message=OuterRef("pk")).filter(
                Q(participant__user=user) | Q(participant__agency_id=user.agency_id))))


@dataclass
class ThreadLine:
    thread: Thread
    subject: str
    unread: int
    awaiting_ack: int
    overdue: bool


def inbox(user: User, limit: int = 200) -> list[ThreadLine]:
    threads = list(visible_threads(user)[:limit])
    ids = [t.pk for t in threads]
    unread_by = dict(unread(user).filter(thread_id__in=ids).values_list("thread_id")
                     .annotate(n=Count("pk")).values_list("thread_id", "n"))
    today = timezone.localdate()
    waiting: dict[int, list[dt.date]] = {}
    for thread_id, due in awaiting_acknowledgement(user).filter(thread_id__in=ids) \
            .values_list("thread_id", "ack_due"):
        if due is not None:
            waiting.setdefault(thread_id, []).append(due)
    keys = crypto.keyring()
    return [ThreadLine(t, keys.open(t.subject, t.key_id, purpose(Thread, "subject")),
                       unread_by.get(t.pk, 0), len(waiting.get(t.pk, [])),
                       any(due < today for due in waiting.get(t.pk, [])))
            for t in threads]


@dataclass
class AckLine:
    participant: Participant
    at: dt.datetime | None
    by: str
    overdue: bool


@dataclass
class MessageView:
    message: Message
    body: str
    note: str
    restriction: str
    attachments: list[tuple[int, str, int]]
    receipts: list[Receipt]
    acks: list[AckLine] = field(default_factory=list)
    can_acknowledge: bool = False
    overdue: bool = False
    forward: str = ""


@dataclass
class ThreadPage:
    thread: Thread
    subject: str
    participants: list[Participant]
    messages: list[MessageView]
    can_reply: bool
    requests: list[tuple[ForwardRequest, str, bool]]


def _asked(participant: Participant, message: Message) -> bool:
    """Whether the participant is asked to acknowledge: not the writer, nor their agency."""
    if participant.user_id is not None:
        return participant.user_id != message.sender_id
    return participant.agency_id != message.sender_agency_id


def _acks(message: Message, participants: list[Participant], user: User, today: dt.date
          ) -> tuple[list[AckLine], bool]:
    done = {a.participant_id: a for a in message.acknowledgements.all()}
    lines, mine_pending = [], False
    for participant in participants:
        if not _asked(participant, message):
            continue
        ack = done.get(participant.pk)
        due = message.ack_due
        lines.append(AckLine(participant, ack.at if ack else None,
                             ack.by.full_name if ack else "",
                             ack is None and due is not None and due < today))
        if ack is None and (participant.user_id == user.pk
                            or participant.agency_id == user.agency_id):
            mine_pending = True
    return lines, mine_pending and message.sender_id != user.pk


def open_thread(thread_id: int, *, actor: User, request: HttpRequest | None = None
                ) -> ThreadPage:
    """The whole thread, decrypted. Opening it marks its messages read and is audited."""
    thread = visible_threads(actor).filter(pk=thread_id).first()
    if thread is None:
        raise Http404
    keys = crypto.keyring()
    participants = list(thread.participants.select_related("user__agency", "agency", "group"))
    messages = list(thread.messages.select_related("sender", "sender_agency")
                    .prefetch_related("attachments", "receipts__user",
                                      "acknowledgements__by"))
    today = timezone.localdate()
    views = []
    for m in messages:
        view = MessageView(
            m, keys.open(m.body, m.key_id, purpose(Message, "body")),
            keys.open(m.note, m.key_id, purpose(Message, "note")),
            keys.open(m.restriction, m.key_id, purpose(Message, "restriction")),
            [(a.pk, keys.open(a.name, a.key_id, purpose(Attachment, "name")), a.size)
             for a in m.attachments.all()],
            list(m.receipts.all()))
        if m.ack_due is not None:
            view.acks, view.can_acknowledge = _acks(m, participants, actor, today)
            view.overdue = any(line.overdue for line in view.acks)
        view.forward = forward_status(m, actor)
        views.append(view)
    new = [m.pk for m in messages if m.sender_id != actor.pk
           and all(r.user_id != actor.pk for r in m.receipts.all())]
    with transaction.atomic():
        Receipt.objects.bulk_create([Receipt(message_id=pk, user=actor) for pk in new],
                                    ignore_conflicts=True)
        audit.record("message.read", actor=actor, request=request, object_type="thread",
                     object_id=thread.pk, detail={"messages": [m.pk for m in messages],
                                                  "first_read": new})
    return ThreadPage(thread, keys.open(thread.subject, thread.key_id,
                                        purpose(Thread, "subject")),
                      participants, views, can_reply=thread.created_by_id is not None,
                      requests=requests_for(thread, actor))


def acknowledge(message: Message, *, actor: User, request: HttpRequest | None = None
                ) -> Acknowledgement:
    rules.require_use(actor)
    message = get_message(actor, message.pk)
    if message.ack_due is None:
        raise ServiceError(_("This message asks for no acknowledgement."), field="message")
    if message.sender_id == actor.pk:
        raise ServiceError(_("The writer does not acknowledge their own message."),
                           field="message")
    participants = [p for p in Participant.objects.filter(thread_id=message.thread_id)
                    .filter(participating(actor)) if _asked(p, message)]
    # Someone written to in person acknowledges for themselves rather than for the agency.
    participants.sort(key=lambda p: p.user_id is None)
    if not participants:
        raise ServiceError(_("Your agency wrote this message; it does not acknowledge it."),
                           field="message")
    participant = participants[0]
    with transaction.atomic():
        ack, created = Acknowledgement.objects.get_or_create(
            message=message, participant=participant, defaults={"by": actor})
        if created:
            audit.record("message.acknowledge", actor=actor, request=request,
                         object_type="message", object_id=message.pk,
                         detail={"participant": participant.pk,
                                 "due": str(message.ack_due),
                                 "late": timezone.localdate() > message.ack_due})
    return ack


def attachment(attachment_id: int, *, actor: User, request: HttpRequest | None = None
               ) -> tuple[str, bytes]:
    found = Attachment.objects.filter(pk=attachment_id,
                                      message__in=visible_messages(actor)).first()
    if found is None:
        raise Http404
    keys = crypto.keyring()
    with transaction.atomic():
        audit.record("message.attachment_read", actor=actor, request=request,
                     object_type="attachment", object_id=found.pk,
                     detail={"message": found.message_id, "size": found.size})
    return (keys.open(found.name, found.key_id, purpose(Attachment, "name")),
            keys.open_bytes(found.content, found.key_id, purpose(Attachment, "content")))
