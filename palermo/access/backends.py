"""Authentication by email and password; permissions from the user's roles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from palermo.access.models import normalise_email
from palermo.vocab import registry


def lockout_username(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str | None:
    """The username django-axes counts failures against (AXES_USERNAME_CALLABLE): the email
    in the spelling sign-in looks it up by, so another case or width is no fresh start."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = credentials.get(field) if credentials else None
    if value is None and request is not None:
        value = getattr(request, "data", request.POST).get(field)
    return normalise_email(str(value)) if value else value


class RolePermissionBackend(ModelBackend):
    """A user has a Palermo permission when one of their roles grants it.

    Django's own model permissions (``app.change_model``) are used only by the admin, which
    only superusers may open; a superuser gets those and nothing more, so being a superuser
    never shows anyone a victim's identity.
    """

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if not user_obj.is_active or user_obj.is_anonymous:
            return False
        if perm in registry.get("permissions"):
            # Object rules (need to know) are the rules backend's; a role grant is global.
            return obj is None and perm in user_obj.palermo_permissions()
        return bool(user_obj.is_superuser and obj is None)

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return set(user_obj.palermo_permissions())

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return bool(user_obj.is_active and user_obj.is_superuser)
