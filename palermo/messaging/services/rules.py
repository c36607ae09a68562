"""Who may write to whom, and what a message must carry. The relations between agency kinds
are data (vocab/messaging_relations.yaml); a refusal says which recipient and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.messaging.models import LINK_TYPES
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import Agency, User

MAX_SUBJECT = 200
MAX_BODY = 100_000
MAX_TEXT = 2_000
MAX_ATTACHMENTS = 10


def max_attachment_bytes() -> int:
    return int(getattr(settings, "PALERMO_MESSAGE_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))


def require_use(user: User) -> None:
    if not user.has_perm("messaging.use"):
        raise NotAllowed(_("Your roles do not allow messaging."))


def kinds_reachable(kind: str) -> list[str]:
    relations = registry.get("messaging_relations")
    if kind not in relations:
        return []
    return list(relations.get(kind).extra.get("may_message_codes") or [])


def check_relation(sender: Agency, recipient: Agency) -> None:
    """Raise naming the recipient and the rule when ``sender`` may not write to it."""
    if sender.pk == recipient.pk or recipient.kind in kinds_reachable(sender.kind):
        return
    kinds = registry.get("agency_kinds")
    language = get_language() or "en"

    def name(code: str) -> str:
        return kinds.get(code).label(language) if code in kinds else code

    allowed = ", ".join(name(c) for c in kinds_reachable(sender.kind)) or _("none")
    raise ServiceError(
        _("%(sender)s (%(sender_kind)s) may not write to %(recipient)s (%(recipient_kind)s) "
          "directly. The messaging rules let it write to: %(allowed)s.")
        % {"sender": sender.name, "sender_kind": name(sender.kind), "recipient": recipient.name,
           "recipient_kind": name(recipient.kind), "allowed": allowed},
        field="recipients")


@dataclass
class Content:
    """What the writer gave, checked; every service that writes a message takes one."""

    body: str
    handling_code: str = "H0"
    restriction: str = ""
    reliability: str = "X"
    accuracy: str = "4"
    ack_due: dt.date | None = None
    attachments: list[tuple[str, bytes]] = field(default_factory=list)


def check_content(content: Content) -> Content:
    body = (content.body or "").strip()
    if not body:
        raise ServiceError(_("Write the message."), field="body")
    if len(body) > MAX_BODY:
        raise ServiceError(_("A message has at most %(n)d characters.") % {"n": MAX_BODY},
                           field="body")
    codes = registry.get("handling_codes")
    if content.handling_code not in codes:
        raise ServiceError(_("“%(code)s” is not a handling code; choose one of %(codes)s.")
                           % {"code": content.handling_code, "codes": ", ".join(codes.codes())},
                           field="handling_code")
    restriction = (content.restriction or "").strip()
    if codes.get(content.handling_code).extra.get("needs_restriction") and not restriction:
        raise ServiceError(_("Handling code %(code)s needs the restriction stated.")
                           % {"code": content.handling_code}, field="restriction")
    if len(restriction) > MAX_TEXT:
        raise ServiceError(_("At most %(n)d characters.") % {"n": MAX_TEXT}, field="restriction")
    for name, vocabulary in (("reliability", "source_reliability"),
                             ("accuracy", "information_accuracy")):
        if getattr(content, name) not in registry.get(vocabulary):
            raise ServiceError(_("“%(code)s” is not a known code for %(field)s.")
                               % {"code": getattr(content, name), "field": name}, field=name)
    if content.ack_due is not None and content.ack_due < timezone.localdate():
        raise ServiceError(_("The acknowledgement cannot be due in the past."), field="ack_due")
    check_attachments(content.attachments)
    content.body, content.restriction = body, restriction
    return content


def check_attachments(attachments: Iterable[tuple[str, bytes]]) -> None:
    attachments = list(attachments)
    if len(attachments) > MAX_ATTACHMENTS:
        raise ServiceError(_("At most %(n)d attachments.") % {"n": MAX_ATTACHMENTS},
                           field="attachment")
    limit = max_attachment_bytes()
    for name, data in attachments:
        if not name.strip():
            raise ServiceError(_("An attachment needs a name."), field="attachment")
        if not data:
            raise ServiceError(_("The attachment “%(name)s” is empty.") % {"name": name},
                               field="attachment")
        if len(data) > limit:
            raise ServiceError(_("The attachment “%(name)s” is larger than %(mb)d MB.")
                               % {"name": name, "mb": limit // (1024 * 1024)},
                               field="attachment")


def check_subject(subject: str) -> str:
    subject = (subject or "").strip()
    if not subject:
        raise ServiceError(_("Give the message a subject."), field="subject")
    if len(subject) > MAX_SUBJECT:
        raise ServiceError(_("A subject has at most %(n)d characters.") % {"n": MAX_SUBJECT},
                           field="subject")
    return subject


def check_link(link_type: str, link_ref: str) -> tuple[str, str]:
    link_type, link_ref = (link_type or "").strip(), (link_ref or "").strip()
    if link_type and link_type not in LINK_TYPES:
        raise ServiceError(_("A message is linked to a case, a notice or a referral."),
                           field="link_type")
    if link_type and not link_ref:
        raise ServiceError(_("Give the reference of the %(type)s.") % {"type": link_type},
                           field="link_ref")
    if link_ref and not link_type:
        raise ServiceError(_("Say what the reference is: a case, a notice or a referral."),
                           field="link_type")
    if len(link_ref) > 64:
        raise ServiceError(_("At most %(n)d characters.") % {"n": 64}, field="link_ref")
    return link_type, link_ref
