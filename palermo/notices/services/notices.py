"""Drafting a notice and reviewing it: another user checks it against rules kept as data
before it is published onto the screening watch list."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.cases.services import access as cases_access
from palermo.notices.models import Notice, NoticeSource, NoticeState
from palermo.notices.services.common import VALIDITY, move, require, require_issuer, watch
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

EDITABLE = ("colour", "subject_names", "family_name", "birth_date", "sex", "nationalities",
            "place_of_birth", "country_of_birth", "height_cm", "weight_kg", "eye_colour",
            "hair_colour", "languages", "case_reference", "reasons", "legal_basis", "charges",
            "penalty_months", "requested_action", "handling_restrictions", "identifying_marks")
IN_FORCE = (NoticeState.PUBLISHED,)
EXPIRING_SOON = dt.timedelta(days=90)
REVIEWABLE = (NoticeState.SUBMITTED, NoticeState.IN_REVIEW)


def visible(user: User) -> QuerySet[Notice]:
    """Notices in force, suspended or ended for everyone who may see notices; drafts for the
    issuing agency; notices awaiting review for reviewers."""
    require(user, "notices.view")
    shared = ~Q(state__in=(NoticeState.DRAFT, NoticeState.RETURNED, *REVIEWABLE))
    mine = Q(issuing_agency_id=user.agency_id) if user.has_perm("notices.issue") else Q(pk=None)
    review = Q(state__in=REVIEWABLE) if user.has_perm("notices.review") else Q(pk=None)
    # The photo is loaded only when it is shown.
    return Notice.objects.filter(shared | mine | review).select_related("issuing_agency") \
        .defer("photo")


def search(user: User, *, colour: str = "", state: str = "", country: str = "",
           expiring: bool = False) -> QuerySet[Notice]:
    notices = visible(user)
    if colour:
        notices = notices.filter(colour=colour)
    if state:
        notices = notices.filter(state=state)
    if country:
        country = country.upper()
        notices = notices.filter(Q(issuing_agency__country=country)
                                 | Q(issuing_country=country)
                                 | Q(nationalities__icontains=f"\"{country}\""))
    if expiring:
        notices = notices.filter(state=NoticeState.PUBLISHED,
                                 expires_on__lte=timezone.localdate() + EXPIRING_SOON)
    return notices


def review_queue(user: User) -> QuerySet[Notice]:
    require(user, "notices.review")
    return (Notice.objects.filter(Q(state__in=REVIEWABLE)
                                  | Q(state=NoticeState.PUBLISHED, renewal_requested=True))
            .select_related("issuing_agency", "reviewed_by").defer("photo")
            .order_by("created_at"))


def read(notice: Notice, *, actor: User, request: HttpRequest | None = None) -> Notice:
    """A notice names a person: opening it is an audited read."""
    audit.record_read(actor, "notice", notice.pk, request=request,
                      detail={"colour": notice.colour, "state": notice.state})
    return notice


def case_of(notice: Notice, user: User) -> int | None:
    """The id of the notice's case, when the user may open it."""
    if not notice.case_reference:
        return None
    found = cases_access.listable_cases(user).filter(reference=notice.case_reference).first()
    return found.pk if found else None


def _clean(fields: dict[str, Any], actor: User) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise ServiceError(_("Unknown field %(name)s.") % {"name": unknown[0]}, field=unknown[0])
    if "colour" in fields and fields["colour"] not in registry.get("notice_types"):
        raise ServiceError(_("Choose a notice type."), field="colour")
    countries = registry.get("countries")
    for name in ("nationalities",):
        bad = [c for c in fields.get(name) or [] if c not in countries]
        if bad:
            raise ServiceError(_("“%(code)s” is not a known code for %(field)s.")
                               % {"code": bad[0], "field": name}, field=name)
    reference = (fields.get("case_reference") or "").strip().upper()
    if reference:
        if not cases_access.listable_cases(actor).filter(reference=reference).exists():
            raise ServiceError(_("No case you can open has the reference %(ref)s.")
                               % {"ref": reference}, field="case_reference")
        fields["case_reference"] = reference
    birth = fields.get("country_of_birth")
    if birth and birth not in countries:
        raise ServiceError(_("“%(code)s” is not a known code for %(field)s.")
                           % {"code": birth, "field": "country_of_birth"},
                           field="country_of_birth")
    return fields


def draft(*, actor: User, request: HttpRequest | None = None, **fields: Any) -> Notice:
    require(actor, "notices.issue")
    if "colour" not in fields:
        raise ServiceError(_("Choose a notice type."), field="colour")
    fields = _clean(fields, actor)
    with transaction.atomic():
        notice = Notice.objects.create(issuing_agency=actor.agency,
                                       issuing_country=actor.agency.country,
                                       created_by=actor, **fields)
        audit.record("notice.create", actor=actor, request=request, object_type="notice",
                     object_id=notice.pk, detail={"colour": notice.colour})
    return notice


