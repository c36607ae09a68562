"""Choosing the interface language."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.http import HttpResponseBase
from django.utils import translation


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
