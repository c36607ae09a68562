"""The portal's own frame and security headers, for every response under ``/public/``.

A portal visitor is never the application's user: the session cookie is not read on the way
in (so a signed-in officer's session cannot leak into or be used from a portal page) and no
cookie but the language choice and the CSRF token goes out.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render

from palermo.portal.services import language

# Stricter than the application's policy: nothing inline, nothing from elsewhere, no frames,
# no plugins, no <base>, forms post only to the portal itself.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
])
PERMISSIONS_POLICY = ("camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                      "interest-cohort=(), browsing-topics=()")
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60


def allowed_cookies() -> set[str]:
    return {language.COOKIE, settings.CSRF_COOKIE_NAME}


def _framed(response: HttpResponseBase) -> bool:
    content = getattr(response, "content", b"")
    return b"data-portal-frame" in content or response.get("Content-Type", "").startswith(
        "application/json")


def _error_page(request: HttpRequest, status: int) -> HttpResponseBase:
    """The application's error pages carry its navigation; a portal visitor gets the
    portal's own page instead."""
    kind = status if status in (400, 403, 404) else 500
    return render(request, "portal/error.html", {"status": kind}, status=status)


def is_portal(path: str) -> bool:
    return path.startswith(language.PREFIX) or path == language.PREFIX.rstrip("/")


class PortalMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_portal(request.path):
            return self.get_response(request)
        request.COOKIES = {name: value for name, value in request.COOKIES.items()
                           if name in allowed_cookies()}
        request.portal = language.frame(request)  # type: ignore[attr-defined]
        response = self.get_response(request)
        if response.status_code >= 400 and not _framed(response):
            response = _error_page(request, response.status_code)
        for name in list(response.cookies):
            if name not in allowed_cookies():
                del response.cookies[name]
        named = language.from_path(request.path)
        if named and request.COOKIES.get(language.COOKIE) != named:
            response.set_cookie(
                language.COOKIE, named, max_age=LANGUAGE_COOKIE_AGE, path=language.PREFIX,
                secure=settings.LANGUAGE_COOKIE_SECURE, httponly=True, samesite="Strict",
            )
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response["Permissions-Policy"] = PERMISSIONS_POLICY
        # Nothing goes to another site. Not "no-referrer": with it a browser sends
        # "Origin: null" on the portal's own form posts, and the CSRF check refuses them.
        response["Referrer-Policy"] = "same-origin"
        response["X-Frame-Options"] = "DENY"
        response["X-Content-Type-Options"] = "nosniff"
        response["Cross-Origin-Opener-Policy"] = "same-origin"
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        response["Cache-Control"] = "no-store"
        return response
