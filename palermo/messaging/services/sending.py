"""Starting a thread, answering in one, and system messages to an agency."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services import agencies as agency_services
from palermo.access.services import users as user_services
from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.messaging import crypto
from palermo.messaging.models import (
    Attachment,
    Message,
    Participant,
    PartnerGroup,
    Thread,
    purpose,
)
from palermo.messaging.services import rules
from palermo.messaging.services.access import visible_threads
from palermo.messaging.services.rules import Content

if TYPE_CHECKING:
    from palermo.access.models import Agency, User


@dataclass
class Recipients:
    users: list[int] = field(default_factory=list)
    agencies: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Taking:
    user: User | None
    agency: Agency | None
    group: PartnerGroup | None


def _unknown(kind: str, wanted: list[int], found: set[int]) -> None:
    missing = sorted(set(wanted) - found)
    if missing:
        raise ServiceError(_("There is no %(kind)s number %(id)s to write to.")
                           % {"kind": kind, "id": missing[0]}, field="recipients")


def check_recipients(actor: User, recipients: Recipients) -> None:
    """Refuse, naming why, recipients the messaging rules do not let ``actor`` reach."""
    _resolve(actor, recipients)


def _resolve(actor: User, recipients: Recipients) -> list[_Taking]:
    """The participants besides the writer, each checked against the messaging rules."""
    taking: dict[tuple[str, int], _Taking] = {}
    users = list(user_services.listing(include_disabled=False).select_related("agency")
                 .filter(pk__in=recipients.users))
    _unknown(_("user"), recipients.users, {u.pk for u in users})
    for user in users:
        if user.pk == actor.pk:
            continue
        if not user.has_perm("messaging.use"):
            raise ServiceError(_("%(name)s's roles do not allow messaging.")
                               % {"name": user.full_name}, field="recipients")
        rules.check_relation(actor.agency, user.agency)
        taking[("user", user.pk)] = _Taking(user, None, None)
    found = list(agency_services.listing().filter(pk__in=recipients.agencies, active=True))
    _unknown(_("agency"), recipients.agencies, {a.pk for a in found})
    for agency in found:
        rules.check_relation(actor.agency, agency)
        taking[("agency", agency.pk)] = _Taking(None, agency, None)
    groups = list(PartnerGroup.objects.prefetch_related("agencies")
                  .filter(pk__in=recipients.groups))
    _unknown(_("group"), recipients.groups, {g.pk for g in groups})
    for group in groups:
        for agency in group.agencies.all():
            if not agency.active:
                continue
            rules.check_relation(actor.agency, agency)
            taking.setdefault(("agency", agency.pk), _Taking(None, agency, group))
    if not taking:
        raise ServiceError(_("Choose at least one recipient."), field="recipients")
    return list(taking.values())


def recipient_choices(actor: User) -> tuple[list[User], list[Agency], list[PartnerGroup]]:
    """Whom ``actor`` may start a thread with, for the compose and forward forms."""
    rules.require_use(actor)
    kinds = rules.kinds_reachable(actor.agency.kind)
    agencies = list(agency_services.listing().filter(active=True).filter(
        Q(kind__in=kinds) | Q(pk=actor.agency_id)))
    allowed = {a.pk for a in agencies}
    users = [u for u in user_services.listing(include_disabled=False).select_related("agency")
             .filter(agency_id__in=allowed).exclude(pk=actor.pk).order_by("full_name")
             if u.has_perm("messaging.use")]
    groups = [g for g in PartnerGroup.objects.prefetch_related("agencies")
              if all(a.pk in allowed for a in g.agencies.all() if a.active)]
    return users, agencies, groups


def _write(thread: Thread, sender: User | None, content: Content, *, note: str = "",
           forwarded_from: Message | None = None) -> Message:
    keys = crypto.keyring()
    message = Message.objects.create(
        thread=thread, sender=sender, sender_agency=getattr(sender, "agency", None),
        body=keys.seal(content.body, purpose(Message, "body")),
        note=keys.seal(note, purpose(Message, "note")),
        restriction=keys.seal(content.restriction, purpose(Message, "restriction")),
        key_id=keys.current, handling_code=content.handling_code,
        reliability=content.reliability, accuracy=content.accuracy, ack_due=content.ack_due,
        forwarded_from=forwarded_from)
    for name, data in content.attachments:
        Attachment.objects.create(
            message=message, name=keys.seal(name, purpose(Attachment, "name")),
            content=keys.seal(data, purpose(Attachment, "content")), key_id=keys.current,
            size=len(data))
    Thread.objects.filter(pk=thread.pk).update(last_message_at=message.created_at)
    return message


def _detail(message: Message, thread: Thread, *, attachments: int | None = None,
            participants: list[str] | None = None) -> dict[str, object]:
    """What was sent, never what it says. A caller that has just written the message may
    give its attachments' count and participants instead of reading them back."""
    if attachments is None:
        attachments = len(message.attachments.all())
    if participants is None:
        participants = [f"{'user' if p.user_id else 'agency'}:{p.user_id or p.agency_id}"
                        for p in thread.participants.all()]
    return {"thread": thread.pk, "handling_code": message.handling_code,
            "reliability": message.reliability, "accuracy": message.accuracy,
            "ack_due": str(message.ack_due or ""), "attachments": attachments,
            "link": f"{thread.link_type}:{thread.link_ref}" if thread.link_type else "",
            "participants": sorted(participants)}


