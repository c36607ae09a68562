"""Coverage of the professions, awareness campaigns with their reach, and the materials
library."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.training.forms import CampaignForm, MaterialForm, ReachForm
from palermo.training.services import campaigns, courses, coverage, materials
from palermo.web.forms import parse_int, show


def _int(value: str | None) -> int | None:
    return parse_int(value)


@requires("training.view")
def coverage_page(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    filters = {"course_id": _int(request.GET.get("course")),
               "agency_id": _int(request.GET.get("agency")),
               "profession": request.GET.get("profession", "")[:40]}
    rows = coverage.coverage(actor=user, **filters)  # type: ignore[arg-type]
    return render(request, "training/coverage.html", {
        "rows": rows, "filters": filters, "today": timezone.localdate(),
        "soon": timezone.localdate() + coverage.DUE_SOON,
        "courses": list(courses.courses(user)),
        "agencies": list(agencies.listing().filter(active=True)),
        "totals": {"trained": sum(r.trained for r in rows), "due": sum(r.due for r in rows)}})


@requires("training.view")
def due_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    filters = {"course_id": _int(request.GET.get("course")),
               "agency_id": _int(request.GET.get("agency")),
               "profession": request.GET.get("profession", "")[:40]}
    return render(request, "training/due.html", {
        "due": coverage.due(actor=user, request=request, **filters),  # type: ignore[arg-type]
        "today": timezone.localdate(), "filters": filters})


@requires("training.view")
def campaign_list(request: HttpRequest) -> HttpResponse:
    return render(request, "training/campaigns.html",
                  {"campaigns": list(campaigns.campaigns(actor(request)))})


@requires("training.manage")
@require_http_methods(["GET", "POST"])
def campaign_create(request: HttpRequest) -> HttpResponse:
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = campaigns.create(actor=actor(request), request=request,
                                        **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Campaign recorded."))
            return redirect("training:campaign", campaign_id=campaign.pk)
    return render(request, "training/form.html", {"form": form,
                                                  "title": _("New awareness campaign")})


@requires("training.view")
def campaign_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(campaigns.campaigns(actor(request)), pk=campaign_id)
    return render(request, "training/campaign.html", {
        "campaign": campaign, "by_channel": campaigns.reach_by_channel(campaign),
        "reach": list(campaign.reach.all()), "materials": list(campaign.materials.all()),
        "form": ReachForm(initial={"measured_on": timezone.localdate()})})


@requires("training.manage")
@require_POST
def campaign_reach(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(campaigns.campaigns(actor(request)), pk=campaign_id)
    form = ReachForm(request.POST)
    if form.is_valid():
        try:
            campaigns.add_reach(campaign, actor=actor(request), request=request,
                                **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Reach recorded."))
            return redirect("training:campaign", campaign_id=campaign.pk)
    return render(request, "training/campaign.html", {
        "campaign": campaign, "by_channel": campaigns.reach_by_channel(campaign),
        "reach": list(campaign.reach.all()), "materials": list(campaign.materials.all()),
        "form": form}, status=400)


@requires("training.view")
def material_list(request: HttpRequest) -> HttpResponse:
    return render(request, "training/materials.html",
                  {"materials": list(materials.materials(actor(request)))})


@requires("training.manage")
@require_http_methods(["GET", "POST"])
def material_add(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    known_courses, known_campaigns = courses.courses(user), campaigns.campaigns(user)
    form = MaterialForm(request.POST or None, request.FILES or None,
                        courses=known_courses, campaigns=known_campaigns)
    if request.method == "POST" and form.is_valid():
        data, upload = form.cleaned_data, form.cleaned_data.get("file")
        try:
            material = materials.add(
                actor=user, request=request, title=data["title"],
                course=known_courses.filter(pk=data["course_id"]).first()
                if data["course_id"] else None,
                campaign=known_campaigns.filter(pk=data["campaign_id"]).first()
                if data["campaign_id"] else None,
                upload=(upload.name, upload) if upload else None,
                library_guide_id=data["library_guide_id"])
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("“%(title)s” added to the materials.")
                             % {"title": material.title})
            return redirect("training:materials")
    return render(request, "training/form.html", {"form": form, "multipart": True,
                                                  "title": _("Add material")})


@requires("training.view")
def material_download(request: HttpRequest, material_id: int) -> HttpResponseBase:
    user = actor(request)
    material = get_object_or_404(materials.materials(user), pk=material_id)
    if material.library_guide_id:
        return redirect("library:guide", guide_id=material.library_guide_id)
    return FileResponse(materials.open_file(material, actor=user, request=request),
                        as_attachment=True, filename=material.name,
                        content_type=material.content_type)
