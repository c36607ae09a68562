"""The border officer's page and the owning agency's alerts."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from palermo.access.permissions import actor, requires
from palermo.access.services.errors import ServiceError
from palermo.screening import services


@requires("screening.check")
@require_http_methods(["GET", "POST"])
def check_page(request: HttpRequest) -> HttpResponse:
    """Works without JavaScript (the form posts here); with it, screening.js asks the API and
    shows the answer without reloading the page."""
    context: dict[str, object] = {"q": ""}
    if request.method == "POST":
        context["q"] = request.POST.get("q", "")
        try:
            query = services.interpret(str(context["q"]))
            context["result"] = services.check(actor(request), query,
                                               post=request.POST.get("post", ""),
                                               request=request)
        except ServiceError as exc:
            context["error"] = exc.message
    if request.headers.get("X-Palermo-Fragment") == "result":
        return render(request, "screening/result.html", context)
    return render(request, "screening/check.html", context)


@requires("screening.manage")
def alert_list(request: HttpRequest) -> HttpResponse:
    return render(request, "screening/alerts.html",
                  {"alerts": list(services.alerts_for(actor(request))[:200])})
