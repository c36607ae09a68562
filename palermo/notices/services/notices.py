"""Drafting a notice and reviewing it: another user checks it against rules kept as data
before it is published onto the screening watch list."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.cases.services import access as cases_access
from palermo.cases.services import timeline
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.notices.models import Notice, NoticeSource, NoticeState
from palermo.notices.services.common import VALIDITY, move, require_issuer, watch
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
    # A reviewer keeps sight of the notices they returned: the page they return from must
    # still open for them.
    review = (Q(state__in=REVIEWABLE) | Q(state=NoticeState.RETURNED, reviewed_by_id=user.pk)
              if user.has_perm("notices.review") else Q(pk=None))
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
    bad = [c for c in fields.get("nationalities") or [] if c not in countries]
    if bad:
        raise _unknown_country(bad[0], "nationalities")
    reference = (fields.get("case_reference") or "").strip().upper()
    if reference:
        if not cases_access.listable_cases(actor).filter(reference=reference).exists():
            raise ServiceError(_("No case you can open has the reference %(ref)s.")
                               % {"ref": reference}, field="case_reference")
        fields["case_reference"] = reference
    birth = fields.get("country_of_birth")
    if birth and birth not in countries:
        raise _unknown_country(birth, "country_of_birth")
    return fields


def label(name: str) -> str:
    """A notice field as the form labels it, for messages that name fields."""
    field = Notice._meta.get_field(name)
    return capfirst(str(getattr(field, "verbose_name", name)))


def _unknown_country(code: str, name: str) -> ServiceError:
    return ServiceError(_("“%(code)s” is not a known country for %(field)s.")
                        % {"code": code, "field": label(name)}, field=name)


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
    return save_versioned(
        notice, version, fields, actor=actor, request=request, action="notice.update",
        stale=_("Someone else changed this notice meanwhile. Reload the page."))


def missing_data(notice: Notice) -> list[str]:
    """The fields the notice type requires that are empty."""
    required = registry.get("notice_types").get(notice.colour).extra.get("required") or []
    return [name for name in required if getattr(notice, name) in (None, "", [])]


def missing_labels(notice: Notice) -> list[str]:
    return [label(name) for name in missing_data(notice)]


def return_reasons(notice: Notice) -> dict[str, Any] | None:
    """Why a returned notice came back: the reviewer, their notes and the rules not met."""
    if notice.state != NoticeState.RETURNED or not notice.review:
        return None
    language = translation.get_language() or "en"
    checks = registry.get("notice_review_checks")
    failed = [code for code, result in notice.review.items() if not result.get("passed")]
    notes = next((r.get("note", "") for r in notice.review.values() if r.get("note")), "")
    return {"by": notice.reviewed_by, "notes": notes,
            "failed": [checks.get(code).label(language) for code in failed if code in checks]}


def penalty_threshold(notice: Notice) -> int | None:
    """The months a red notice's penalty falls short of, or None when it does not."""
    if notice.colour != "red":
        return None
    least = int(registry.get("notice_types").get("red").extra["min_penalty_months"])
    return least if (notice.penalty_months or 0) < least else None


def submit(notice: Notice, *, actor: User, request: HttpRequest | None = None) -> Notice:
    require_issuer(notice, actor)
    if notice.state not in (NoticeState.DRAFT, NoticeState.RETURNED):
        raise ServiceError(_("Only a draft or a returned notice is submitted."), field="state")
    missing = missing_data(notice)
    if missing:
        raise ServiceError(_("The notice still needs: %(fields)s.")
                           % {"fields": ", ".join(missing_labels(notice))}, field=missing[0])
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
    with transaction.atomic():
        if renewal and passed:
            notice = move(notice, NoticeState.PUBLISHED, actor=actor, action="renew",
                          request=request, reviewed_by=actor, review=record,
                          renewal_requested=False, expires_on=new_expiry)
        elif renewal:
            notice = move(notice, NoticeState.PUBLISHED, actor=actor, action="refuse_renewal",
                          request=request, reason=notes, reviewed_by=actor, review=record,
                          renewal_requested=False)
        elif not passed:
            notice = move(notice, NoticeState.RETURNED, actor=actor, action="return",
                          request=request, reason=notes, reviewed_by=actor, review=record)
        else:
            notice = move(notice, NoticeState.PUBLISHED, actor=actor, action="publish",
                          request=request, reviewed_by=actor, review=record,
                          watched_person_id=watch(notice), renewal_requested=False,
                          expires_on=new_expiry)
        _tell_author(notice, renewal=renewal, passed=passed, notes=notes)
    return notice


def _tell_author(notice: Notice, *, renewal: bool, passed: bool, notes: str) -> None:
    """The author hears of the review on their notifications, in their own language."""
    author = notice.created_by
    with translation.override(author.language or "en"):
        values = {"kind": registry.label("notice_types", notice.colour,
                                         translation.get_language() or "en"),
                  "name": (notice.subject_names or ["?"])[0], "notes": notes.strip(),
                  "date": formats.date_format(notice.expires_on, "SHORT_DATE_FORMAT")
                  if notice.expires_on else "—"}
        if renewal:
            text = (_("Your %(kind)s for %(name)s was renewed until %(date)s.") if passed else
                    _("The renewal of your %(kind)s for %(name)s was refused: %(notes)s"))
        elif passed:
            text = _("Your %(kind)s for %(name)s was published; it is in force until "
                     "%(date)s.")
        else:
            text = _("Your %(kind)s for %(name)s was returned for changes: %(notes)s")
        timeline.notify([author], text % values, reverse("notices:detail", args=[notice.pk]))


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
