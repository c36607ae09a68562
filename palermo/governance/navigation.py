"""What governance gives the dashboard and other capabilities' pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.urls import reverse

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.directory.services.activity import Item


def actions_card(request: HttpRequest) -> dict[str, Any]:
    """The coordinator's office sees every overdue item; every agency its own open ones."""
    from palermo.governance.services import actions
    from palermo.guards import actor

    user = actor(request)
    overdue = actions.overdue(user) if user.has_perm("governance.edit") else None
    return {"overdue": list(overdue[:8]) if overdue is not None else [],
            "overdue_count": overdue.count() if overdue is not None else 0,
            "mine": list(actions.pending_for_agency(user)[:8])}


def meetings_of_agency(user: User, agency_id: int) -> tuple[list[Item], int]:
    from palermo.directory.services.activity import Item
    from palermo.governance.services import meetings

    if not user.has_perm("governance.view"):
        return [], 0
    found = meetings.of_agency(user, agency_id).order_by("-starts_at")
    return ([Item(m.starts_at, f"{m.committee.name}: {m.title}",
                  reverse("governance:meeting", args=[m.pk])) for m in found[:20]],
            found.count())
