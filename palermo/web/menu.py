"""The header menu's layout: every navigation entry's group, in the order users meet them.

Capabilities register their entries (label, page, permission) in their AppConfig.ready; this
table is the one place that says where each entry sits. Groups follow the work rather than the
code: a border officer looks for Frontline, not for "screening". tests/web/test_navigation.py
fails when a registered entry has no place here, so a new page never goes missing from the menu.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Group:
    key: str
    label: str | Promise
    url_names: tuple[str, ...]


# Shown before the groups, on its own: where every signed-in user starts.
HOME = ("web:dashboard",)

GROUPS = (
    Group("cases", _("Cases"), ("cases:overview", "cases:case_list", "cases:referral_inbox",
                                "cases:task_list")),
    Group("frontline", _("Frontline"), ("screening:check", "screening:alerts",
                                        "screening:lists")),
    Group("notices", _("Notices & messages"), ("notices:list", "messaging:inbox",
                                               "exchange:inbox")),
    Group("knowledge", _("Knowledge"), ("library:search", "training:home", "insights:home")),
    Group("office", _("Office"), ("governance:index", "directory:list", "awards:home")),
    Group("public", _("Public"), ("triage:queue", "portal_editor:list")),
    Group("administration", _("Administration"), (
        "access:user_list", "access:agency_list", "access:role_list", "access:security",
        "audit:search")),
)

# Where an entry lands that a capability registered but this table does not place yet: it
# stays reachable while the test above asks for its proper group.
UNPLACED = Group("more", _("More"), ())
