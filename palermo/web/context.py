"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language_bidi

from palermo.web import navigation


def navigation_context(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    verified = signed_in and bool(getattr(user, "is_verified", lambda: False)())
    show = signed_in and (verified or not getattr(user, "requires_mfa", True))
    return {
        "nav_main": navigation.entries_for(user, "main") if show else [],
        "nav_admin": navigation.entries_for(user, "admin") if show else [],
        "badges": navigation.badges_for(request) if show else [],
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
