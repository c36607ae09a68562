"""Choosing the interface language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.http import HttpResponseBase
from django.utils import translation

if TYPE_CHECKING:
    from palermo.access.models import User

# Keeps a signed-in user's choice on their account. Access registers it in its ready(), as
# web may not import access's services (access uses web's helpers).
LanguageKeeper = Callable[["User", str], None]
_keepers: list[LanguageKeeper] = []


def supported(language: str) -> bool:
    return language in dict(settings.LANGUAGES)


def activate_for_response(response: HttpResponseBase, language: str) -> HttpResponseBase:
    """Set the language cookie so the user's chosen language follows them after sign-in."""
    if supported(language):
        translation.activate(language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language,
            max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
            secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=cast(Any, settings.LANGUAGE_COOKIE_SAMESITE),
        )
    return response


def remember_choices_with(keeper: LanguageKeeper) -> None:
    if keeper not in _keepers:
        _keepers.append(keeper)


def remember_choice(user: User, language: str) -> None:
    """The user's account keeps the language they chose, for their next sign-in."""
    for keeper in _keepers:
        keeper(user, language)
