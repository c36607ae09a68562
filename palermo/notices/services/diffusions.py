"""Diffusions: a request or alert sent at once to chosen agencies, partner countries or
kinds of agency, recorded as it is sent and reviewed afterwards; a diffusion the review
finds wanting is recalled. Recipients acknowledge."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.notices.models import Diffusion, DiffusionRecipient
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


def visible(user: User) -> QuerySet[Diffusion]:
    """What the user's agency sent or received; reviewers see every diffusion."""
    require(user, "notices.view")
    diffusions = Diffusion.objects.select_related("sender_agency", "sent_by")
    if user.has_perm("notices.review"):
        return diffusions
    return diffusions.filter(Q(sender_agency_id=user.agency_id)
                             | Q(recipients__agency_id=user.agency_id)).distinct()


def _recipients(actor: User, agency_ids: list[int], countries: list[str],
                kinds: list[str]) -> list[int]:
    found = set(agencies.listing().filter(pk__in=agency_ids, active=True)
                .values_list("pk", flat=True))
    if len(found) != len(set(agency_ids)):
        raise ServiceError(_("One of the chosen agencies does not exist."), field="agencies")
    language = get_language() or "en"
    places, empty = registry.get("countries"), []
    for code in countries:
        if code not in places:
            raise ServiceError(_("“%(code)s” is not a known country.") % {"code": code},
                               field="countries")
        reached = {a.pk for a in agencies.holding("notices.view", country=code)} - {
            actor.agency_id}
        if not reached:
            empty.append(places.get(code).label(language))
        found |= reached
    if empty:
        # A country chosen and reached by nobody would be a silent gap in the diffusion.
        raise ServiceError(_("No agency in %(countries)s receives notices here. Choose "
                             "agencies you can reach, or send it by another channel.")
                           % {"countries": ", ".join(empty)}, field="countries")
    sorts, empty = registry.get("agency_kinds"), []
    for kind in kinds:
        if kind not in sorts:
            raise ServiceError(_("“%(code)s” is not a known kind of agency.") % {"code": kind},
                               field="kinds")
        reached = {a.pk for a in agencies.holding("notices.view", kind=kind)} - {
            actor.agency_id}
        if not reached:
            empty.append(sorts.get(kind).label(language))
        found |= reached
    if empty:
        raise ServiceError(_("No agency of the kind %(kinds)s receives notices here.")
                           % {"kinds": ", ".join(empty)}, field="kinds")
    found.discard(actor.agency_id)
    if not found:
        raise ServiceError(_("Choose at least one recipient other than your agency."),
                           field="agencies")
    return sorted(found)


def send(*, actor: User, colour: str, purpose: str, body: str, subject_names: list[str],
         birth_date: dt.date | None = None, requested_action: str = "", legal_basis: str = "",
         agency_ids: list[int] | None = None, countries: list[str] | None = None,
         kinds: list[str] | None = None, request: HttpRequest | None = None) -> Diffusion:
    require(actor, "notices.diffuse")
    if colour not in registry.get("notice_types"):
        raise ServiceError(_("Choose a notice type."), field="colour")
    if purpose not in Diffusion.Purpose.values:
        raise ServiceError(_("Choose whether this is a request or an alert."), field="purpose")
    if not body.strip():
        raise ServiceError(_("Write the message."), field="body")
    recipients = _recipients(actor, agency_ids or [], countries or [], kinds or [])
    with transaction.atomic():
        diffusion = Diffusion.objects.create(
            colour=colour, purpose=purpose, body=body.strip(),
            subject_names=[n.strip() for n in subject_names if n.strip()],
            birth_date=birth_date, requested_action=requested_action.strip(),
            legal_basis=legal_basis.strip(), sender_agency=actor.agency, sent_by=actor,
            addressed_to={"agencies": sorted(agency_ids or []), "countries": countries or [],
                          "kinds": kinds or []})
        DiffusionRecipient.objects.bulk_create(
            DiffusionRecipient(diffusion=diffusion, agency_id=pk) for pk in recipients)
        audit.record("diffusion.send", actor=actor, request=request, object_type="diffusion",
                     object_id=diffusion.pk,
                     detail={"colour": colour, "purpose": purpose, "recipients": recipients})
    return diffusion


def read(diffusion: Diffusion, *, actor: User,
         request: HttpRequest | None = None) -> Diffusion:
    audit.record_read(actor, "diffusion", diffusion.pk, request=request)
    return diffusion


def review(diffusion: Diffusion, checks: dict[str, bool], *, actor: User, notes: str = "",
           request: HttpRequest | None = None) -> Diffusion:
    """The after-the-fact check against the same rules as notices."""
    require(actor, "notices.review")
    if actor.pk == diffusion.sent_by_id:
        raise NotAllowed(_("A diffusion is reviewed by someone other than its sender."))
    if diffusion.state != Diffusion.State.SENT:
        raise ServiceError(_("This diffusion has been reviewed already."), field="state")
    expected = [t.code for t in registry.get("notice_review_checks")]
    if sorted(checks) != sorted(expected):
        raise ServiceError(_("Record every check."), field="checks")
    passed = all(checks.values())
    if not passed and not notes.strip():
        raise ServiceError(_("Say why the diffusion is recalled."), field="notes")
    with transaction.atomic():
        diffusion.state = Diffusion.State.CONFIRMED if passed else Diffusion.State.RECALLED
        diffusion.reviewed_by, diffusion.review_notes = actor, notes.strip()
        diffusion.review = {code: {"passed": ok} for code, ok in checks.items()}
        diffusion.save(update_fields=["state", "reviewed_by", "review_notes", "review"])
        audit.record("diffusion.confirm" if passed else "diffusion.recall", actor=actor,
                     request=request, object_type="diffusion", object_id=diffusion.pk,
                     reason=notes.strip())
    return diffusion


def acknowledge(diffusion: Diffusion, *, actor: User, response: str = "",
                request: HttpRequest | None = None) -> DiffusionRecipient:
    require(actor, "notices.view")
    recipient = diffusion.recipients.filter(agency_id=actor.agency_id).first()
    if recipient is None:
        raise NotAllowed(_("Only a recipient acknowledges a diffusion."))
    if recipient.acknowledged_at:
        raise ServiceError(_("Your agency has acknowledged this diffusion already."),
                           field="state")
    with transaction.atomic():
        recipient.acknowledged_at, recipient.acknowledged_by = timezone.now(), actor
        recipient.response = response.strip()
        recipient.save(update_fields=["acknowledged_at", "acknowledged_by", "response"])
        audit.record("diffusion.acknowledge", actor=actor, request=request,
                     object_type="diffusion", object_id=diffusion.pk)
    return recipient
