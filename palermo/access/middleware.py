"""Request guards: deny by default, second factor, session lifetime, the user's time zone."""

from __future__ import annotations

import time
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone

from palermo.access.services import mfa
from palermo.audit import services as audit
from palermo.guards import SELF_GUARDED_NAMESPACES, declared_permission

Handler = Callable[[HttpRequest], HttpResponseBase]
LOGIN_AT = "palermo_login_at"
SEEN_AT = "palermo_seen_at"
# Refreshing the idle clock more often than this would write the session on every request.
_SEEN_RESOLUTION = 60


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


class DenyByDefaultMiddleware:
    """A page view that declares no permission is refused, whoever asks."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any,
                     kwargs: Any) -> HttpResponseBase | None:
        match = request.resolver_match
        if match is not None and SELF_GUARDED_NAMESPACES.intersection(match.namespaces):
            return None
        if declared_permission(view) is None:
            raise PermissionDenied("this address declares no permission")
        return None


class SessionLifetimeMiddleware:
    """Sign out a session idle for 30 minutes or older than 12 hours (see settings)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and LOGIN_AT in request.session:
            now = time.time()
            login_at = request.session[LOGIN_AT]
            seen_at = request.session.get(SEEN_AT, login_at)
            idle = now - seen_at > settings.PALERMO_SESSION_IDLE_SECONDS
            too_old = now - login_at > settings.PALERMO_SESSION_ABSOLUTE_SECONDS
            if idle or too_old:
                audit.record("auth.session_expired", actor=user, request=request,
                             object_type="user", object_id=user.pk,
                             detail={"why": "idle" if idle else "absolute lifetime"})
                logout(request)
                if _is_api(request):
                    return _json_error(401, "unauthenticated", "your session has expired")
                return redirect_to_login(request.get_full_path())
            if now - seen_at > _SEEN_RESOLUTION:
                request.session[SEEN_AT] = now
        return self.get_response(request)


def start_session_clock(request: HttpRequest) -> None:
    now = time.time()
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now


class MfaRequiredMiddleware:
    """Until a user who needs a second factor has given it, they reach only the pages that
    let them give it (or set it up), sign out, or switch language."""

    ALLOWED_URL_NAMES = {"mfa_verify", "mfa_setup", "logout", "switch_language", "healthz",
                         "login"}

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any,
                     kwargs: Any) -> HttpResponseBase | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.url_name in self.ALLOWED_URL_NAMES:
            return None
        if not mfa.needs_second_factor(user):
            return None
        if _is_api(request) and request.headers.get("Authorization"):
            return None  # a request that presents a token is judged by the token alone
        if _is_api(request) and (match is None or match.url_name != "openapi-view"):
            return _json_error(401, "unauthenticated",
                               "finish signing in with your second factor first")
        target = "access:mfa_verify" if mfa.has_device(user) else "access:mfa_setup"
        return redirect(target)


class UserTimezoneMiddleware:
    """Times are stored in UTC and shown in the user's own zone."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        zone = getattr(user, "time_zone", None) if user is not None else None
        if zone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


def _json_error(status: int, code: str, message: str) -> HttpResponse:
    return JsonResponse({"error": {"code": code, "message": message, "fields": {}}},
                        status=status)
