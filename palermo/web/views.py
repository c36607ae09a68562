"""The dashboard, the health check, the language switch and the error pages."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language

from palermo.access.permissions import actor, public, requires
from palermo.access.services import users
from palermo.web import navigation
from palermo.web.language import supported


@requires("web.view_dashboard")
def dashboard(request: HttpRequest) -> HttpResponse:
    cards = [
        {"card": card, "context": card.context(request)}
        for card in navigation.cards_for(request.user)
    ]
    return render(request, "web/dashboard.html", {"cards": cards})


@public
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@public
@require_POST
def switch_language(request: HttpRequest) -> HttpResponseBase:
    """Django's set_language, plus remembering the choice on the user's account."""
    language = request.POST.get("language", "")
    # set_language itself refuses a "next" address on another host.
    if supported(language) and request.user.is_authenticated:
        users.set_language(actor(request), language)
    return set_language(request)


@public
def bench_bare(request: HttpRequest) -> HttpResponse:
    """The baseline of bench/: a view that does nothing (only routed when benchmarking)."""
    return HttpResponse(b'{"status": "ok"}', content_type="application/json")


def _error_page(request: HttpRequest, status: int, template: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        codes = {400: "bad_request", 403: "forbidden", 404: "not_found", 500: "internal"}
        messages = {400: "the request is not valid", 403: "not allowed",
                    404: "no such address", 500: "something went wrong on the server"}
        return JsonResponse({"error": {"code": codes[status], "message": messages[status],
                                       "fields": {}}}, status=status)
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error_page(request, 400, "web/errors/400.html")


def forbidden(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error_page(request, 403, "web/errors/403.html")


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error_page(request, 404, "web/errors/404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(request, 500, "web/errors/500.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form posted without its CSRF token, e.g. from a page left open past sign-out."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "forbidden", "message": "CSRF check failed",
                                       "fields": {}}}, status=403)
    return render(request, "web/errors/csrf.html", status=403)
