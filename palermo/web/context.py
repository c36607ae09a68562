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
    match = getattr(request, "resolver_match", None)
    badges = navigation.badges_for(request) if show else []
    return {
        "menu": navigation.menu_for(user, match.view_name if match else "") if show else None,
        "badges": badges,
        # On a phone the badges sit inside the folded menu: its button carries their sum.
        "badges_waiting": sum(count for _badge, count in badges),
        "alerts": navigation.alerts_for(request) if show else None,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
