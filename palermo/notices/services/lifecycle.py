"""A published notice's life after review: suspension (up to six months), withdrawal by the
issuer, cancellation by a reviewer, renewal with a new review, and expiry. Whenever a notice
stops being in force its subject leaves the watch list, and comes back when it resumes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.core.checks import require
from palermo.notices.models import Notice, NoticeState
from palermo.notices.services.common import move, require_issuer, unwatch, watch

if TYPE_CHECKING:
    from palermo.access.models import User

MAX_SUSPENSION = dt.timedelta(days=183)
RENEWAL_WINDOW = dt.timedelta(days=183)
ENDED = (NoticeState.WITHDRAWN, NoticeState.CANCELLED, NoticeState.EXPIRED)


MAX_REASON = 1000


def _reason(reason: str, field: str = "reason") -> str:
    if not reason.strip():
        raise ServiceError(_("Give the reason; it goes to the audit log."), field=field)
    if len(reason.strip()) > MAX_REASON:
        raise ServiceError(_("Say it in at most %(n)d characters.") % {"n": MAX_REASON},
                           field=field)
    return reason.strip()


def suspend(notice: Notice, *, actor: User, until: dt.date, reason: str,
            request: HttpRequest | None = None) -> Notice:
    require_issuer(notice, actor)
    reason = _reason(reason)
    if notice.state != NoticeState.PUBLISHED:
        raise ServiceError(_("Only a published notice is suspended."), field="state")
    today = timezone.localdate()
    if not today < until <= today + MAX_SUSPENSION:
        raise ServiceError(_("A suspension ends in the future and lasts at most six months."),
                           field="until")
    with transaction.atomic():
        unwatch(notice)
        return move(notice, NoticeState.SUSPENDED, actor=actor, action="suspend",
                    request=request, reason=reason, suspended_until=until,
                    watched_person_id=None)


def resume(notice: Notice, *, actor: User | None, reason: str = "",
           request: HttpRequest | None = None) -> Notice:
    """Back in force, and its subject back on the watch list; ``actor`` None is the sweep."""
    if actor is not None:
        require_issuer(notice, actor)
    if notice.state != NoticeState.SUSPENDED:
        raise ServiceError(_("Only a suspended notice is resumed."), field="state")
    with transaction.atomic():
        return move(notice, NoticeState.PUBLISHED, actor=actor, action="resume",
                    request=request, reason=reason, suspended_until=None,
                    watched_person_id=watch(notice))


def withdraw(notice: Notice, *, actor: User, reason: str,
             request: HttpRequest | None = None) -> Notice:
    require_issuer(notice, actor)
    reason = _reason(reason)
    if notice.state not in (NoticeState.PUBLISHED, NoticeState.SUSPENDED):
        raise ServiceError(_("Only a published or suspended notice is withdrawn."),
                           field="state")
    with transaction.atomic():
        unwatch(notice)
        return move(notice, NoticeState.WITHDRAWN, actor=actor, action="withdraw",
                    request=request, reason=reason, watched_person_id=None)


def cancel(notice: Notice, *, actor: User, reason: str,
           request: HttpRequest | None = None) -> Notice:
    """A reviewer ends a notice found not to comply with the rules after publication."""
    require(actor, "notices.review")
    reason = _reason(reason)
    if notice.state in ENDED:
        raise ServiceError(_("This notice has already ended."), field="state")
    with transaction.atomic():
        unwatch(notice)
        return move(notice, NoticeState.CANCELLED, actor=actor, action="cancel",
                    request=request, reason=reason, watched_person_id=None)


def request_renewal(notice: Notice, *, actor: User, reason: str,
                    request: HttpRequest | None = None) -> Notice:
    """A notice close to its expiry, or expired, goes back to review to be renewed."""
    require_issuer(notice, actor)
    reason = _reason(reason)
    today = timezone.localdate()
    if notice.state == NoticeState.EXPIRED:
        return move(notice, NoticeState.SUBMITTED, actor=actor, action="request_renewal",
                    request=request, reason=reason, renewal_requested=True)
    if notice.state != NoticeState.PUBLISHED or notice.renewal_requested:
        raise ServiceError(_("Only a published or expired notice is renewed, once at a time."),
                           field="state")
    if notice.expires_on and notice.expires_on > today + RENEWAL_WINDOW:
        raise ServiceError(_("Renewal opens six months before the notice expires."),
                           field="state")
    return move(notice, NoticeState.PUBLISHED, actor=actor, action="request_renewal",
                request=request, reason=reason, renewal_requested=True)


def sweep(today: dt.date | None = None) -> dict[str, int]:
    """The daily job: end notices past their expiry and resume lapsed suspensions."""
    today = today or timezone.localdate()
    expired = resumed = 0
    for notice in Notice.objects.filter(state=NoticeState.PUBLISHED, expires_on__lt=today):
        with transaction.atomic():
            unwatch(notice)
            move(notice, NoticeState.EXPIRED, actor=None, action="expire", request=None,
                 watched_person_id=None, renewal_requested=False)
        expired += 1
    for notice in Notice.objects.filter(state=NoticeState.SUSPENDED,
                                        suspended_until__lte=today):
        resume(notice, actor=None, reason=_("The suspension ended."))
        resumed += 1
    return {"expired": expired, "resumed": resumed}
