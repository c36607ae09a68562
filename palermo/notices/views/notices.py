"""Notice pages: list with filters, draft and edit, one notice with its next step, the
review queue, and registering a subject's trip."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.notices.forms import NoticeForm, ReviewForm, TripForm
from palermo.notices.models import Notice, NoticeState
from palermo.notices.services import lifecycle, notices, photos, publicity, travel
from palermo.web.forms import query_int, save, show


@requires("notices.view")
def notice_list(request: HttpRequest) -> HttpResponse:
    filters = {"colour": request.GET.get("colour", ""), "state": request.GET.get("state", ""),
               "country": request.GET.get("country", "")[:3],
               "expiring": request.GET.get("expiring") == "1"}
    found = notices.search(actor(request), **filters)  # type: ignore[arg-type]
    return render(request, "notices/list.html", {
        "notices": list(found[:200]), "filters": filters, "states": NoticeState.choices})


def _to_detail(notice: Notice) -> tuple[str, dict[str, Any]]:
    return "notices:detail", {"notice_id": notice.pk}


@requires("notices.issue")
@require_http_methods(["GET", "POST"])
def notice_create(request: HttpRequest) -> HttpResponse:
    form = NoticeForm(request.POST or None)
    done = save(request, form, lambda **f: notices.draft(actor=actor(request),
                                                          request=request, **f),
                 _("Draft saved. Submit it for review when complete."), _to_detail)
    return done or render(request, "notices/form.html", {"form": form})


@requires("notices.issue")
@require_http_methods(["GET", "POST"])
def notice_edit(request: HttpRequest, notice_id: int) -> HttpResponse:
    user = actor(request)
    notice = get_object_or_404(notices.visible(user), pk=notice_id)
    initial = {name: getattr(notice, name) for name in notices.EDITABLE}
    initial["subject_names"] = "\n".join(notice.subject_names)
    initial["languages"] = ", ".join(notice.languages)
    form = NoticeForm(request.POST or None, initial=initial)
    version = query_int(request, "version", notice.version, source=request.POST)
    done = save(request, form, lambda **f: notices.update(
        notice, actor=user, version=version, request=request, **f), _("Changes saved."),
        _to_detail)
    return done or render(request, "notices/form.html", {"form": form, "notice": notice})


@requires("notices.view")
def notice_detail(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = get_object_or_404(notices.visible(actor(request)), pk=notice_id)
    return _detail(request, notice)


def _detail(request: HttpRequest, notice: Notice, *, review_form: ReviewForm | None = None,
            failed: dict[str, Any] | None = None, status: int = 200) -> HttpResponse:
    """The notice with the next steps open to the user; after a refused step, the same page
    with the error beside the field and what was typed kept."""
    user = actor(request)
    notice = notices.read(notice, actor=user, request=request)
    return render(request, "notices/detail.html", {
        "notice": notice, "missing": notices.missing_labels(notice),
        "case_id": notices.case_of(notice, user),
        "review_form": review_form or ReviewForm(),
        "returned": notices.return_reasons(notice),
        "penalty_threshold": notices.penalty_threshold(notice),
        "travel": travel.raises_travel_alerts(notice),
        "trips": list(notice.trips.select_related("registered_by__agency")[:20]),
        "reviewable": notice.state in notices.REVIEWABLE or notice.renewal_requested,
        "max_suspension": dt.date.today() + lifecycle.MAX_SUSPENSION,
        "may_be_public": publicity.may_be_public(notice),
        "failed": failed or {}, "posted": request.POST if failed else {},
        "reason_max": lifecycle.MAX_REASON,
    }, status=status)


def _step(request: HttpRequest, notice: Notice, step: str) -> None:
    user, post = actor(request), request.POST
    reason = post.get("reason", "")
    if step == "submit":
        notices.submit(notice, actor=user, request=request)
    elif step == "start_review":
        notices.start_review(notice, actor=user, request=request)
    elif step in ("withdraw", "cancel", "request_renewal"):
        getattr(lifecycle, step)(notice, actor=user, reason=reason, request=request)
    elif step == "suspend":
        try:
            until = dt.date.fromisoformat(post.get("until", ""))
        except ValueError:
            raise ServiceError(_("Give the date the suspension ends."), field="until") from None
        lifecycle.suspend(notice, actor=user, until=until, reason=reason, request=request)
    elif step == "resume":
        lifecycle.resume(notice, actor=user, reason=reason, request=request)
    else:
        raise ServiceError(_("Unknown step."), field="step")


DONE = {"submit": gettext_lazy("Submitted for review. Another user checks it against the "
                               "rules; you will be notified when it is published or "
                               "returned."),
        "start_review": gettext_lazy("You have taken this notice for review."),
        "withdraw": gettext_lazy("Notice withdrawn."),
        "cancel": gettext_lazy("Notice cancelled."),
        "suspend": gettext_lazy("Notice suspended."), "resume": gettext_lazy("Notice resumed."),
        "request_renewal": gettext_lazy("Renewal requested; the notice goes back to review.")}


@requires("notices.view")
@require_POST
def notice_step(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = get_object_or_404(notices.visible(actor(request)), pk=notice_id)
    step = request.POST.get("step", "")
    if step == "review":
        return _review(request, notice)
    try:
        _step(request, notice, step)
    except ServiceError as exc:
        notice.refresh_from_db()
        return _detail(request, notice, status=400, failed={
            "step": step, "field": exc.field, "message": exc.message})
    messages.success(request, str(DONE.get(step, "")))
    return redirect("notices:detail", notice_id=notice.pk)


def _review(request: HttpRequest, notice: Notice) -> HttpResponse:
    user = actor(request)
    form = ReviewForm(request.POST)
    renewal = notice.state == NoticeState.PUBLISHED and notice.renewal_requested
    if form.is_valid():
        try:
            reviewed = notices.review(notice, form.checks(), actor=user,
                                      notes=form.cleaned_data["notes"], request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _reviewed(reviewed, renewal))
            if reviewed.state == NoticeState.RETURNED:
                return redirect("notices:review_queue")
            return redirect("notices:detail", notice_id=reviewed.pk)
    notice.refresh_from_db()
    return _detail(request, notice, review_form=form, status=400)


def _reviewed(notice: Notice, renewal: bool) -> str:
    """What the review did, to whom, and what comes next."""
    values = {"author": notice.created_by.full_name, "agency": notice.issuing_agency.name,
              "name": (notice.subject_names or ["—"])[0],
              "date": formats.date_format(notice.expires_on, "SHORT_DATE_FORMAT")
              if notice.expires_on else "—"}
    if notice.state == NoticeState.RETURNED:
        return _("Returned to %(author)s (%(agency)s) with your notes. They have been "
                 "notified; the notice comes back to the review queue when they resubmit "
                 "it.") % values
    if renewal:
        if notice.review and all(r["passed"] for r in notice.review.values()):
            return _("Renewed until %(date)s. %(author)s has been notified.") % values
        return _("Renewal refused: the notice stays in force until %(date)s. %(author)s has "
                 "been notified.") % values
    if notice.watched_person_id:
        return _("Published: %(name)s is on the watch list until %(date)s, and border "
                 "checks show this notice. %(author)s has been notified.") % values
    return _("Published until %(date)s. %(author)s has been notified.") % values


@requires("notices.review")
def review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "notices/review_queue.html",
                  {"notices": list(notices.review_queue(actor(request))[:200])})


@requires("notices.register_travel")
@require_http_methods(["GET", "POST"])
def trip_register(request: HttpRequest, notice_id: int) -> HttpResponse:
    user = actor(request)
    notice = get_object_or_404(notices.visible(user), pk=notice_id)
    form = TripForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            trip = travel.register_trip(notice, actor=user, request=request, **data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Trip registered; %(n)d agencies alerted.")
                             % {"n": trip.alerts.count()})
            return redirect("notices:detail", notice_id=notice.pk)
    return render(request, "notices/trip_form.html", {"form": form, "notice": notice})


@requires("notices.view")
def notice_photo(request: HttpRequest, notice_id: int) -> HttpResponse:
    user = actor(request)
    notice = get_object_or_404(notices.visible(user), pk=notice_id)
    try:
        content, content_type = photos.photo_of(notice, actor=user, request=request)
    except ServiceError:
        raise Http404 from None
    response = HttpResponse(content, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


@requires("notices.issue")
@require_POST
def notice_photo_upload(request: HttpRequest, notice_id: int) -> HttpResponse:
    user = actor(request)
    notice = get_object_or_404(notices.visible(user), pk=notice_id)
    upload = request.FILES.get("photo")
    try:
        photos.set_photo(notice, upload.read(photos.MAX_BYTES + 1) if upload else b"",
                         actor=user, request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Photo saved."))
    return redirect("notices:detail", notice_id=notice.pk)


@requires("notices.issue")
@require_POST
def notice_publicity(request: HttpRequest, notice_id: int) -> HttpResponse:
    """The issuing agency shows or hides the notice's extract on the public portal."""
    user = actor(request)
    notice = get_object_or_404(notices.visible(user), pk=notice_id)
    try:
        publicity.set_public(notice, actor=user, public=request.POST.get("public") == "on",
                             photo=request.POST.get("photo") == "on", request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The public extract is shown on the portal.")
                         if notice.public_extract else
                         _("The notice is not shown on the portal."))
    return redirect("notices:detail", notice_id=notice.pk)
