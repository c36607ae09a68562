"""The ceremony: its programme (time, item, speaker) and the invitations with each invitee's
answer. Invitees are people: the list is an audited read."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.awards.models import Cycle, Invitee, ProgrammeItem
from palermo.core.checks import require

if TYPE_CHECKING:
    from palermo.access.models import User


def add_item(cycle: Cycle, *, actor: User, starts_at: dt.time | None, title: str,
             speaker: str = "", request: HttpRequest | None = None) -> ProgrammeItem:
    require(actor, "awards.manage")
    if starts_at is None:
        raise ServiceError(_("Give the time."), field="starts_at")
    if not title.strip():
        raise ServiceError(_("This field is required."), field="title")
    with transaction.atomic():
        item = ProgrammeItem.objects.create(cycle=cycle, starts_at=starts_at,
                                            title=title.strip()[:200],
                                            speaker=speaker.strip()[:200])
        audit.record("award_programme.add", actor=actor, request=request,
                     object_type="award_cycle", object_id=cycle.pk, detail={"item": item.pk})
    return item


def invite(cycle: Cycle, *, actor: User, name: str, email: str = "", organisation: str = "",
           request: HttpRequest | None = None) -> Invitee:
    require(actor, "awards.manage")
    name, email = name.strip(), email.strip().lower()
    if not name:
        raise ServiceError(_("This field is required."), field="name")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ServiceError(_("Enter a valid email address."), field="email") from None
    if cycle.invitees.filter(name=name, email=email).exists():
        raise ServiceError(_("This person is invited already."), field="name")
    with transaction.atomic():
        invitee = Invitee.objects.create(cycle=cycle, name=name[:200], email=email,
                                         organisation=organisation.strip()[:200])
        audit.record("award_invitee.create", actor=actor, request=request,
                     object_type="award_invitee", object_id=invitee.pk,
                     detail={"cycle": cycle.pk})
    return invitee


def answer(invitee: Invitee, rsvp: str, *, actor: User,
           request: HttpRequest | None = None) -> Invitee:
    require(actor, "awards.manage")
    if rsvp not in Invitee.Rsvp.values:
        raise ServiceError(_("Choose accepted, declined or no answer yet."), field="rsvp")
    with transaction.atomic():
        invitee.rsvp = rsvp
        invitee.save(update_fields=["rsvp"])
        audit.record("award_invitee.rsvp", actor=actor, request=request,
                     object_type="award_invitee", object_id=invitee.pk, detail={"rsvp": rsvp})
    return invitee


def invitees(cycle: Cycle, *, actor: User, request: HttpRequest | None = None) -> list[Invitee]:
    require(actor, "awards.manage")
    found = list(cycle.invitees.all())
    audit.record_reads(actor, "award_invitee", [(i.pk, {}) for i in found], request=request)
    return found


def counts(cycle: Cycle) -> dict[str, int]:
    return {code: cycle.invitees.filter(rsvp=code).count() for code in Invitee.Rsvp.values}
