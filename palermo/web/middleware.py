"""Security headers that Django's SecurityMiddleware does not set."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponseBase

from palermo.core.errors import error_response
from palermo.web import badinput, views

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}

# No inline script or style and nothing from another origin: every asset ships in the package.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            # Pages about people must not linger in shared caches or the back button.
            response.setdefault("Cache-Control", "no-store, private")
        return response


class BadInputMiddleware:
    """Refuses, before any view, query or form data that no field may hold (text with a
    NUL or an unpaired surrogate, see badinput) and more fields than Django allows; answers
    404 for a page address whose number is beyond any id. JSON bodies of the API are checked
    by its parser and its operations' inputs (palermo/api.py). A form body over the size
    limit is left to Django, which answers 400."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        api = request.path_info.startswith("/api/")
        try:
            problem = _bad_field(request, api)
        except TooManyFieldsSent:
            return _refuse(request, api, 400, "bad_request",
                           f"more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} query or "
                           "form fields")
        if problem is not None:
            field, message = problem
            return _refuse(request, api, 422 if api else 400, "invalid",
                           f"the request is not valid: {field} {message}", {field: [message]})
        if not api and badinput.text_problem(request.path_info):
            return views.not_found(request)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any],
                     args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        # A page's <int:...> converter takes any number of digits; no record has such an id.
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and badinput.int_problem(value):
                raise Http404


def _bad_field(request: HttpRequest, api: bool) -> tuple[str, str] | None:
    sources = [request.GET]
    if not api and request.content_type in FORM_TYPES:
        # The API reads its own bodies (its parser, the exchange's message reader).
        sources.append(request.POST)
    for data in sources:
        for key, values in data.lists():
            for path, problem in badinput.problems([key, *values]):
                return key, (f"the name {problem}" if path == (0,) else problem)
    return None


def _refuse(request: HttpRequest, api: bool, status: int, code: str, message: str,
            fields: dict[str, list[str]] | None = None) -> HttpResponseBase:
    if api:
        return error_response(status, code, message, fields)
    return views.bad_request(request)
