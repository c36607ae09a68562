"""What the reporting part of the portal adds at start-up: its entries in the portal's
header and, inside the application, the triage queue's navigation entry and dashboard card."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from palermo.portal.services import language


def _card(request: HttpRequest) -> dict[str, Any]:
    from palermo.guards import actor
    from palermo.portal.services import triage

    user = actor(request)
    return {"new": triage.count_new(user), "added": triage.count_with_additions(user)}


def register() -> None:
    from palermo.web.navigation import Card, NavEntry, add_card, add_entry

    language.add_nav("report.nav", "portal:report")
    language.add_nav("return.nav", "portal:report_return")
    add_entry(NavEntry(_("Public reports"), "triage:queue", "portal.triage"))
    add_card(Card(_("Public reports"), "portal/cards/triage.html", "portal.triage", _card,
                  order=15))
