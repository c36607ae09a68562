"""Screening's entries in the navigation bar."""

from django.utils.translation import gettext_lazy as _

from palermo.web.navigation import NavEntry, add_entry


def register() -> None:
    add_entry(NavEntry(_("Screening"), "screening:check", "screening.check"))
    add_entry(NavEntry(_("Alerts"), "screening:alerts", "screening.manage"))
    add_entry(NavEntry(_("Watch lists"), "screening:lists", "screening.manage"))
