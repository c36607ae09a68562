"""The public certificate check: anyone with a certificate's code sees the name, the course
and the dates, and nothing else; a wrong code says only that it is not valid."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from palermo.guards import public
from palermo.training.services import certificates


@public
@require_GET
def verify(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip()[:100]
    found = certificates.verify(code, request=request) if code else None
    response = render(request, "training/verify.html", {"code": code, "found": found})
    # The code is in the address; keep it out of caches and other sites' logs.
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
