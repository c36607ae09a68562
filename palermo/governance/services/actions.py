"""Decisions taken in meetings and the action items they become: an owning agency, an
owner there, a deadline and a status that the owning agency reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services import users as user_services
from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.governance.models import (
    ActionItem,
    ActionStatus,
    Decision,
    Meeting,
    PlanAction,
)

if TYPE_CHECKING:
    from palermo.access.models import Agency, User

PENDING = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


@dataclass
class ItemSpec:
    """One action item to create: what, which agency, who there, by when."""

    title: str
    owner_agency: Agency | None
    deadline: dt.date | None
    owner: User | None = None
    plan_action: PlanAction | None = None


def listing(user: User) -> QuerySet[ActionItem]:
    require(user, "governance.view")
    return ActionItem.objects.select_related("owner_agency", "owner", "decision__meeting",
                                             "plan_action__goal")


def search(user: User, *, agency_id: int | None = None, status: str = "",
           overdue: bool = False) -> QuerySet[ActionItem]:
    items = listing(user)
    if agency_id:
        items = items.filter(owner_agency_id=agency_id)
    if status:
        items = items.filter(status=status)
    if overdue:
        items = items.filter(status__in=PENDING, deadline__lt=timezone.localdate())
    return items


def pending_for_agency(user: User) -> QuerySet[ActionItem]:
    """The open items of the user's own agency, soonest deadline first."""
    return listing(user).filter(owner_agency_id=user.agency_id, status__in=PENDING)


def overdue(user: User) -> QuerySet[ActionItem]:
    return search(user, overdue=True)


def _check_item(spec: ItemSpec, prefix: str = "") -> str:
    title = checks.text(spec.title, f"{prefix}title", required=True, limit=300)
    if spec.owner_agency is None:
        raise ServiceError(_("Choose the agency that owns the action item."),
                           field=f"{prefix}owner_agency")
    if not isinstance(spec.deadline, dt.date):
        raise ServiceError(_("Give the deadline."), field=f"{prefix}deadline")
    if spec.owner is not None and spec.owner.agency_id != spec.owner_agency.pk:
        raise ServiceError(_("The owner must work at the owning agency."),
                           field=f"{prefix}owner")
    return title


def _create_item(spec: ItemSpec, title: str, decision: Decision | None, actor: User,
                 request: HttpRequest | None) -> ActionItem:
    assert spec.owner_agency is not None and spec.deadline is not None  # by _check_item
    item = ActionItem.objects.create(title=title, decision=decision,
                                     plan_action=spec.plan_action,
                                     owner_agency=spec.owner_agency, owner=spec.owner,
                                     deadline=spec.deadline, created_by=actor)
    audit.record("action_item.create", actor=actor, request=request,
                 object_type="action_item", object_id=item.pk,
                 detail={"agency": item.owner_agency_id, "deadline": str(item.deadline),
                         "decision": decision.pk if decision else None})
    return item


def record_decision(meeting: Meeting, text: str, items: list[ItemSpec], *, actor: User,
                    request: HttpRequest | None = None) -> Decision:
    """A decision of the meeting, and at once the action items it gives to agencies."""
    require(actor, "governance.edit")
    text = checks.text(text, "text", required=True)
    titles = [_check_item(spec) for spec in items]
    try:
        with transaction.atomic():
            number = (meeting.decisions.aggregate(n=Max("number"))["n"] or 0) + 1
            decision = Decision.objects.create(meeting=meeting, number=number, text=text,
                                               recorded_by=actor)
            audit.record("decision.create", actor=actor, request=request,
                         object_type="decision", object_id=decision.pk,
                         detail={"meeting": meeting.pk, "items": len(items)})
            for spec, title in zip(items, titles, strict=True):
                _create_item(spec, title, decision, actor, request)
    except IntegrityError:
        raise StaleWrite(_("Someone else recorded a decision meanwhile. Try again.")) from None
    return decision


def add_item(spec: ItemSpec, *, actor: User, decision: Decision | None = None,
             request: HttpRequest | None = None) -> ActionItem:
    require(actor, "governance.edit")
    title = _check_item(spec)
    if decision is None and spec.plan_action is None:
        raise ServiceError(_("An action item comes from a decision or the action plan."),
                           field="plan_action")
    with transaction.atomic():
        return _create_item(spec, title, decision, actor, request)


def may_report(item: ActionItem, user: User) -> bool:
    return user.has_perm("governance.edit") or (
        user.has_perm("governance.act") and user.agency_id == item.owner_agency_id)


def set_status(item: ActionItem, status: str, *, actor: User, version: int, note: str = "",
               request: HttpRequest | None = None) -> ActionItem:
    """The owning agency (or the coordinator's office) reports progress."""
    if not may_report(item, actor):
        raise NotAllowed(_("Only the owning agency or the coordinator's office changes this "
                           "action item."))
    if status not in ActionStatus.values:
        raise ServiceError(_("The status is open, in progress, done or cancelled."),
                           field="status")
    note = checks.text(note, "note")
    if status == ActionStatus.CANCELLED and not note:
        raise ServiceError(_("Say why the action item is cancelled."), field="note")
    fields: dict[str, object] = {"status": status,
                                 "done_at": timezone.now() if status == ActionStatus.DONE
                                 else None}
    if note:
        fields["progress_note"] = note
    return save_versioned(
        item, version, fields, actor=actor, request=request, action="action_item.status",
        object_type="action_item", reason=note, detail={"status": status},
        stale=_("Someone else changed this action item meanwhile. Reload the page."))


def assignable_users(agency: Agency) -> list[User]:
    return [u for u in user_services.listing(include_disabled=False).filter(agency=agency)
            if u.has_perm("governance.act")]
