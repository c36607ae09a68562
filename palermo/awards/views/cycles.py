"""The award's home (open calls, one's nominations), the archive of laureates, a cycle with
what the visitor may do in it, the secretariat's steps, and the ceremony."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.awards.forms import CycleForm, InviteeForm, JurorForm, ProgrammeForm
from palermo.awards.models import Cycle, Invitee
from palermo.awards.services import ceremony, cycles, jury, nominations
from palermo.awards.services.common import juror_of
from palermo.guards import actor, requires
from palermo.web.forms import query_int, show


@requires("awards.nominate")
def home(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    mine = nominations.visible(user).filter(nominated_by=user)
    return render(request, "awards/home.html", {
        "cycles": list(cycles.cycles(user)),
        "mine": nominations.listing(mine, actor=user, request=request)})


@requires("awards.nominate")
def archive(request: HttpRequest) -> HttpResponse:
    return render(request, "awards/archive.html",
                  {"laureates": cycles.archive(actor(request), request=request)})


@requires("awards.manage")
@require_http_methods(["GET", "POST"])
def cycle_create(request: HttpRequest) -> HttpResponse:
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = cycles.create(actor=actor(request), request=request, **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Cycle opened. Appoint the jury and its chair."))
            return redirect("awards:cycle", cycle_id=cycle.pk)
    return render(request, "awards/form.html", {"form": form, "title": _("New award cycle")})


@requires("awards.nominate")
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    user = actor(request)
    cycle = get_object_or_404(cycles.cycles(user), pk=cycle_id)
    context: dict[str, Any] = {"cycle": cycle, "juror": juror_of(cycle, user),
               "mine": nominations.listing(nominations.visible(user).filter(
                   cycle=cycle, nominated_by=user), actor=user, request=request)}
    if user.has_perm("awards.manage"):
        context.update(
            all_nominations=nominations.listing(cycle.nominations.select_related(
                "nominating_agency"), actor=user, request=request),
            jurors=list(cycle.jurors.select_related("user__agency")),
            juror_form=JurorForm(candidates=cycles.jury_candidates()))
    return render(request, "awards/cycle.html", context)


STEPS = {"close_call": gettext_lazy("The call is closed; the nominations are with the jury."),
         "appoint": gettext_lazy("Juror appointed."), "dismiss": gettext_lazy("Juror dismissed.")}


@requires("awards.manage")
@require_POST
def cycle_step(request: HttpRequest, cycle_id: int) -> HttpResponse:
    user = actor(request)
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    step = request.POST.get("step", "")
    try:
        if step == "close_call":
            cycles.close_call(cycle, actor=user, request=request)
        elif step == "appoint":
            form = JurorForm(request.POST, candidates=cycles.jury_candidates())
            if not form.is_valid():
                raise ServiceError(_("Choose a juror from the list."), field="user")
            chosen = next(u for u in cycles.jury_candidates()
                          if u.pk == form.cleaned_data["user"])
            cycles.appoint(cycle, chosen, actor=user, chair=form.cleaned_data["chair"],
                           request=request)
        elif step == "dismiss":
            juror_id = query_int(request, "juror", 0, source=request.POST)
            cycles.dismiss(get_object_or_404(cycle.jurors, pk=juror_id),
                           actor=user, request=request)
        else:
            raise ServiceError(_("Unknown step."), field="step")
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, str(STEPS[step]))
    return redirect("awards:cycle", cycle_id=cycle.pk)


@requires("awards.manage")
@require_http_methods(["GET", "POST"])
def ceremony_page(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """The programme and the invitations; each form posts here with its own ``part``."""
    user = actor(request)
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    part = request.POST.get("part", "")
    programme_form = ProgrammeForm(request.POST if part == "programme" else None)
    invitee_form = InviteeForm(request.POST if part == "invitee" else None)
    form = {"programme": programme_form, "invitee": invitee_form}.get(part)
    if form is not None and form.is_valid():
        try:
            if part == "programme":
                ceremony.add_item(cycle, actor=user, request=request, **form.cleaned_data)
            else:
                ceremony.invite(cycle, actor=user, request=request, **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("awards:ceremony", cycle_id=cycle.pk)
    return render(request, "awards/ceremony.html", {
        "cycle": cycle, "programme": list(cycle.programme.all()),
        "invitees": ceremony.invitees(cycle, actor=user, request=request),
        "counts": ceremony.counts(cycle), "rsvp_choices": Invitee.Rsvp.choices,
        "laureates": [r for r in jury.ranking(cycle, actor=user, request=request)
                      if r.laureate],
        "programme_form": programme_form, "invitee_form": invitee_form},
        status=400 if form is not None else 200)


@requires("awards.manage")
@require_POST
def invitee_rsvp(request: HttpRequest, invitee_id: int) -> HttpResponse:
    invitee = get_object_or_404(Invitee, pk=invitee_id)
    try:
        ceremony.answer(invitee, request.POST.get("rsvp", ""), actor=actor(request),
                        request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("awards:ceremony", cycle_id=invitee.cycle_id)
