"""The national action plan: goals, their actions, and the action items under each, with
progress rolled up as the share of items done (cancelled items do not count)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest

from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.governance.models import ActionItem, ActionStatus, PlanAction, PlanGoal

if TYPE_CHECKING:
    from palermo.access.models import User


@dataclass
class Progress:
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.total) if self.total else None

    def add(self, other: Progress) -> None:
        self.done += other.done
        self.total += other.total


@dataclass
class ActionNode:
    action: PlanAction
    items: list[ActionItem]
    progress: Progress


@dataclass
class GoalNode:
    goal: PlanGoal
    actions: list[ActionNode] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)


def _progress(items: list[ActionItem]) -> Progress:
    counted = [i for i in items if i.status != ActionStatus.CANCELLED]
    return Progress(sum(1 for i in counted if i.status == ActionStatus.DONE), len(counted))


def tree(user: User) -> tuple[list[GoalNode], Progress]:
    """The whole plan with progress at each level, in three queries."""
    require(user, "governance.view")
    items: dict[int, list[ActionItem]] = {}
    for item in ActionItem.objects.filter(plan_action__isnull=False) \
            .select_related("owner_agency"):
        items.setdefault(item.plan_action_id or 0, []).append(item)
    goals = {g.pk: GoalNode(g) for g in PlanGoal.objects.all()}
    for action in PlanAction.objects.all():
        mine = items.get(action.pk, [])
        node = ActionNode(action, mine, _progress(mine))
        goals[action.goal_id].actions.append(node)
        goals[action.goal_id].progress.add(node.progress)
    overall = Progress()
    for goal in goals.values():
        overall.add(goal.progress)
    return list(goals.values()), overall


def actions(user: User) -> QuerySet[PlanAction]:
    require(user, "governance.view")
    return PlanAction.objects.select_related("goal")


def goals(user: User) -> QuerySet[PlanGoal]:
    require(user, "governance.view")
    return PlanGoal.objects.all()


def add_goal(*, actor: User, title: str, description: str = "",
             request: HttpRequest | None = None) -> PlanGoal:
    require(actor, "governance.edit")
    title = checks.text(title, "title", required=True, limit=300)
    with transaction.atomic():
        position = (PlanGoal.objects.aggregate(n=Max("position"))["n"] or 0) + 1
        goal = PlanGoal.objects.create(title=title, position=position,
                                       description=checks.text(description, "description"))
        audit.record("plan_goal.create", actor=actor, request=request,
                     object_type="plan_goal", object_id=goal.pk)
    return goal


def add_action(goal: PlanGoal, *, actor: User, title: str, description: str = "",
               request: HttpRequest | None = None) -> PlanAction:
    require(actor, "governance.edit")
    title = checks.text(title, "title", required=True, limit=300)
    with transaction.atomic():
        position = (goal.actions.aggregate(n=Max("position"))["n"] or 0) + 1
        action = PlanAction.objects.create(goal=goal, title=title, position=position,
                                           description=checks.text(description, "description"))
        audit.record("plan_action.create", actor=actor, request=request,
                     object_type="plan_action", object_id=action.pk,
                     detail={"goal": goal.pk})
    return action
