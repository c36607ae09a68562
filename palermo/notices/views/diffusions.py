"""Diffusions: the list of what one's agency sent and received, the composer, and one
diffusion with its acknowledgements and after-the-fact review."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.permissions import actor, requires
from palermo.access.services.errors import ServiceError
from palermo.notices.forms import DiffusionForm
from palermo.notices.services import diffusions
from palermo.vocab import registry


@requires("notices.view")
def diffusion_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    return render(request, "notices/diffusions.html", {
        "diffusions": list(diffusions.visible(user)[:200])})


@requires("notices.diffuse")
@require_http_methods(["GET", "POST"])
def diffusion_create(request: HttpRequest) -> HttpResponse:
    form = DiffusionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            diffusion = diffusions.send(actor=actor(request), request=request,
                                        **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Diffusion sent to %(n)d agencies. It will be "
                                        "reviewed.") % {"n": diffusion.recipients.count()})
            return redirect("notices:diffusion", diffusion_id=diffusion.pk)
    return render(request, "notices/diffusion_form.html", {"form": form})


@requires("notices.view")
def diffusion_detail(request: HttpRequest, diffusion_id: int) -> HttpResponse:
    user = actor(request)
    diffusion = diffusions.read(get_object_or_404(diffusions.visible(user), pk=diffusion_id),
                                actor=user, request=request)
    recipients = list(diffusion.recipients.select_related("agency", "acknowledged_by"))
    mine = next((r for r in recipients if r.agency_id == user.agency_id), None)
    return render(request, "notices/diffusion.html", {
        "diffusion": diffusion, "recipients": recipients, "mine": mine,
        "checks": list(registry.get("notice_review_checks"))})


@requires("notices.view")
@require_POST
def diffusion_step(request: HttpRequest, diffusion_id: int) -> HttpResponse:
    user = actor(request)
    diffusion = get_object_or_404(diffusions.visible(user), pk=diffusion_id)
    try:
        if request.POST.get("step") == "acknowledge":
            diffusions.acknowledge(diffusion, actor=user,
                                   response=request.POST.get("response", ""), request=request)
            messages.success(request, _("Diffusion acknowledged."))
        elif request.POST.get("step") == "review":
            checks = {t.code: request.POST.get(f"check_{t.code}") == "yes"
                      for t in registry.get("notice_review_checks")}
            diffusions.review(diffusion, checks, actor=user,
                              notes=request.POST.get("notes", ""), request=request)
            messages.success(request, _("Review recorded."))
        else:
            raise ServiceError(_("Unknown step."), field="step")
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("notices:diffusion", diffusion_id=diffusion.pk)
