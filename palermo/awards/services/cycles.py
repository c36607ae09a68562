"""The yearly cycle: opened with its call for nominations, closed to hand the nominations to
the jury, decided when the chair has named the laureates. The secretariat appoints the jury
and its chair."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services import users
from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.awards.models import Cycle, Juror, Laureate
from palermo.awards.services.common import in_state, require_juror
from palermo.core.checks import require
from palermo.core.versioned import save_versioned

if TYPE_CHECKING:
    from palermo.access.models import User


def cycles(user: User) -> QuerySet[Cycle]:
    require(user, "awards.nominate")
    return Cycle.objects.all()


def create(*, actor: User, year: int | None, title: str, closes_on: dt.date | None,
           call_text: str = "", ceremony_on: dt.date | None = None, ceremony_place: str = "",
           request: HttpRequest | None = None) -> Cycle:
    require(actor, "awards.manage")
    if year is None or not 2000 <= year <= 2100:
        raise ServiceError(_("Give the year of the award."), field="year")
    if Cycle.objects.filter(year=year).exists():
        raise ServiceError(_("There is a cycle for %(year)d already.") % {"year": year},
                           field="year")
    if not title.strip():
        raise ServiceError(_("This field is required."), field="title")
    if closes_on is None:
        raise ServiceError(_("Give the day nominations close."), field="closes_on")
    if ceremony_on is not None and ceremony_on < closes_on:
        raise ServiceError(_("The ceremony is before nominations close."), field="ceremony_on")
    with transaction.atomic():
        cycle = Cycle.objects.create(year=year, title=title.strip(), closes_on=closes_on,
                                     call_text=call_text.strip(), ceremony_on=ceremony_on,
                                     ceremony_place=ceremony_place.strip(), created_by=actor)
        audit.record("award_cycle.create", actor=actor, request=request,
                     object_type="award_cycle", object_id=cycle.pk, detail={"year": year})
    return cycle


def _move(cycle: Cycle, state: str, *, actor: User, action: str,
          request: HttpRequest | None) -> Cycle:
    return save_versioned(
        cycle, cycle.version, {"state": state}, actor=actor, request=request,
        action=f"award_cycle.{action}", object_type="award_cycle", detail={"state": state},
        stale=_("Someone else changed this cycle meanwhile. Reload the page."))


def close_call(cycle: Cycle, *, actor: User, request: HttpRequest | None = None) -> Cycle:
    """The call closes and the nominations go to the jury, which needs a chair."""
    require(actor, "awards.manage")
    in_state(cycle, Cycle.State.CALL)
    if not cycle.jurors.filter(chair=True).exists():
        raise ServiceError(_("Appoint the jury and its chair first."), field="jurors")
    return _move(cycle, Cycle.State.JURY, actor=actor, action="close_call", request=request)


def appoint(cycle: Cycle, user: User, *, actor: User, chair: bool = False,
            request: HttpRequest | None = None) -> Juror:
    require(actor, "awards.manage")
    in_state(cycle, Cycle.State.CALL, Cycle.State.JURY, field="user")
    if not user.is_active or not user.has_perm("awards.jury"):
        raise ServiceError(_("This user's roles do not allow sitting on the jury."),
                           field="user")
    with transaction.atomic():
        if chair:
            cycle.jurors.filter(chair=True).update(chair=False)
        juror, _created = Juror.objects.update_or_create(cycle=cycle, user=user,
                                                         defaults={"chair": chair})
        audit.record("award_jury.appoint", actor=actor, request=request,
                     object_type="award_cycle", object_id=cycle.pk,
                     detail={"user": user.pk, "chair": chair})
    return juror


def dismiss(juror: Juror, *, actor: User, request: HttpRequest | None = None) -> None:
    require(actor, "awards.manage")
    in_state(juror.cycle, Cycle.State.CALL, Cycle.State.JURY, field="user")
    with transaction.atomic():
        audit.record("award_jury.dismiss", actor=actor, request=request,
                     object_type="award_cycle", object_id=juror.cycle_id,
                     detail={"user": juror.user_id})
        juror.delete()


def decide(cycle: Cycle, *, actor: User, request: HttpRequest | None = None) -> Cycle:
    """The chair closes the deliberation once the laureates are named."""
    if not require_juror(cycle, actor).chair:
        raise ServiceError(_("Only the chair of the jury closes the deliberation."),
                           field="chair")
    in_state(cycle, Cycle.State.JURY)
    if not Laureate.objects.filter(nomination__cycle=cycle).exists():
        raise ServiceError(_("Name at least one laureate first."), field="laureate")
    return _move(cycle, Cycle.State.DECIDED, actor=actor, action="decide", request=request)


def archive(user: User, *, request: HttpRequest | None = None) -> list[Laureate]:
    """The laureates of every decided cycle, newest first; their names are read."""
    require(user, "awards.nominate")
    found = list(Laureate.objects.filter(nomination__cycle__state=Cycle.State.DECIDED)
                 .select_related("nomination__cycle")
                 .order_by("-nomination__cycle__year", "nomination__nominee_name"))
    audit.record_reads(user, "nomination", [(laureate.nomination_id, {"archive": True})
                                            for laureate in found], request=request)
    return found


def jury_candidates() -> list[User]:
    """Active users whose roles allow sitting on a jury."""
    return list(users.holding("awards.jury"))
