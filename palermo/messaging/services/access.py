"""Who sees what in messaging: the threads and messages a user takes part in, whether they
wrote a message (and so decide its forwarding), and the forward requests they see. Reading,
forwarding and sending all ask here, so that none of them reaches into another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404

from palermo.messaging import crypto
from palermo.messaging.models import (
    ForwardRequest,
    ForwardState,
    Message,
    Participant,
    Thread,
    purpose,
)
from palermo.messaging.services import rules
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


def participating(user: User) -> Q:
    """Participants that are ``user``, in person or through their agency."""
    return Q(user=user) | Q(agency_id=user.agency_id)


def visible_threads(user: User) -> QuerySet[Thread]:
    """The threads ``user`` takes part in, in person or through their agency."""
    rules.require_use(user)
    return Thread.objects.filter(
        pk__in=Participant.objects.filter(participating(user)).values("thread_id"))


def visible_messages(user: User) -> QuerySet[Message]:
    return Message.objects.filter(thread__in=visible_threads(user))


def get_message(user: User, message_id: int) -> Message:
    message = visible_messages(user).select_related("thread", "sender", "sender_agency") \
        .filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message


ORIGINATOR = "originator"
ALLOWED = "allowed"
NEEDS_PERMISSION = "needs_permission"


def is_originator(message: Message, user: User) -> bool:
    return message.sender_id == user.pk or (
        message.sender_agency_id is not None and message.sender_agency_id == user.agency_id)


def _needs_permission(message: Message) -> bool:
    codes = registry.get("handling_codes")
    return message.handling_code not in codes or bool(
        codes.get(message.handling_code).extra.get("forward_needs_permission"))


def forward_status(message: Message, user: User) -> str:
    """``originator``, ``allowed``, ``needs_permission`` or the state of the user's agency's
    latest request (``pending``, ``granted``, ``refused``)."""
    if is_originator(message, user):
        return ORIGINATOR
    if not _needs_permission(message):
        return ALLOWED
    latest = ForwardRequest.objects.filter(message=message, agency_id=user.agency_id).first()
    return latest.state if latest else NEEDS_PERMISSION


def requests_for(thread: Thread, user: User) -> list[tuple[ForwardRequest, str, bool]]:
    """The thread's forward requests ``user`` may see: their agency's own, and those they
    decide as originator; each with its reason and whether ``user`` may decide it."""
    keys = crypto.keyring()
    found = ForwardRequest.objects.select_related("agency", "requested_by", "message").filter(
        message__thread=thread).filter(
        Q(agency_id=user.agency_id) | Q(message__sender=user)
        | Q(message__sender_agency_id=user.agency_id))
    return [(r, keys.open(r.reason, r.key_id, purpose(ForwardRequest, "reason")),
             r.state == ForwardState.PENDING and is_originator(r.message, user))
            for r in found]
