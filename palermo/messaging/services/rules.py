"""Who may write to whom, and what a message must carry. The relations between agency kinds
are data (vocab/messaging_relations.yaml); a refusal says which recipient and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
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
MAX_REF = 64
T = TypeVar("T")


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


class Refusals(ServiceError):
    """Every fault found in what a writer sent, each a ``ServiceError`` naming its field
    (``errors``), so that a page shows them all at once, each next to its field."""

    def __init__(self, errors: list[ServiceError]) -> None:
        self.errors = errors
        super().__init__(" ".join(e.message for e in errors), field=errors[0].field)


def each(error: ServiceError) -> list[ServiceError]:
    """The faults one refusal stands for."""
    return list(getattr(error, "errors", None) or [error])


class Faults:
    """Runs several checks and keeps every fault instead of stopping at the first; a refusal
    of the writer's rights (``NotAllowed``) still stops at once."""

    def __init__(self) -> None:
        self.errors: list[ServiceError] = []

    def check(self, check: Callable[..., T], *args: Any) -> T | None:
        try:
            return check(*args)
        except NotAllowed:
            raise
        except ServiceError as error:
            self.errors.extend(each(error))
            return None

    def add(self, message: str, field: str) -> None:
        self.errors.append(ServiceError(message, field=field))

    def raise_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise Refusals(self.errors)


UNKNOWN_CODE = {"handling_code": gettext_lazy("Choose the handling code from the list."),
                "reliability": gettext_lazy("Choose the source reliability from the list."),
                "accuracy": gettext_lazy("Choose the information accuracy from the list.")}


def check_content(content: Content) -> Content:
    """The content, checked; every fault at once."""
    faults = Faults()
    body = (content.body or "").replace("\r\n", "\n").strip()
    if not body:
        faults.add(_("Write the message."), "body")
    elif len(body) > MAX_BODY:
        faults.add(_("A message has at most %(n)s characters; this one has %(length)s.")
                   % {"n": f"{MAX_BODY:,}", "length": f"{len(body):,}"}, "body")
    codes = registry.get("handling_codes")
    restriction = (content.restriction or "").replace("\r\n", "\n").strip()
    if content.handling_code not in codes:
        faults.add(str(UNKNOWN_CODE["handling_code"]), "handling_code")
    elif codes.get(content.handling_code).extra.get("needs_restriction") and not restriction:
        faults.add(_("Handling code %(code)s needs the restriction stated.")
                   % {"code": content.handling_code}, "restriction")
    if len(restriction) > MAX_TEXT:
        faults.add(_("A restriction has at most %(n)s characters; this one has %(length)s.")
                   % {"n": f"{MAX_TEXT:,}", "length": f"{len(restriction):,}"}, "restriction")
    for name, vocabulary in (("reliability", "source_reliability"),
                             ("accuracy", "information_accuracy")):
        if getattr(content, name) not in registry.get(vocabulary):
            faults.add(str(UNKNOWN_CODE[name]), name)
    if content.ack_due is not None and content.ack_due < timezone.localdate():
        faults.add(_("The acknowledgement cannot be due in the past: choose today or a later "
                     "day."), "ack_due")
    faults.check(check_attachments, content.attachments)
    faults.raise_any()
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
        raise ServiceError(_("A subject has at most %(n)d characters; this one has "
                             "%(length)d.") % {"n": MAX_SUBJECT, "length": len(subject)},
                           field="subject")
    return subject


def check_link(link_type: str, link_ref: str) -> tuple[str, str]:
    link_type, link_ref = (link_type or "").strip(), (link_ref or "").strip()
    if link_type and link_type not in LINK_TYPES:
        raise ServiceError(_("A message is linked to a case, a notice or a referral."),
                           field="link_type")
    if link_type and not link_ref:
        missing = {"case": _("Give the reference of the case."),
                   "notice": _("Give the reference of the notice."),
                   "referral": _("Give the reference of the referral.")}
        raise ServiceError(missing[link_type], field="link_ref")
    if link_ref and not link_type:
        raise ServiceError(_("Say what the reference is: a case, a notice or a referral."),
                           field="link_type")
    if len(link_ref) > MAX_REF:
        raise ServiceError(_("A reference has at most %(n)d characters.") % {"n": MAX_REF},
                           field="link_ref")
    return link_type, link_ref
