"""Committees: the list with upcoming meetings, one committee with members and meetings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.governance.forms import CommitteeForm, MeetingForm, MemberForm
from palermo.governance.services import actions, committees, meetings
from palermo.guards import actor, requires
from palermo.web.forms import save, show


@requires("governance.view")
def index(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    return render(request, "governance/index.html", {
        "committees": list(committees.listing(user).filter(active=True)),
        "upcoming": list(meetings.upcoming(user)[:10]),
        "overdue": actions.overdue(user).count(),
        "mine": list(actions.pending_for_agency(user)[:10])})


@requires("governance.edit")
@require_http_methods(["GET", "POST"])
def committee_create(request: HttpRequest) -> HttpResponse:
    form = CommitteeForm(request.POST or None)
    done = save(request, form, lambda **f: committees.create(
        actor=actor(request), request=request, **f), _("Committee added."),
        lambda c: ("governance:committee", {"committee_id": c.pk}))
    return done or render(request, "governance/form.html",
                          {"form": form, "title": _("Add a committee")})


@requires("governance.view")
def committee_detail(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee = get_object_or_404(committees.listing(actor(request)), pk=committee_id)
    return _committee_page(request, committee, MemberForm())


def _committee_page(request: HttpRequest, committee: Any, member_form: MemberForm,
                    status: int = 200) -> HttpResponse:
    """The committee's page; a member form sent with a mistake comes back with its errors
    next to its fields and what was typed."""
    return render(request, "governance/committee.html", {
        "committee": committee,
        "members": list(committee.members.select_related("agency")),
        "meetings": list(committee.meetings.all()[:50]),
        "member_form": member_form}, status=status)


@requires("governance.edit")
@require_POST
def member_add(request: HttpRequest, committee_id: int) -> HttpResponse:
    user = actor(request)
    committee = get_object_or_404(committees.listing(user), pk=committee_id)
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            committees.add_member(committee, actor=user, request=request, **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Member added."))
            return redirect("governance:committee", committee_id=committee.pk)
    return _committee_page(request, committee, form, status=400)


@requires("governance.edit")
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, committee_id: int) -> HttpResponse:
    user = actor(request)
    committee = get_object_or_404(committees.listing(user), pk=committee_id)
    form = MeetingForm(request.POST or None)
    done = save(request, form, lambda **f: meetings.create(
        committee, actor=user, request=request, **f), _("Meeting added."),
        lambda m: ("governance:meeting", {"meeting_id": m.pk}))
    return done or render(request, "governance/form.html", {
        "form": form, "title": _("Add a meeting of %(name)s") % {"name": committee.name}})
