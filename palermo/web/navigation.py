"""The header's menu, its counts and the dashboard cards, which each capability adds to.

A capability registers its entries in its AppConfig.ready; each entry names the permission
that shows it, so nobody sees a link to a page they may not open. Where an entry sits in the
menu is decided in one place, web/menu.py.
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
    """A link in the menu. ``section="admin"`` marks administration pages, which land in the
    Administration group should web/menu.py not place them yet."""

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


@dataclass(frozen=True)
class AlertSource:
    """Something waiting for the user to act on (a screening hit, a travel alert). The header
    has one alerts count: the sum over the sources the user may see."""

    label: str | Promise
    url_name: str
    permission: str
    count: Callable[[HttpRequest], int]


@dataclass(frozen=True)
class Alerts:
    """The header's alerts count and the page it leads to: the first source with something
    waiting, or the first source when nothing is."""

    count: int
    url_name: str


@dataclass(frozen=True)
class MenuLink:
    entry: NavEntry
    current: bool


@dataclass(frozen=True)
class MenuGroup:
    key: str
    label: str | Promise
    links: list[MenuLink]

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)


@dataclass(frozen=True)
class Menu:
    home: list[MenuLink]
    groups: list[MenuGroup]

    def __bool__(self) -> bool:
        return bool(self.home or self.groups)


_entries: list[NavEntry] = []
_cards: list[Card] = []
_badges: list[Badge] = []
_alert_sources: list[AlertSource] = []


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


def add_alert_source(source: AlertSource) -> None:
    if source not in _alert_sources:
        _alert_sources.append(source)


def remove_alert_source(source: AlertSource) -> None:
    if source in _alert_sources:
        _alert_sources.remove(source)


def alerts_for(request: HttpRequest) -> Alerts | None:
    sources = [s for s in _alert_sources if request.user.has_perm(s.permission)]
    if not sources:
        return None
    counted = [(source, source.count(request)) for source in sources]
    waiting = next((source for source, count in counted if count), sources[0])
    return Alerts(sum(count for _source, count in counted), waiting.url_name)


def registered_entries() -> list[NavEntry]:
    return list(_entries)


def menu_for(user: Any, view_name: str = "") -> Menu:
    """The entries ``user`` may open, in the groups of web/menu.py; empty groups left out."""
    from palermo.web import menu

    visible = {e.url_name: e for e in _entries if user.has_perm(e.permission)}

    def links(url_names: tuple[str, ...] | list[str]) -> list[MenuLink]:
        return [MenuLink(visible[name], name == view_name) for name in url_names
                if name in visible]

    placed = {name for group in menu.GROUPS for name in group.url_names} | set(menu.HOME)
    unplaced = [e for e in _entries if e.url_name not in placed]
    groups = []
    for group in menu.GROUPS:
        names = list(group.url_names)
        if group.key == "administration":
            names += [e.url_name for e in unplaced if e.section == "admin"]
        groups.append(MenuGroup(group.key, group.label, links(names)))
    groups.append(MenuGroup(menu.UNPLACED.key, menu.UNPLACED.label,
                            links([e.url_name for e in unplaced if e.section != "admin"])))
    return Menu(links(menu.HOME), [group for group in groups if group.links])


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
