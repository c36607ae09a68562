"""The navigation bar and the dashboard cards, which each capability adds to.

A capability registers its entries in its AppConfig.ready; each entry names the permission
that shows it, so nobody sees a link to a page they may not open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str
    permission: str
    section: str = "main"


@dataclass(frozen=True)
class Card:
    """A dashboard card: ``context(request)`` gives what its template shows."""

    title: str | Promise
    template: str
    permission: str
    context: Callable[[HttpRequest], dict[str, Any]] = field(default=lambda request: {})
    order: int = 100


@dataclass(frozen=True)
class Badge:
    """A link in the header with a count, e.g. the notification bell."""

    label: str | Promise
    url_name: str
    permission: str
    count: Callable[[HttpRequest], int]


_entries: list[NavEntry] = []
_cards: list[Card] = []
_badges: list[Badge] = []


def add_badge(badge: Badge) -> None:
    if badge not in _badges:
        _badges.append(badge)


def badges_for(request: HttpRequest) -> list[tuple[Badge, int]]:
    return [(b, b.count(request)) for b in _badges if request.user.has_perm(b.permission)]


def add_entry(entry: NavEntry) -> None:
    if entry not in _entries:
        _entries.append(entry)


def add_card(card: Card) -> None:
    if card not in _cards:
        _cards.append(card)


def entries_for(user: Any, section: str = "main") -> list[NavEntry]:
    return [e for e in _entries if e.section == section and user.has_perm(e.permission)]


def cards_for(user: Any) -> list[Card]:
    return sorted((c for c in _cards if user.has_perm(c.permission)), key=lambda c: c.order)


def register_foundation() -> None:
    add_entry(NavEntry(_("Dashboard"), "web:dashboard", "web.view_dashboard"))
    add_entry(NavEntry(_("Audit log"), "audit:search", "audit.view"))
    add_entry(NavEntry(_("Users"), "access:user_list", "access.manage_users", "admin"))
    add_entry(NavEntry(_("Agencies"), "access:agency_list", "access.manage_agencies", "admin"))
    add_entry(NavEntry(_("Roles"), "access:role_list", "access.manage_roles", "admin"))
    add_card(Card(_("Your account"), "web/cards/account.html", "access.view_own_profile",
                  order=900))
