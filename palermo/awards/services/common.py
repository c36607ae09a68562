"""What every award rule needs: the cycle's state and who sits on its jury."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.awards.models import Cycle, Juror
from palermo.core.checks import require

if TYPE_CHECKING:
    from palermo.access.models import User


def in_state(cycle: Cycle, *states: str, field: str = "state") -> None:
    if cycle.state not in states:
        raise ServiceError(_("Not possible while the cycle is “%(state)s”.")
                           % {"state": cycle.get_state_display()}, field=field)


def juror_of(cycle: Cycle, user: User) -> Juror | None:
    if not user.has_perm("awards.jury"):
        return None
    return cycle.jurors.filter(user=user).first()


def require_juror(cycle: Cycle, user: User) -> Juror:
    require(user, "awards.jury")
    juror = juror_of(cycle, user)
    if juror is None:
        raise NotAllowed(_("Only a juror of this cycle does this."))
    return juror
