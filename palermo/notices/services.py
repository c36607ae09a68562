"""The rules of notices: drafting, review by another user against rules kept as data,
publication (which puts the subject on the screening watch list), withdrawal and expiry."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.notices.models import Notice, NoticeState
from palermo.screening import services as screening
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

VALIDITY = dt.timedelta(days=5 * 365)  # INTERPOL's default; renewal needs a new review
EDITABLE = ("colour", "subject_names", "birth_date", "sex", "nationalities", "case_reference",
            "reasons", "legal_basis", "charges", "penalty_months", "requested_action",
            "identifying_marks")


def _require(user: User, permission: str) -> None:
    if not user.has_perm(permission):
        raise NotAllowed(_("Your roles do not allow this."))


def visible(user: User) -> QuerySet[Notice]:
    """Published notices for everyone who may see notices; drafts for their agency."""
    _require(user, "notices.view")
    from django.db.models import Q

    mine = Q(issuing_agency_id=user.agency_id) if user.has_perm("notices.issue") else Q(pk=None)
    review = Q(state=NoticeState.SUBMITTED) if user.has_perm("notices.review") else Q(pk=None)
    return Notice.objects.filter(Q(state=NoticeState.PUBLISHED) | mine | review) \
        .select_related("issuing_agency")


def draft(*, actor: User, request: HttpRequest | None = None, **fields: Any) -> Notice:
    _require(actor, "notices.issue")
    if fields.get("colour") not in registry.get("notice_types"):
        raise ServiceError(_("Choose a notice type."), field="colour")
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ServiceError(_("Unknown field %(name)s.") % {"name": sorted(unknown)[0]},
                           field=sorted(unknown)[0])
    nationalities = fields.get("nationalities") or []
    bad = [c for c in nationalities if c not in registry.get("countries")]
    if bad:
        raise ServiceError(_("“%(code)s” is not a known code for %(field)s.")
                           % {"code": bad[0], "field": "nationalities"}, field="nationalities")
    with transaction.atomic():
        notice = Notice.objects.create(issuing_agency=actor.agency, created_by=actor, **fields)
        audit.record("notice.create", actor=actor, request=request, object_type="notice",
                     object_id=notice.pk, detail={"colour": notice.colour})
    return notice


def missing_data(notice: Notice) -> list[str]:
    """The fields the notice type requires that are empty."""
    required = registry.get("notice_types").get(notice.colour).extra.get("required") or []
    return [name for name in required if getattr(notice, name) in (None, "", [])]


def _move(notice: Notice, state: str, *, actor: User, version: int, action: str,
          request: HttpRequest | None, reason: str = "", **fields: Any) -> Notice:
    with transaction.atomic():
        if not Notice.objects.filter(pk=notice.pk, version=version).update(
                state=state, version=version + 1, **fields):
            raise StaleWrite(_("Someone else changed this notice meanwhile. Reload the page."))
        notice.refresh_from_db()
        audit.record(f"notice.{action}", actor=actor, request=request, object_type="notice",
                     object_id=notice.pk, reason=reason, detail={"state": state})
    return notice


def submit(notice: Notice, *, actor: User, request: HttpRequest | None = None) -> Notice:
    _require(actor, "notices.issue")
    if notice.issuing_agency_id != actor.agency_id:
        raise NotAllowed(_("Only the issuing agency submits its notices."))
    if notice.state not in (NoticeState.DRAFT, NoticeState.RETURNED):
        raise ServiceError(_("Only a draft or a returned notice is submitted."), field="state")
    missing = missing_data(notice)
    if missing:
        raise ServiceError(_("The notice still needs: %(fields)s.")
                           % {"fields": ", ".join(missing)}, field=missing[0])
    return _move(notice, NoticeState.SUBMITTED, actor=actor, version=notice.version,
                 action="submit", request=request)


def review(notice: Notice, checks: dict[str, bool], *, actor: User, notes: str = "",
           request: HttpRequest | None = None) -> Notice:
    """Another user checks every rule; all passed publishes, any failed returns it."""
    _require(actor, "notices.review")
    if actor.pk == notice.created_by_id:
        raise NotAllowed(_("A notice is reviewed by someone other than its author."))
    if notice.state != NoticeState.SUBMITTED:
        raise ServiceError(_("Only a submitted notice is reviewed."), field="state")
    expected = [t.code for t in registry.get("notice_review_checks")]
    if sorted(checks) != sorted(expected):
        raise ServiceError(_("Record every check."), field="checks")
    passed = all(checks.values())
    kind = registry.get("notice_types").get(notice.colour)
    if notice.colour == "red" and (notice.penalty_months or 0) < kind.extra["min_penalty_months"]:
        passed = False
        checks = {**checks, "penalty_threshold": False}
    record = {code: {"passed": ok, "note": notes} for code, ok in checks.items()}
    if not passed:
        if not notes.strip():
            raise ServiceError(_("Say what the author must change."), field="notes")
        return _move(notice, NoticeState.RETURNED, actor=actor, version=notice.version,
                     action="return", request=request, reason=notes, reviewed_by=actor,
                     review=record)
    with transaction.atomic():
        person_id = None
        if notice.subject_names:
            person_id = screening.watch_person(
                names=notice.subject_names, birth_date=notice.birth_date, sex=notice.sex,
                nationalities=notice.nationalities, reason=kind.extra["watch_reason"],
                action=notice.requested_action or kind.definition,
                owner_agency_id=notice.issuing_agency_id, source=f"notice {notice.pk}")
        return _move(notice, NoticeState.PUBLISHED, actor=actor, version=notice.version,
                     action="publish", request=request, reviewed_by=actor, review=record,
                     watched_person_id=person_id,
                     expires_on=timezone.localdate() + VALIDITY)


def withdraw(notice: Notice, *, actor: User, reason: str,
             request: HttpRequest | None = None) -> Notice:
    _require(actor, "notices.issue")
    if notice.issuing_agency_id != actor.agency_id:
        raise NotAllowed(_("Only the issuing agency withdraws its notices."))
    if not reason.strip():
        raise ServiceError(_("Say why the notice is withdrawn."), field="reason")
    with transaction.atomic():
        if notice.watched_person_id:
            screening.unwatch_person(notice.watched_person_id)
        return _move(notice, NoticeState.WITHDRAWN, actor=actor, version=notice.version,
                     action="withdraw", request=request, reason=reason, watched_person_id=None)


def expire_due(today: dt.date | None = None) -> int:
    """End every published notice past its expiry and take its subject off the watch list."""
    today = today or timezone.localdate()
    ended = 0
    for notice in Notice.objects.filter(state=NoticeState.PUBLISHED, expires_on__lt=today):
        with transaction.atomic():
            if notice.watched_person_id:
                screening.unwatch_person(notice.watched_person_id)
            Notice.objects.filter(pk=notice.pk).update(state=NoticeState.EXPIRED,
                                                       watched_person_id=None)
            audit.record("notice.expire", object_type="notice", object_id=notice.pk)
        ended += 1
    return ended


def notice_for_watched_person(watched_person_id: int) -> dict[str, Any] | None:
    """For screening: the published notice a hit's person is under, or None."""
    notice = (Notice.objects.select_related("issuing_agency")
              .filter(watched_person_id=watched_person_id, state=NoticeState.PUBLISHED).first())
    if notice is None:
        return None
    return {"id": notice.pk, "colour": notice.colour,
            "issuing_agency": notice.issuing_agency.name,
            "requested_action": notice.requested_action,
            "expires_on": str(notice.expires_on or "")}
