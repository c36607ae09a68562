"""Minutes: one draft at a time, edited in place until approved; an approved version is
locked for good, and a correction starts a new version that says why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.governance.models import Meeting, Minutes

if TYPE_CHECKING:
    from palermo.access.models import User

DRAFT, APPROVED = Minutes.State.DRAFT, Minutes.State.APPROVED


def versions(meeting: Meeting, user: User) -> list[Minutes]:
    require(user, "governance.view")
    return list(meeting.minutes.select_related("written_by", "approved_by")
                .order_by("-number"))


def draft_of(meeting: Meeting) -> Minutes | None:
    return meeting.minutes.filter(state=DRAFT).first()


def _audit(minutes: Minutes, action: str, actor: User, request: HttpRequest | None,
           reason: str = "") -> None:
    audit.record(f"minutes.{action}", actor=actor, request=request, object_type="minutes",
                 object_id=minutes.pk, reason=reason, detail=_detail(minutes))


def _detail(minutes: Minutes) -> dict[str, Any]:
    return {"meeting": minutes.meeting_id, "number": minutes.number}


def save_draft(meeting: Meeting, text: str, *, actor: User, version: int | None = None,
               request: HttpRequest | None = None) -> Minutes:
    """Write the draft, starting the first version if there is none. A meeting whose last
    version is approved takes a correction (``correct``), not a new draft."""
    require(actor, "governance.edit")
    text = checks.text(text, "text")
    draft = draft_of(meeting)
    if draft is None:
        if meeting.minutes.exists():
            raise ServiceError(_("The minutes are approved and locked. Start a correction "
                                 "with its reason."), field="text")
        with transaction.atomic():
            draft = Minutes.objects.create(meeting=meeting, number=1, text=text,
                                           written_by=actor)
            _audit(draft, "create", actor, request)
        return draft
    return save_versioned(
        draft, draft.version if version is None else version,
        {"text": text, "written_by": actor, "written_at": timezone.now()}, actor=actor,
        request=request, action="minutes.update", where={"state": DRAFT},
        detail=_detail(draft), stale=_("Someone else changed or approved these minutes "
                                       "meanwhile. Reload the page."))


def approve(minutes: Minutes, *, actor: User, version: int,
            request: HttpRequest | None = None) -> Minutes:
    require(actor, "governance.approve_minutes")
    if minutes.state != DRAFT:
        raise ServiceError(_("These minutes are approved already."), field="state")
    if not minutes.text.strip():
        raise ServiceError(_("Empty minutes cannot be approved."), field="text")
    return save_versioned(
        minutes, version, {"state": APPROVED, "approved_by": actor,
                           "approved_at": timezone.now()},
        actor=actor, request=request, action="minutes.approve", where={"state": DRAFT},
        detail=_detail(minutes),
        stale=_("The minutes changed after you read them. Reload the page."))


def correct(meeting: Meeting, *, actor: User, reason: str,
            request: HttpRequest | None = None) -> Minutes:
    """A new draft version copied from the last approved one, with the reason recorded."""
    require(actor, "governance.edit")
    reason = checks.text(reason, "reason", required=True)
    if draft_of(meeting) is not None:
        raise ServiceError(_("A draft is open already; edit it."), field="reason")
    last = meeting.minutes.filter(state=APPROVED).order_by("-number").first()
    if last is None:
        raise ServiceError(_("Nothing is approved yet; edit the draft."), field="reason")
    number = (meeting.minutes.aggregate(n=Max("number"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            draft = Minutes.objects.create(meeting=meeting, number=number, text=last.text,
                                           correction_reason=reason, written_by=actor)
            _audit(draft, "correct", actor, request, reason=reason)
    except IntegrityError:
        raise StaleWrite(_("Someone else started a correction meanwhile. Reload the page.")
                         ) from None
    return draft
