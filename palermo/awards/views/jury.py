"""The jury's pages: declaring a conflict, scoring and naming a laureate on a nomination;
the ranking with the deliberation notes; closing the deliberation."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.awards.models import Cycle
from palermo.awards.services import cycles, jury, nominations
from palermo.awards.services.common import juror_of
from palermo.guards import actor, requires

DONE = {"conflict": gettext_lazy("Conflict of interest declared; you will not score this "
                                  "nomination."),
        "score": gettext_lazy("Score saved."), "laureate": gettext_lazy("Laureate named.")}


@requires("awards.jury")
@require_POST
def nomination_step(request: HttpRequest, nomination_id: int) -> HttpResponse:
    user = actor(request)
    nomination = get_object_or_404(nominations.visible(user), pk=nomination_id)
    step, post = request.POST.get("step", ""), request.POST
    try:
        if step == "conflict":
            jury.declare_conflict(nomination, actor=user, reason=post.get("reason", ""),
                                  request=request)
        elif step == "score":
            marks = {t.code: post.get(f"mark_{t.code}") for t in jury.criteria()}
            jury.score(nomination, marks, actor=user, comment=post.get("comment", ""),
                       request=request)
        elif step == "laureate":
            jury.name_laureate(nomination, actor=user, citation=post.get("citation", ""),
                               request=request)
        else:
            raise ServiceError(_("Unknown step."), field="step")
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, str(DONE[step]))
    if step == "laureate":
        return redirect("awards:ranking", cycle_id=nomination.cycle_id)
    return redirect("awards:nomination", nomination_id=nomination.pk)


@requires("awards.jury")
def ranking(request: HttpRequest, cycle_id: int) -> HttpResponse:
    user = actor(request)
    cycle = get_object_or_404(cycles.cycles(user), pk=cycle_id)
    try:
        rows = jury.ranking(cycle, actor=user, request=request)
        notes = jury.notes(cycle, actor=user)
    except NotAllowed:
        raise Http404 from None  # as for a nomination one may not see: no hint
    return render(request, "awards/ranking.html", {
        "cycle": cycle, "rows": rows, "notes": notes, "juror": juror_of(cycle, user),
        "in_jury": cycle.state == Cycle.State.JURY})


@requires("awards.jury")
@require_POST
def deliberation(request: HttpRequest, cycle_id: int) -> HttpResponse:
    user = actor(request)
    cycle = get_object_or_404(cycles.cycles(user), pk=cycle_id)
    try:
        if request.POST.get("step") == "decide":
            cycles.decide(cycle, actor=user, request=request)
            messages.success(request, _("Deliberation closed; the laureates are announced."))
        else:
            jury.add_note(cycle, actor=user, text=request.POST.get("text", ""),
                          request=request)
            messages.success(request, _("Note added."))
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("awards:ranking", cycle_id=cycle.pk)
