"""Diffusions: the list of what one's agency sent and received, the composer, and one
diffusion with its acknowledgements and after-the-fact review."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.notices.forms import DiffusionForm
from palermo.notices.models import Diffusion
from palermo.notices.services import diffusions
from palermo.vocab import registry
from palermo.web.forms import show


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
            # The form names the agencies field agency_ids; the service says agencies.
            if exc.field == "agencies":
                exc.field = "agency_ids"
            show(form, exc)
        else:
            messages.success(request, _sent(diffusion))
            return redirect("notices:diffusion", diffusion_id=diffusion.pk)
    return render(request, "notices/diffusion_form.html", {"form": form},
                  status=400 if form.errors else 200)


def _sent(diffusion: Diffusion) -> str:
    """Who received it, by name, and what happens next."""
    language = get_language() or "en"
    names = [f"{r.agency.name} ({registry.label('countries', r.agency.country, language)})"
             if r.agency.country else r.agency.name
             for r in diffusion.recipients.select_related("agency").order_by("agency__name")]
    return ngettext(
        "Diffusion sent to %(n)d agency: %(names)s. It will be reviewed against the rules for "
        "notices; the recipient acknowledges it on this page.",
        "Diffusion sent to %(n)d agencies: %(names)s. It will be reviewed against the rules "
        "for notices; each recipient acknowledges it on this page.",
        len(names)) % {"n": len(names), "names": ", ".join(names)}


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
