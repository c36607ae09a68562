from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed

if TYPE_CHECKING:
    from palermo.access.models import User


def require(user: User, permission: str) -> None:
    if not user.has_perm(permission):
        raise NotAllowed(_("Your roles do not allow this."))
