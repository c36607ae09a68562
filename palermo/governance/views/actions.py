"""Action items (list, one item with its status) and the national action plan."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.governance.forms import PlanActionForm, PlanItemForm, StatusForm, TitleForm
from palermo.governance.models import ActionStatus
from palermo.governance.services import actions, plan
from palermo.guards import actor, requires
from palermo.web.forms import parse_int, query_int, show


def _number(value: str | None) -> int:
    return parse_int(value, 0)


@requires("governance.view")
def action_list(request: HttpRequest) -> HttpResponse:
    filters: dict[str, Any] = {"agency_id": query_int(request, "agency"),
                               "status": request.GET.get("status", "")[:16],
                               "overdue": request.GET.get("overdue") == "1"}
    return render(request, "governance/actions.html", {
        "items": list(actions.search(actor(request), **filters)[:300]), "filters": filters,
        "statuses": ActionStatus.choices, "agencies": list(agencies.listing())})


@requires("governance.view")
@require_http_methods(["GET", "POST"])
def action_detail(request: HttpRequest, action_id: int) -> HttpResponse:
    user = actor(request)
    item = get_object_or_404(actions.listing(user), pk=action_id)
    form = StatusForm(request.POST or None, initial={"status": item.status})
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_status(item, form.cleaned_data["status"], actor=user,
                               note=form.cleaned_data["note"], request=request,
                               version=_number(request.POST.get("version")))
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Status saved."))
            return redirect("governance:action", action_id=item.pk)
    return render(request, "governance/action.html", {
        "item": item, "form": form, "may_report": actions.may_report(item, user)})


def _plan_forms(request: HttpRequest, what: str = "") -> dict[str, Any]:
    user, data = actor(request), request.POST or None
    goal_form = TitleForm(data if what == "goal" else None, auto_id="goal_%s")
    action_form = PlanActionForm(data if what == "action" else None, auto_id="action_%s")
    action_form.fields["goal"].choices = [  # type: ignore[attr-defined]
        (g.pk, g.title) for g in plan.goals(user)]
    item_form = PlanItemForm(data if what == "item" else None, auto_id="item_%s")
    item_form.fields["action"].choices = [  # type: ignore[attr-defined]
        (a.pk, f"{a.goal.title} › {a.title}") for a in plan.actions(user)]
    return {"goal_form": goal_form, "action_form": action_form, "item_form": item_form}


@requires("governance.view")
def plan_tree(request: HttpRequest) -> HttpResponse:
    goals, overall = plan.tree(actor(request))
    return render(request, "governance/plan.html", {
        "goals": goals, "overall": overall, **_plan_forms(request)})


@requires("governance.edit")
@require_POST
def plan_add(request: HttpRequest) -> HttpResponse:
    """Adds a goal, an action under a goal, or an item under an action, by ``what``."""
    user = actor(request)
    what = request.POST.get("what", "")
    forms = _plan_forms(request, what)
    form = forms.get(f"{what}_form")
    if form is None:
        messages.error(request, _("Unknown step."))
        return redirect("governance:plan")
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if what == "goal":
                plan.add_goal(actor=user, request=request, **data)
            elif what == "action":
                goal = get_object_or_404(plan.goals(user), pk=data.pop("goal"))
                plan.add_action(goal, actor=user, request=request, **data)
            else:
                action = get_object_or_404(plan.actions(user), pk=data.pop("action"))
                actions.add_item(actions.ItemSpec(plan_action=action, **data), actor=user,
                                 request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Added to the action plan."))
            return redirect("governance:plan")
    # Every error next to its field, with what was typed, in the form that was sent.
    goals, overall = plan.tree(user)
    return render(request, "governance/plan.html", {
        "goals": goals, "overall": overall, **forms}, status=400)
