"""The dashboard, the health check, the language switch and the error pages."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language

from palermo.guards import actor, public, requires
from palermo.web import navigation
from palermo.web.language import remember_choice, supported


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
        remember_choice(actor(request), language)
    return set_language(request)


@public
def bench_bare(request: HttpRequest) -> HttpResponse:
    """The baseline of bench/: a view that does nothing (only routed when benchmarking)."""
    return HttpResponse(b'{"status": "ok"}', content_type="application/json")


ERROR_PAGES = {
    400: (_("The request could not be understood"),
          _("Check what you entered and try again.")),
    403: (_("Not allowed"),
          _("Your roles do not allow this page. If you need it, ask your agency administrator.")),
    404: (_("Page not found"),
          _("There is no page at this address, or it is not one you may see.")),
    500: (_("Something went wrong"), _("The error has been logged. Try again in a moment.")),
    "csrf": (_("The form has expired"),
             _("For your security this form can no longer be sent. Go back, reload the page "
               "and try again.")),
}
API_ERRORS = {400: "bad_request", 403: "forbidden", 404: "not_found", 500: "internal"}


def _error_page(request: HttpRequest, status: int, page: int | str | None = None,
                api_message: str = "") -> HttpResponse:
    """The same error as a page, or as the API's JSON error for an API address."""
    title, message = ERROR_PAGES[page or status]
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": API_ERRORS[status],
                                       "message": api_message or str(title),
                                       "fields": {}}}, status=status)
    return render(request, "web/errors/error.html", {"title": title, "message": message},
                  status=status)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error_page(request, 400)


def forbidden(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error_page(request, 403)


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error_page(request, 404, api_message="no such address")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form posted without its CSRF token, e.g. from a page left open past sign-out."""
    return _error_page(request, 403, "csrf", api_message="CSRF check failed")
