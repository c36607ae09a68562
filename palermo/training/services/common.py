"""What every training rule needs: the permission check and vocabulary checks that name the
field at fault."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


def require(user: User, permission: str) -> None:
    if not user.has_perm(permission):
        raise NotAllowed(_("Your roles do not allow this."))


def codes(values: list[str], vocabulary: str, field: str, *, required: bool = True
          ) -> list[str]:
    """The codes, each checked against the vocabulary, in the order given, without repeats."""
    known = registry.get(vocabulary)
    cleaned: list[str] = []
    for value in values:
        if value not in known:
            raise ServiceError(_("“%(code)s” is not a known code for %(field)s.")
                               % {"code": value, "field": field}, field=field)
        if value not in cleaned:
            cleaned.append(value)
    if required and not cleaned:
        raise ServiceError(_("Choose at least one."), field=field)
    return cleaned


def text(value: str, field: str, *, limit: int = 200, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ServiceError(_("This field is required."), field=field)
    if len(value) > limit:
        raise ServiceError(_("At most %(n)d characters.") % {"n": limit}, field=field)
    return value