def _checked(actor: User, subject: str, content: Content, recipients: Recipients,
             link_type: str, link_ref: str
             ) -> tuple[list[_Taking], str, Content, tuple[str, str]]:
    """What a new thread will hold, checked; every fault at once (``rules.Refusals``)."""
    rules.require_use(actor)
    faults = rules.Faults()
    taking = faults.check(_resolve, actor, recipients)
    checked_subject = faults.check(rules.check_subject, subject)
    checked = faults.check(rules.check_content, content)
    link = faults.check(rules.check_link, link_type, link_ref)
    faults.raise_any()
    return (cast(list[_Taking], taking), cast(str, checked_subject), cast(Content, checked),
            cast(tuple[str, str], link))


def check_new(*, actor: User, subject: str, content: Content, recipients: Recipients,
              link_type: str = "", link_ref: str = "") -> None:
    """Refuse, naming every fault, what ``start`` would refuse; nothing is written. For a
    page whose own checks failed, so that the writer still sees every other fault."""
    _checked(actor, subject, content, recipients, link_type, link_ref)


def start(*, actor: User, subject: str, content: Content, recipients: Recipients,
          link_type: str = "", link_ref: str = "", request: HttpRequest | None = None,
          forwarded_from: Message | None = None, note: str = "") -> Message:
    """A new thread from ``actor`` to the recipients the messaging rules allow."""
    taking, subject, content, (link_type, link_ref) = _checked(
        actor, subject, content, recipients, link_type, link_ref)
    with transaction.atomic():
        keys = crypto.keyring()
        thread = Thread.objects.create(subject=keys.seal(subject, purpose(Thread, "subject")),
                                       key_id=keys.current, link_type=link_type,
                                       link_ref=link_ref, created_by=actor)
        Participant.objects.create(thread=thread, user=actor, is_originator=True)
        Participant.objects.bulk_create(
            Participant(thread=thread, user=t.user, agency=t.agency, group=t.group)
            for t in taking)
        message = _write(thread, actor, content, note=note, forwarded_from=forwarded_from)
        action = "message.forward" if forwarded_from else "message.send"
        detail = _detail(message, thread)
        if forwarded_from:
            detail["forwarded_from"] = forwarded_from.pk
        audit.record(action, actor=actor, request=request, object_type="message",
                     object_id=message.pk, detail=detail)
    return message


def reply(thread: Thread, *, actor: User, content: Content,
          request: HttpRequest | None = None) -> Message:
    """An answer to everyone in the thread; whoever takes part may answer."""
    rules.require_use(actor)
    if not visible_threads(actor).filter(pk=thread.pk).exists():
        raise NotAllowed(_("You do not take part in this thread."))
    if thread.created_by_id is None:
        raise ServiceError(_("This is a message from the system; it cannot be answered."),
                           field="body")
    content = rules.check_content(content)
    with transaction.atomic():
        message = _write(thread, actor, content)
        audit.record("message.send", actor=actor, request=request, object_type="message",
                     object_id=message.pk, detail=_detail(message, thread))
    return message


def notify_agency(agency: Agency, subject: str, body: str, *, link_type: str = "",
                  link_ref: str = "", handling_code: str = "H0",
                  restriction: str = "") -> Message:
    """A message from Palermo itself to every user of ``agency``, for other capabilities
    (travel alerts, screening alerts). The messaging rules do not apply: no agency writes it.
    """
    subject = rules.check_subject(subject)
    content = rules.check_content(Content(body=body, handling_code=handling_code,
                                          restriction=restriction))
    link_type, link_ref = rules.check_link(link_type, link_ref)
    with transaction.atomic():
        keys = crypto.keyring()
        thread = Thread.objects.create(subject=keys.seal(subject, purpose(Thread, "subject")),
                                       key_id=keys.current, link_type=link_type,
                                       link_ref=link_ref, created_by=None)
        Participant.objects.create(thread=thread, agency=agency)
        message = _write(thread, None, content)
        # Written here a moment ago: one agency, no attachment (a screening hit's
        # notification holds the write lock, so no query is spent reading them back).
        audit.record("message.send", object_type="message", object_id=message.pk,
                     actor_label="system", detail=_detail(
                         message, thread, attachments=0, participants=[f"agency:{agency.pk}"]))
    return message
