"""The nomination form, one nomination (an audited read) with what the visitor may do with
it, the eligibility check, and attachments."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.awards.forms import NominationForm
from palermo.awards.models import Attachment, Cycle
from palermo.awards.services import cycles, jury, nominations
from palermo.awards.services.common import juror_of
from palermo.guards import actor, requires
from palermo.vocab import registry
from palermo.web.forms import show


@requires("awards.nominate")
@require_http_methods(["GET", "POST"])
def nominate(request: HttpRequest, cycle_id: int) -> HttpResponse:
    user = actor(request)
    cycle = get_object_or_404(cycles.cycles(user), pk=cycle_id)
    form = NominationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        uploads = data.pop("attachments") or []
        try:
            nomination = nominations.submit(
                cycle, actor=user, request=request,
                attachments=[(f.name, f) for f in uploads], **data)
        except nominations.AlreadyNominated as exc:
            form = NominationForm(request.POST, request.FILES, warned=True)
            form.is_valid()
            again = _("Choose the attachments again.") if uploads else ""
            form.add_error("nominee_name", f"{exc.message} {again}".strip())
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _(
                "Thank you: your nomination of %(name)s is submitted. The secretariat checks "
                "that it is eligible; the jury scores it after the call closes on %(day)s.")
                % {"name": nomination.nominee_name,
                   "day": formats.date_format(cycle.closes_on, "SHORT_DATE_FORMAT")})
            return redirect("awards:nomination", nomination_id=nomination.pk)
    return render(request, "awards/form.html", {
        "form": form, "multipart": True, "cycle": cycle,
        "title": _("Nominate for %(title)s") % {"title": cycle.title}})


@requires("awards.nominate")
def nomination_detail(request: HttpRequest, nomination_id: int) -> HttpResponse:
    user = actor(request)
    nomination = nominations.read(get_object_or_404(nominations.visible(user),
                                                    pk=nomination_id), actor=user,
                                  request=request)
    cycle = nomination.cycle
    juror = juror_of(cycle, user)
    mine = nomination.scores.filter(juror=user).first() if juror else None
    return render(request, "awards/nomination.html", {
        "nomination": nomination, "cycle": cycle, "juror": juror,
        "also_nominated": list(nominations.same_nominee(
            cycle, nomination.nominee_name, nomination.nominee_email, exclude=nomination.pk))
        if user.has_perm("awards.manage") else [],
        "attachments": list(nomination.attachments.all()),
        "conflict": nomination.conflicts.filter(juror=user).first() if juror else None,
        "my_score": mine, "marks": jury.MARKS,
        "criteria": [(t, mine.marks.get(t.code) if mine else None) for t in jury.criteria()],
        "checks": [(t.code, nomination.eligibility.get(t.code, False))
                   for t in registry.get("award_eligibility")],
        "laureate": getattr(nomination, "laureate", None),
        "in_jury": cycle.state == Cycle.State.JURY})


@requires("awards.manage")
@require_POST
def eligibility(request: HttpRequest, nomination_id: int) -> HttpResponse:
    user = actor(request)
    nomination = get_object_or_404(nominations.visible(user), pk=nomination_id)
    checks = {t.code: request.POST.get(f"check_{t.code}") == "yes"
              for t in registry.get("award_eligibility")}
    try:
        nominations.check_eligibility(nomination, checks, actor=user,
                                      note=request.POST.get("note", ""), request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Eligibility recorded."))
    return redirect("awards:nomination", nomination_id=nomination.pk)


@requires("awards.nominate")
def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    user = actor(request)
    found = get_object_or_404(Attachment, pk=attachment_id)
    try:
        handle = nominations.open_attachment(found, actor=user, request=request)
    except NotAllowed:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=found.name,
                        content_type=found.content_type)
