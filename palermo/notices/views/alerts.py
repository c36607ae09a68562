"""Travel alerts inbox and one alert, with acknowledgement and follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from palermo.access.permissions import actor, requires
from palermo.access.services.errors import ServiceError
from palermo.notices.services import travel


@requires("notices.view")
def travel_alerts(request: HttpRequest) -> HttpResponse:
    alerts = travel.alerts_for(actor(request))
    if request.GET.get("open") == "1":
        alerts = alerts.filter(acknowledged_at__isnull=True)
    return render(request, "notices/travel_alerts.html",
                  {"alerts": list(alerts[:200]), "only_open": request.GET.get("open") == "1"})


@requires("notices.view")
@require_http_methods(["GET", "POST"])
def travel_alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    user = actor(request)
    alert = get_object_or_404(travel.alerts_for(user), pk=alert_id)
    if request.method == "POST":
        first = alert.acknowledged_at is None
        try:
            travel.acknowledge(alert, actor=user, follow_up=request.POST.get("follow_up", ""),
                               request=request)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Alert acknowledged.") if first
                             else _("Follow-up recorded."))
        return redirect("notices:travel_alert", alert_id=alert.pk)
    travel.read_alert(alert, actor=user, request=request)
    return render(request, "notices/travel_alert.html", {"alert": alert,
                                                         "notice": alert.trip.notice})
