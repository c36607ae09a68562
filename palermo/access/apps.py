from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.http import HttpRequest

if TYPE_CHECKING:
    from palermo.access.models import User


class AccessConfig(AppConfig):
    name = "palermo.access"
    label = "access"
    verbose_name = "Access"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from django.utils.translation import gettext_lazy as _

        from palermo import guards
        from palermo.web.language import remember_choices_with
        from palermo.web.navigation import NavEntry, add_entry

        add_entry(NavEntry(_("Sign-in security"), "access:security", "access.view_security",
                           "admin"))
        # Upgrades bring new default permissions to existing roles without a manual step.
        post_migrate.connect(_sync_default_roles, sender=self)
        guards.register(authenticate_token=_authenticate_token)
        remember_choices_with(_remember_language)


def _authenticate_token(token: str, request: HttpRequest) -> User | None:
    from palermo.access.services import tokens

    return tokens.authenticate(token, request=request)


def _remember_language(user: User, language: str) -> None:
    from palermo.access.services import users

    users.set_language(user, language)


def _sync_default_roles(**kwargs: object) -> None:
    from palermo.access.services import roles

    roles.sync_defaults()
