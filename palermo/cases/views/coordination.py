"""Referrals, tasks, the coordinator's overview and the notification bell."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from palermo.access.permissions import actor, requires, signed_in
from palermo.cases.forms import ReferralAnswerForm, ReferralForm, TaskForm, TaskStateForm
from palermo.cases.services import overview, persons, reading, referrals, tasks, timeline
from palermo.cases.services.errors import ServiceError
from palermo.web.forms import query_int
from palermo.web.safety import safe_next


@requires("cases.refer")
@require_POST
def referral_create(request: HttpRequest, case_person_id: int) -> HttpResponse:
    case_person, _card = persons.get_visible(actor(request), case_person_id, request=request)
    form = ReferralForm(request.POST, prefix="referral")
    try:
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            raise ServiceError(f"{form.fields[field].label}: {errors[0]}", field=field)
        data = form.cleaned_data
        referrals.send(case_person, data["to_agency"], data["reason"], actor=actor(request),
                       consent=data["consent"],
                       consent_override_reason=data["consent_override_reason"],
                       due_on=data["due_on"], note=data["note"], request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The referral is sent."))
    return redirect("cases:person_detail", case_person_id=case_person.pk)


@requires("cases.refer")
@require_GET
def referral_inbox(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    rows = list(referrals.inbox(user)[:200])
    return render(request, "cases/referral_inbox.html", {
        "incoming": [r for r in rows if r.to_agency_id == user.agency_id],
        "outgoing": [r for r in rows if r.from_agency_id == user.agency_id],
        "answer_form": ReferralAnswerForm(),
    })


@requires("cases.refer")
@require_POST
def referral_answer(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = referrals.inbox(actor(request)).filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    form = ReferralAnswerForm(request.POST)
    try:
        if not form.is_valid():
            raise ServiceError(_("Choose an answer."), field="answer")
        data = form.cleaned_data
        referrals.answer(referral, data["answer"], actor=actor(request),
                         version=data["version"], rejection_reason=data["rejection_reason"],
                         note=data["note"], request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The referral is updated."))
    return redirect("cases:referral_inbox")


@requires("cases.edit")
@require_POST
def task_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    form = TaskForm(request.POST)
    try:
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            raise ServiceError(f"{form.fields[field].label}: {errors[0]}", field=field)
        data = form.cleaned_data
        tasks.create(case, data["title"], actor=actor(request), agency=data["agency"],
                     due_on=data["due_on"], priority=data["priority"], request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Task added."))
    return redirect("cases:case_detail", case_id=case.pk)


@requires("cases.view")
@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    return render(request, "cases/task_list.html", {
        "mine": list(tasks.for_user(user)[:200]),
        "agency": list(tasks.for_agency(user)[:200]),
        "state_form": TaskStateForm(),
    })


@requires("cases.edit")
@require_POST
def task_state(request: HttpRequest, task_id: int) -> HttpResponse:
    task = tasks.for_agency(actor(request)).filter(pk=task_id).first()
    if task is None:
        raise Http404
    form = TaskStateForm(request.POST)
    try:
        if not form.is_valid():
            raise ServiceError(_("Choose a state."), field="state")
        tasks.set_state(task, form.cleaned_data["state"], actor=actor(request),
                        version=form.cleaned_data["version"], request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect(safe_next(request, "cases:task_list"))


@requires("cases.coordinate")
@require_GET
def coordinator_overview(request: HttpRequest) -> HttpResponse:
    data = overview.build(actor(request), stale_days=query_int(
        request, "stale_days", overview.STALE_DAYS, minimum=1, maximum=3650))
    return render(request, "cases/overview.html", {"overview": data})


@signed_in
def notifications(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    if request.method == "POST":
        timeline.mark_read(user)
        return redirect("cases:notifications")
    return render(request, "cases/notifications.html", {
        "notifications": list(timeline.recent_notifications(user)),
    })
