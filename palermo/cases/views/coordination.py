"""Referrals, tasks, the coordinator's overview and the notification bell."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from palermo.cases.forms import ReferralAnswerForm, ReferralForm, TaskForm, TaskStateForm
from palermo.cases.models import Referral
from palermo.cases.services import access, overview, persons, reading, referrals, tasks, timeline
from palermo.cases.services.errors import ServiceError
from palermo.cases.views.cases import case_page, posted, vocab_label
from palermo.guards import actor, requires, signed_in
from palermo.web.forms import query_int, show
from palermo.web.safety import safe_next


@requires("cases.refer")
@require_http_methods(["GET", "POST"])
def referral_create(request: HttpRequest, case_person_id: int) -> HttpResponse:
    user = actor(request)
    case_person, card = persons.get_visible(user, case_person_id, request=request)
    form = ReferralForm(posted(request), own_agency_id=user.agency_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = referrals.send(
                case_person, data["to_agency"], data["reason"], actor=user,
                consent=data["consent"], consent_override_reason=data["consent_override_reason"],
                due_on=data["due_on"], note=data["note"], request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            said = _("Referral sent to %(agency)s for “%(reason)s”. Its users are notified and "
                     "answer from their referrals page; you will be notified of the answer.") % {
                "agency": referral.to_agency.name,
                "reason": vocab_label(referral.reason, "referral_reasons")}
            if referral.due_on:
                said += " " + _("They are asked to answer by %(date)s.") % {
                    "date": date_format(referral.due_on, "SHORT_DATE_FORMAT")}
            messages.success(request, said)
            return redirect("cases:person_detail", case_person_id=case_person.pk)
    return render(request, "cases/referral_form.html", {
        "form": form, "case": case_person.case, "cp": case_person, "card": card})


def _inbox(request: HttpRequest, failed: Referral | None = None,
           form: ReferralAnswerForm | None = None) -> HttpResponse:
    user = actor(request)
    rows = list(referrals.inbox(user)[:200])
    # The answer that failed is shown again in its row, with what was chosen and typed.
    return render(request, "cases/referral_inbox.html", {
        "incoming": [r for r in rows if r.to_agency_id == user.agency_id],
        "outgoing": [r for r in rows if r.from_agency_id == user.agency_id],
        "failed_id": failed.pk if failed is not None else None, "answer_form": form,
    })


@requires("cases.refer")
@require_GET
def referral_inbox(request: HttpRequest) -> HttpResponse:
    return _inbox(request)


def _answered(referral: Referral, reply: str) -> str:
    values = {"sender": referral.from_agency.name, "receiver": referral.to_agency.name,
              "case": referral.case.reference,
              "reason": vocab_label(referral.reason, "referral_reasons")}
    if reply == "accept":
        return _("You accepted the referral from %(sender)s (case %(case)s, %(reason)s). "
                 "%(sender)s is notified, and the person's record is now open to your agency. "
                 "Mark it done here when the service is given.") % values
    if reply == "reject":
        values["why"] = vocab_label(referral.rejection_reason, "referral_rejection_reasons")
        return _("You rejected the referral from %(sender)s (case %(case)s, %(reason)s): "
                 "%(why)s. %(sender)s is notified and can refer the person elsewhere.") % values
    if reply == "done":
        return _("The referral from %(sender)s (case %(case)s, %(reason)s) is marked done. "
                 "%(sender)s is notified.") % values
    return _("Your referral to %(receiver)s (case %(case)s, %(reason)s) is withdrawn. "
             "%(receiver)s is notified.") % values


@requires("cases.refer")
@require_POST
def referral_answer(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = referrals.inbox(actor(request)).filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    form = ReferralAnswerForm(request.POST)
    if not form.is_valid():
        return _inbox(request, referral, form)
    data = form.cleaned_data
    try:
        referral = referrals.answer(referral, data["answer"], actor=actor(request),
                                    version=data["version"],
                                    rejection_reason=data["rejection_reason"],
                                    note=data["note"], request=request)
    except ServiceError as exc:
        show(form, exc)
        return _inbox(request, referral, form)
    messages.success(request, _answered(referral, data["answer"]))
    return redirect("cases:referral_inbox")


@requires("cases.edit")
@require_POST
def task_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    form = TaskForm(request.POST, auto_id="task-%s", agency_ids=sorted(
        access.active_agency_ids(case)))
    if not form.is_valid():
        return case_page(request, case.pk, task_form=form)
    data = form.cleaned_data
    try:
        task = tasks.create(case, data["title"], actor=actor(request), agency=data["agency"],
                            due_on=data["due_on"], priority=data["priority"], request=request)
    except ServiceError as exc:
        show(form, exc)
        return case_page(request, case.pk, task_form=form)
    messages.success(request, _("Task “%(title)s” added for %(agency)s. Its users see it in "
                                "their task list.")
                     % {"title": task.title, "agency": task.agency.name})
    return redirect("cases:case_detail", case_id=case.pk)


@requires("cases.view")
@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    mine, agency = list(tasks.for_user(user)[:200]), list(tasks.for_agency(user)[:200])
    return render(request, "cases/task_list.html", {
        "mine": mine, "agency": agency, "state_form": TaskStateForm(),
        "changeable": {t.pk for t in [*mine, *agency] if t.may_change(user)},
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
