"""Notice pages: list, draft, one notice with its next step (submit, review, withdraw)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.permissions import actor, requires
from palermo.access.services.errors import ServiceError
from palermo.notices import services
from palermo.notices.forms import NoticeForm
from palermo.vocab import registry


@requires("notices.view")
def notice_list(request: HttpRequest) -> HttpResponse:
    notices = services.visible(actor(request))
    colour, state = request.GET.get("colour", ""), request.GET.get("state", "")
    if colour:
        notices = notices.filter(colour=colour)
    if state:
        notices = notices.filter(state=state)
    return render(request, "notices/list.html", {"notices": list(notices[:200]),
                                                 "colour": colour, "state": state})


@requires("notices.issue")
@require_http_methods(["GET", "POST"])
def notice_create(request: HttpRequest) -> HttpResponse:
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.draft(actor=actor(request), request=request, **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Draft saved. Submit it for review when complete."))
            return redirect("notices:detail", notice_id=notice.pk)
    return render(request, "notices/form.html", {"form": form})


@requires("notices.view")
def notice_detail(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = get_object_or_404(services.visible(actor(request)), pk=notice_id)
    return render(request, "notices/detail.html", {
        "notice": notice, "missing": services.missing_data(notice),
        "checks": list(registry.get("notice_review_checks")),
    })


@requires("notices.view")
@require_POST
def notice_step(request: HttpRequest, notice_id: int) -> HttpResponse:
    user = actor(request)
    notice = get_object_or_404(services.visible(user), pk=notice_id)
    step = request.POST.get("step", "")
    try:
        if step == "submit":
            services.submit(notice, actor=user, request=request)
        elif step == "review":
            checks = {t.code: request.POST.get(f"check_{t.code}") == "yes"
                      for t in registry.get("notice_review_checks")}
            services.review(notice, checks, actor=user, notes=request.POST.get("notes", ""),
                            request=request)
        elif step == "withdraw":
            services.withdraw(notice, actor=user, reason=request.POST.get("reason", ""),
                              request=request)
        else:
            raise ServiceError(_("Unknown step."), field="step")
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("notices:detail", notice_id=notice.pk)
