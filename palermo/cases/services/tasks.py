"""Tasks in a case, owned by an agency and optionally assigned to a user."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.audit import services as audit
from palermo.cases.models import Case, Task
from palermo.cases.models.coordination import TaskState
from palermo.cases.services.access import active_agency_ids, may_edit
from palermo.cases.services.codes import TITLE, check_codes, check_length
from palermo.cases.services.errors import NotAllowed, ServiceError
from palermo.cases.services.timeline import add_event, notify, vocab
from palermo.core.versioned import save_versioned

if TYPE_CHECKING:
    from palermo.access.models import Agency, User


def create(case: Case, title: str, *, actor: User, agency: Agency, assignee: User | None = None,
           due_on: dt.date | None = None, priority: str = "normal",
           request: HttpRequest | None = None) -> Task:
    if not may_edit(actor, case):
        raise NotAllowed(_("Your agency does not take part in this case."))
    title = check_length(title.strip(), TITLE, "title", _("Task"))
    if not title:
        raise ServiceError(_("A task needs a title."), field="title")
    check_codes("task_priorities", [priority], "priority")
    if agency.pk not in active_agency_ids(case):
        raise ServiceError(_("%(agency)s does not take part in this case.")
                           % {"agency": agency.name}, field="agency")
    if assignee is not None and assignee.agency_id != agency.pk:
        raise ServiceError(_("The assignee must belong to the owning agency."), field="assignee")
    if due_on and due_on < timezone.localdate():
        raise ServiceError(_("The due date has passed already."), field="due_on")
    with transaction.atomic():
        task = Task.objects.create(case=case, agency=agency, assignee=assignee, title=title,
                                   due_on=due_on, priority=priority, created_by=actor)
        add_event(case, "task", N_("Task for %(agency)s: %(title)s"),
                  {"agency": agency.name, "title": task.title}, actor=actor)
        audit.record("task.create", actor=actor, request=request, object_type="task",
                     object_id=task.pk, detail={"case": case.reference})
        if assignee is not None and assignee.pk != actor.pk:
            notify([assignee], N_("New task: %(title)s"), reverse("cases:task_list"), case,
                   {"title": task.title})
    return task


def set_state(task: Task, state: str, *, actor: User, version: int,
              request: HttpRequest | None = None) -> Task:
    if state not in TaskState.values:
        raise ServiceError(_("Unknown task state."), field="state")
    if not task.may_change(actor):
        raise NotAllowed(_("Only the owning agency changes its tasks."))
    done = state in (TaskState.DONE, TaskState.CANCELLED)
    with transaction.atomic():
        save_versioned(task, version,
                       {"state": state, "completed_at": timezone.now() if done else None},
                       actor=actor, request=request, action="task.state", object_type="task",
                       detail={"state": state},
                       stale=_("Someone else changed this task meanwhile. Reload the page."))
        add_event(task.case, "task", N_("Task “%(title)s”: %(state)s."),
                  {"title": task.title, "state": vocab("task_states", state)}, actor=actor)
    return task


def for_user(user: User) -> QuerySet[Task]:
    """Open tasks assigned to the user, then their agency's unassigned ones."""
    return (Task.objects.filter(state__in=(TaskState.OPEN, TaskState.IN_PROGRESS))
            .filter(Q(assignee=user) | Q(agency_id=user.agency_id, assignee__isnull=True))
            .select_related("case", "agency", "assignee"))


def for_agency(user: User) -> QuerySet[Task]:
    return (Task.objects.filter(agency_id=user.agency_id)
            .select_related("case", "agency", "assignee"))