def update(notice: Notice, *, actor: User, version: int, request: HttpRequest | None = None,
           **fields: Any) -> Notice:
    """The author's agency changes a draft or a returned notice."""
    require_issuer(notice, actor)
    if notice.state not in (NoticeState.DRAFT, NoticeState.RETURNED):
        raise ServiceError(_("Only a draft or a returned notice can be changed."),
                           field="state")
    fields = _clean(fields, actor)
    changed = sorted(k for k, v in fields.items() if getattr(notice, k) != v)
    with transaction.atomic():
        if not Notice.objects.filter(pk=notice.pk, version=version).update(
                version=version + 1, **fields):
            raise StaleWrite(_("Someone else changed this notice meanwhile. Reload the page."))
        notice.refresh_from_db()
        audit.record("notice.update", actor=actor, request=request, object_type="notice",
                     object_id=notice.pk, detail={"fields": changed})
    return notice


def missing_data(notice: Notice) -> list[str]:
    """The fields the notice type requires that are empty."""
    required = registry.get("notice_types").get(notice.colour).extra.get("required") or []
    return [name for name in required if getattr(notice, name) in (None, "", [])]


def submit(notice: Notice, *, actor: User, request: HttpRequest | None = None) -> Notice:
    require_issuer(notice, actor)
    if notice.state not in (NoticeState.DRAFT, NoticeState.RETURNED):
        raise ServiceError(_("Only a draft or a returned notice is submitted."), field="state")
    missing = missing_data(notice)
    if missing:
        raise ServiceError(_("The notice still needs: %(fields)s.")
                           % {"fields": ", ".join(missing)}, field=missing[0])
    return move(notice, NoticeState.SUBMITTED, actor=actor, action="submit", request=request)


def start_review(notice: Notice, *, actor: User, request: HttpRequest | None = None) -> Notice:
    """A reviewer takes a submitted notice, so two reviewers do not check it at once."""
    _may_review(notice, actor)
    if notice.state != NoticeState.SUBMITTED:
        raise ServiceError(_("Only a submitted notice is taken for review."), field="state")
    return move(notice, NoticeState.IN_REVIEW, actor=actor, action="start_review",
                request=request, reviewed_by=actor)


def _may_review(notice: Notice, actor: User) -> None:
    require(actor, "notices.review")
    if actor.pk == notice.created_by_id:
        raise NotAllowed(_("A notice is reviewed by someone other than its author."))
    if notice.state == NoticeState.IN_REVIEW and notice.reviewed_by_id != actor.pk:
        raise NotAllowed(_("Another reviewer has taken this notice."))


def review(notice: Notice, checks: dict[str, bool], *, actor: User, notes: str = "",
           request: HttpRequest | None = None) -> Notice:
    """Another user checks every rule; all passed publishes (or renews), any failed returns."""
    _may_review(notice, actor)
    renewal = notice.state == NoticeState.PUBLISHED and notice.renewal_requested
    if notice.state not in REVIEWABLE and not renewal:
        raise ServiceError(_("Only a submitted notice is reviewed."), field="state")
    expected = [t.code for t in registry.get("notice_review_checks")]
    if sorted(checks) != sorted(expected):
        raise ServiceError(_("Record every check."), field="checks")
    kind = registry.get("notice_types").get(notice.colour)
    if notice.colour == "red" and (notice.penalty_months or 0) < kind.extra["min_penalty_months"]:
        checks = {**checks, "penalty_threshold": False}
    passed = all(checks.values())
    record = {code: {"passed": ok, "note": notes} for code, ok in checks.items()}
    if not passed and not notes.strip():
        raise ServiceError(_("Say what the author must change."), field="notes")
    new_expiry = timezone.localdate() + VALIDITY
    if renewal:
        if passed:
            return move(notice, NoticeState.PUBLISHED, actor=actor, action="renew",
                        request=request, reviewed_by=actor, review=record,
                        renewal_requested=False, expires_on=new_expiry)
        return move(notice, NoticeState.PUBLISHED, actor=actor, action="refuse_renewal",
                    request=request, reason=notes, reviewed_by=actor, review=record,
                    renewal_requested=False)
    if not passed:
        return move(notice, NoticeState.RETURNED, actor=actor, action="return",
                    request=request, reason=notes, reviewed_by=actor, review=record)
    with transaction.atomic():
        return move(notice, NoticeState.PUBLISHED, actor=actor, action="publish",
                    request=request, reviewed_by=actor, review=record,
                    watched_person_id=watch(notice), renewal_requested=False,
                    expires_on=new_expiry)


def notice_for_watched_person(watched_person_id: int) -> dict[str, Any] | None:
    """For screening: the published notice a hit's person is under, or None."""
    notice = (Notice.objects.select_related("issuing_agency").defer("photo")
              .filter(watched_person_id=watched_person_id, state=NoticeState.PUBLISHED).first())
    if notice is None:
        return None
    issuer = (notice.issuing_agency.name if notice.source == NoticeSource.AGENCY
              else f"INTERPOL {notice.external_id} ({notice.issuing_country})")
    return {"id": notice.pk, "colour": notice.colour, "issuing_agency": issuer,
            "requested_action": notice.requested_action,
            "expires_on": str(notice.expires_on or ""),
            "photo": reverse("notices:photo", args=[notice.pk]) if notice.photo_type else None}
