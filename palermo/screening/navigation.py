"""Screening's entries in the navigation bar."""

from django.utils.translation import gettext_lazy as _

from palermo.guards import actor
from palermo.screening import alerts
from palermo.web.navigation import AlertSource, NavEntry, add_alert_source, add_entry


def register() -> None:
    add_alert_source(AlertSource(_("Screening alerts to act on"), "screening:alerts",
                                 "screening.manage",
                                 lambda request: alerts.open_alert_count(actor(request))))
    add_entry(NavEntry(_("Screening"), "screening:check", "screening.check"))
    add_entry(NavEntry(_("Alerts"), "screening:alerts", "screening.manage"))
    add_entry(NavEntry(_("Watch lists"), "screening:lists", "screening.manage"))
