"""Travel alerts inbox and one alert: acknowledgement and follow-up, taking it over, and
closing it with an outcome."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.notices.forms import AlertCloseForm
from palermo.notices.models import TravelAlert
from palermo.notices.services import travel
from palermo.vocab import registry
from palermo.web.forms import query_int, show


@requires("notices.view")
def travel_alerts(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    alerts = travel.alerts_for(user)
    show_ = request.GET.get("show", "")
    if request.GET.get("open") == "1":
        show_ = "unacknowledged"
    if show_ == "unacknowledged":
        alerts = alerts.filter(state=TravelAlert.State.OPEN)
    elif show_ == "open":
        alerts = alerts.exclude(state=TravelAlert.State.CLOSED)
    elif show_ == "closed":
        alerts = alerts.filter(state=TravelAlert.State.CLOSED)
    return render(request, "notices/travel_alerts.html", {
        "travel_alerts": list(alerts[:200]), "show": show_,
        "every_agency": travel.sees_every_agency(user)})


def _page(request: HttpRequest, alert: TravelAlert, *, close_form: AlertCloseForm | None = None,
          error: str = "", follow_up_error: str = "", status: int = 200) -> HttpResponse:
    user = actor(request)
    travel.read_alert(alert, actor=user, request=request)
    return render(request, "notices/travel_alert.html", {
        "alert": alert, "notice": alert.trip.notice,
        "may_act": travel.may_act(alert, user),
        "close_form": close_form or AlertCloseForm(), "error": error,
        "follow_up_error": follow_up_error,
        "posted": request.POST if status != 200 else {}}, status=status)


@requires("notices.view")
@require_http_methods(["GET", "POST"])
def travel_alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    user = actor(request)
    alert = get_object_or_404(travel.alerts_for(user), pk=alert_id)
    if request.method == "GET":
        return _page(request, alert)
    step = request.POST.get("step", "acknowledge")
    version = query_int(request, "version", alert.version, source=request.POST)
    form = AlertCloseForm(request.POST) if step == "close" else None
    if form is not None and not form.is_valid():
        return _page(request, alert, close_form=form, status=400)
    first = alert.acknowledged_at is None
    try:
        if step == "acknowledge":
            alert = travel.acknowledge(alert, actor=user, version=version, request=request,
                                       follow_up=request.POST.get("follow_up", ""))
        else:
            data = form.cleaned_data if form is not None else {}
            alert = travel.step(alert, step, actor=user, version=version, request=request,
                                outcome=data.get("outcome", ""), note=data.get("note", ""))
    except ServiceError as exc:
        alert.refresh_from_db()
        if form is not None and exc.field in form.fields:
            show(form, exc)
            return _page(request, alert, close_form=form, status=400)
        if exc.field == "follow_up":
            return _page(request, alert, follow_up_error=exc.message, status=400)
        return _page(request, alert, close_form=form, error=exc.message, status=400)
    messages.success(request, _done(alert, step, first))
    if step == "close":
        return redirect("notices:travel_alerts")
    return redirect("notices:travel_alert", alert_id=alert.pk)


def _done(alert: TravelAlert, step: str, first: bool) -> str:
    if step == "close":
        return _("Alert closed as “%(outcome)s”. It is kept under the closed alerts.") % {
            "outcome": registry.label("alert_outcomes", alert.outcome, get_language() or "en")}
    if step == "take_over":
        return _("You have taken this alert over: it shows as yours to everyone who sees it. "
                 "Close it with an outcome when it is dealt with.")
    if first:
        return _("Alert acknowledged. The issuing agency can see that you have it; record "
                 "what you do as follow-up, and close the alert with an outcome.")
    return _("Follow-up recorded.")
