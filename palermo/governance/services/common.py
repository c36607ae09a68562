"""What every governance rule needs: permission checks, text checks, one audit shape."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError

if TYPE_CHECKING:
    from palermo.access.models import User


def require(user: User, permission: str) -> None:
    if not user.has_perm(permission):
        raise NotAllowed(_("Your roles do not allow this."))


def check_fields(fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ServiceError(_("Unknown field %(name)s.") % {"name": unknown[0]}, field=unknown[0])


def clean_text(value: Any, field: str, *, required: bool = False, limit: int = 0) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else None
    if text is None:
        raise ServiceError(_("%(field)s must be text.") % {"field": field}, field=field)
    if required and not text:
        raise ServiceError(_("Fill in %(field)s.") % {"field": field}, field=field)
    if limit and len(text) > limit:
        raise ServiceError(_("%(field)s is longer than %(n)d characters.")
                           % {"field": field, "n": limit}, field=field)
    return text
