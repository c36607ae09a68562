"""The cases capability's entries in the navigation bar and its dashboard cards."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from palermo.web.navigation import Badge, Card, NavEntry, add_badge, add_card, add_entry


def _my_work(request: HttpRequest) -> dict[str, Any]:
    from palermo.cases.services import tasks, timeline
    from palermo.guards import actor

    user = actor(request)
    mine = tasks.for_user(user)
    return {"tasks": list(mine[:5]), "task_count": mine.count(),
            "unread": timeline.unread(user).count()}


def _unread(request: HttpRequest) -> int:
    from palermo.cases.services import timeline
    from palermo.guards import actor

    return timeline.unread(actor(request)).count()


def register() -> None:
    add_badge(Badge(_("Notifications"), "cases:notifications", "cases.view", _unread))
    add_entry(NavEntry(_("Overview"), "cases:overview", "cases.coordinate"))
    add_entry(NavEntry(_("Cases"), "cases:case_list", "cases.view"))
    add_entry(NavEntry(_("Referrals"), "cases:referral_inbox", "cases.refer"))
    add_entry(NavEntry(_("Tasks"), "cases:task_list", "cases.view"))
    add_card(Card(_("Your work"), "cases/cards/my_work.html", "cases.view", _my_work, order=10))
