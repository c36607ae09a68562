"""Pages that reach a highly restricted case's persons or documents without a reason send the
user to say why, then back to where they were going. The API answers 403 instead (its
exception handler sees the error first) and the caller adds ``?reason=``."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from palermo.cases.services.restricted import ReasonRequired


class ReasonRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception
                          ) -> HttpResponse | None:
        if not isinstance(exception, ReasonRequired):
            return None
        back = request.get_full_path() if request.method == "GET" else \
            request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            back = reverse("cases:case_detail", args=[exception.case_id])
        target = reverse("cases:case_reason", args=[exception.case_id])
        return HttpResponseRedirect(f"{target}?{urlencode({'next': back})}")
