"""The checks every service makes before it writes, each worded once: the permission, the
fields a caller may set, vocabulary codes and text. Each refusal names the field at fault;
where a check meets a Django form's own (a required field, a text too long), it uses Django's
words, so that a page and the API refuse the same input alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palermo.core.errors import NotAllowed, ServiceError
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


def require(user: User, permission: str) -> None:
    """Refuse unless the user's roles grant ``permission``."""
    if not user.has_perm(permission):
        raise NotAllowed(_("Your roles do not allow this."))


def known_fields(fields: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """Refuse a field the caller may not set, naming the first (in alphabetical order)."""
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ServiceError(_("Unknown field %(name)s.") % {"name": unknown[0]}, field=unknown[0])


def codes(values: Iterable[str], vocabulary: str, field: str, *, required: bool = False,
          label: str | None = None) -> list[str]:
    """The codes, each checked against the vocabulary, in the order given, without repeats.
    A refusal names the field by ``label``, the word its user sees, when there is one."""
    known = registry.get(vocabulary)
    shown = label or field
    cleaned: list[str] = []
    for value in values:
        if not value:
            raise ServiceError(_("%(field)s: choose one of the options offered.")
                               % {"field": shown}, field=field)
        if value not in known:
            raise ServiceError(_("%(field)s: “%(code)s” is not one of the options offered.")
                               % {"code": value, "field": shown}, field=field)
        if value not in cleaned:
            cleaned.append(value)
    if required and not cleaned:
        raise ServiceError(_("Choose at least one."), field=field)
    return cleaned


def text(value: Any, field: str, *, required: bool = False, limit: int = 0) -> str:
    """``value`` stripped; refused when it is not text, empty though required, or longer
    than ``limit`` (when given). Text is never cut silently."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ServiceError(_("Enter a valid value."), field=field)
    value = value.strip()
    if required and not value:
        raise ServiceError(_("This field is required."), field=field)
    if limit and len(value) > limit:
        raise ServiceError(
            ngettext("Ensure this value has at most %(limit_value)d character (it has "
                     "%(show_value)d).",
                     "Ensure this value has at most %(limit_value)d characters (it has "
                     "%(show_value)d).", limit)
            % {"limit_value": limit, "show_value": len(value)}, field=field)
    return value


def text_field(fields: dict[str, Any], name: str, *, required: bool = False,
               limit: int = 0) -> None:
    """:func:`text` on ``fields[name]`` in place, for a change that may leave it out; left
    out, it is refused only when required."""
    if name in fields or required:
        fields[name] = text(fields.get(name), name, required=required, limit=limit)
