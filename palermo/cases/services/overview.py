"""The coordinator's overview: every open case, referral and task across agencies, in a
fixed handful of aggregate queries whatever the number of cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services import agencies as agency_services
from palermo.cases.models import Case, CaseTerm, Referral, Task
from palermo.cases.models.coordination import ReferralState, TaskState
from palermo.cases.services.errors import NotAllowed

if TYPE_CHECKING:
    from palermo.access.models import User

STALE_DAYS = 30


@dataclass
class AgencyLoad:
    agency: str
    referrals_waiting: int = 0
    referrals_overdue: int = 0
    tasks_overdue: int = 0


@dataclass
class Overview:
    open_total: int
    by_status: dict[str, int]
    by_exploitation: dict[str, int]
    agencies: list[AgencyLoad]
    without_lead: list[Case]
    without_lead_total: int
    stale: list[Case]
    stale_total: int
    stale_days: int


def build(user: User, *, stale_days: int = STALE_DAYS, today: dt.date | None = None,
          list_limit: int = 20) -> Overview:
    if not user.has_perm("cases.coordinate"):
        raise NotAllowed(_("The overview is for the coordinator's office."))
    today = today or timezone.localdate()
    open_cases = Case.objects.exclude(status="closed")
    by_status = dict(open_cases.values_list("status").annotate(n=Count("id")).order_by())
    # (case, vocabulary, code) is unique, so counting rows counts cases.
    by_exploitation = dict(
        CaseTerm.objects.filter(vocabulary="exploitation_types").exclude(case__status="closed")
        .values_list("code").annotate(n=Count("id")).order_by()
    )
    live = (ReferralState.SENT, ReferralState.ACCEPTED)
    referrals = (
        Referral.objects.filter(state__in=live).values("to_agency_id")
        .annotate(waiting=Count("id", filter=Q(state=ReferralState.SENT)),
                  overdue=Count("id", filter=Q(due_on__lt=today)))
        .order_by()
    )
    tasks = (
        Task.objects.filter(state__in=(TaskState.OPEN, TaskState.IN_PROGRESS), due_on__lt=today)
        .values("agency_id").annotate(overdue=Count("id")).order_by()
    )
    loads: dict[int, AgencyLoad] = {}
    names = dict(agency_services.listing().values_list("id", "name"))
    for row in referrals:
        load = loads.setdefault(row["to_agency_id"], AgencyLoad(names[row["to_agency_id"]]))
        load.referrals_waiting, load.referrals_overdue = row["waiting"], row["overdue"]
    for row in tasks:
        loads.setdefault(row["agency_id"], AgencyLoad(names[row["agency_id"]])).tasks_overdue = \
            row["overdue"]
    without_lead = open_cases.filter(lead_agency__isnull=True)
    threshold = timezone.now() - dt.timedelta(days=stale_days)
    stale = open_cases.filter(last_activity_at__lt=threshold).order_by("last_activity_at")
    return Overview(
        open_total=sum(by_status.values()),
        by_status=by_status,
        by_exploitation=by_exploitation,
        agencies=sorted(loads.values(), key=lambda a: (-a.referrals_overdue - a.tasks_overdue,
                                                       a.agency)),
        without_lead=list(without_lead.order_by("opened_on")[:list_limit]),
        without_lead_total=without_lead.count(),
        stale=list(stale[:list_limit]),
        stale_total=stale.count(),
        stale_days=stale_days,
    )
