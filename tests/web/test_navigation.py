"""The header's menu: links grouped by the work, each role shown only what it can open, a
menu that collapses at phone width without JavaScript, and the slot for the alerts count."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from palermo.vocab import registry
from palermo.web import menu, navigation


class _Header(HTMLParser):
    """What a user sees in the header: each group's name and its links, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[tuple[str, list[tuple[str, str]]]] = []
        self.home: list[tuple[str, str]] = []
        self.toggle_label = ""
        self.current: list[str] = []
        self.alerts: list[tuple[str, str]] = []
        self._in_nav = 0
        self._capture: str | None = None
        self._href = ""
        self._text = ""
        self._current_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "nav" and found.get("id") == "site-menu":
            self._in_nav = 1
        elif self._in_nav and tag == "nav":
            self._in_nav += 1
        if self._in_nav and "nav-group-label" in classes:
            self._capture, self._text = "group", ""
        elif self._in_nav and tag == "a":
            self._capture, self._text, self._href = "link", "", found.get("href") or ""
            self._current_link = found.get("aria-current") == "page"
        elif tag == "label" and found.get("for") == "site-menu-toggle":
            self._capture, self._text = "toggle", ""
        elif tag == "a" and "alerts" in classes:
            self._capture, self._text, self._href = "alerts", "", found.get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1
        text = " ".join(self._text.split())
        if self._capture == "group" and tag == "span":
            self.groups.append((text, []))
        elif self._capture == "link" and tag == "a":
            (self.groups[-1][1] if self.groups else self.home).append((text, self._href))
            if self._current_link:
                self.current.append(text)
        elif self._capture == "toggle" and tag == "label":
            self.toggle_label = text
        elif self._capture == "alerts" and tag == "a":
            self.alerts.append((text, self._href))
        else:
            return
        self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture:
            self._text += data


def header(html: str) -> _Header:
    parsed = _Header()
    parsed.feed(html)
    return parsed


def test_every_registered_entry_has_its_place_in_one_group() -> None:
    placed = [name for group in menu.GROUPS for name in group.url_names] + list(menu.HOME)
    registered = [entry.url_name for entry in navigation.registered_entries()]
    assert sorted(set(registered) - set(placed)) == [], "add these to a group in web/menu.py"
    assert sorted(set(placed) - set(registered)) == [], "web/menu.py names unregistered pages"
    assert len(placed) == len(set(placed)), "an entry sits in two groups"


@pytest.mark.django_db
def test_coordinator_sees_the_links_grouped_by_the_work(signed_in: Any) -> None:
    seen = header(signed_in("coordinator").get("/").content.decode())
    assert [name for name, _links in seen.groups] == [
        "Cases", "Frontline", "Notices & messages", "Knowledge", "Office", "Public"]
    links = {name: [label for label, _href in found] for name, found in seen.groups}
    assert links["Cases"] == ["Overview", "Cases", "Referrals", "Tasks"]
    assert links["Frontline"] == ["Screening", "Alerts", "Watch lists"]
    assert links["Notices & messages"] == ["Notices", "Messages", "Case reports"]
    assert links["Public"] == ["Public reports", "Portal pages"]
    assert [label for label, _href in seen.home] == ["Dashboard"]
    assert seen.current == ["Dashboard"]


@pytest.mark.django_db
def test_a_group_with_nothing_to_open_is_not_shown(signed_in: Any) -> None:
    seen = header(signed_in("ngo_case_worker").get("/").content.decode())
    names = [name for name, _links in seen.groups]
    assert "Frontline" not in names and "Public" not in names and "Administration" not in names
    assert all(found for _name, found in seen.groups)
    admin = header(signed_in("administrator").get("/").content.decode())
    assert dict(admin.groups)["Administration"][:3] == [
        ("Users", reverse("access:user_list")), ("Agencies", reverse("access:agency_list")),
        ("Roles", reverse("access:role_list"))]


@pytest.mark.django_db
@pytest.mark.parametrize("role_code", registry.get("roles").codes())
def test_every_link_a_role_is_shown_opens_for_that_role(signed_in: Any, role_code: str) -> None:
    client = signed_in(role_code)
    seen = header(client.get("/").content.decode())
    hrefs = [href for _label, href in seen.home] + [
        href for _name, found in seen.groups for _label, href in found]
    assert hrefs, f"{role_code} sees no link at all"
    refused = {href: client.get(href).status_code for href in hrefs}
    assert {href: code for href, code in refused.items() if code != 200} == {}


@pytest.mark.django_db
def test_the_menu_is_a_toggle_that_works_without_javascript(signed_in: Any) -> None:
    html = signed_in("investigator").get("/").content.decode()
    assert '<input type="checkbox" id="site-menu-toggle"' in html
    # One of the two words shows at a time: the stylesheet picks by the checkbox's state.
    assert header(html).toggle_label == "MenuClose menu"
    assert "<script" not in html


@pytest.mark.django_db
def test_no_menu_before_signing_in(client: Any) -> None:
    html = client.get("/access/login/").content.decode()
    assert "site-menu-toggle" not in html and 'id="site-menu"' not in html


@pytest.fixture
def alert_source() -> Iterator[list[int]]:
    """An alerts source as the lead wires screening and notices to it: counts the test sets."""
    counts = [3]

    def count(request: HttpRequest) -> int:
        return counts[0]

    source = navigation.AlertSource(_("Screening alerts"), "screening:alerts",
                                    "screening.manage", count)
    navigation.add_alert_source(source)
    yield counts
    navigation.remove_alert_source(source)


@pytest.mark.django_db
def test_the_alerts_slot_shows_the_count_to_those_who_may_act(
        signed_in: Any, alert_source: list[int]) -> None:
    investigator = header(signed_in("investigator").get("/").content.decode())
    assert investigator.alerts == [("Alerts to act on 3", reverse("screening:alerts"))]
    assert header(signed_in("ngo_case_worker").get("/").content.decode()).alerts == []
    alert_source[0] = 0
    quiet = header(signed_in("investigator").get("/").content.decode())
    assert quiet.alerts == [("Alerts to act on", reverse("screening:alerts"))]
