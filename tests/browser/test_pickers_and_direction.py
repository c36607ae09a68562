"""Small things users feel, in a real browser: a country list to tick and filter (with and
without JavaScript), a single checkbox on its label's line at phone width, and English typed
into a Hebrew page keeping its own direction."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.cases.models import Case
from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.pages import signed_in_page
from tests.exchange.factories import exchange


@pytest.fixture(autouse=True)
def _warm(browser: Any, live_server: Any) -> None:
    """The server's first page loads every view and vocabulary: on a busy machine that takes
    longer than a browser's wait for one page."""
    context = browser.new_context(base_url=live_server.url)
    context.request.get("/access/login/", timeout=120_000)
    context.close()


def investigator() -> Any:
    return UserFactory(roles=["investigator"], agency=AgencyFactory(name="Israel Police"))


def open_case_form(page: Any, title: str) -> None:
    page.goto("/cases/new/")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Recruitment").check()
    page.get_by_label("Deception").check()
    page.get_by_label("Forced labour", exact=True).first.check()


def test_countries_are_ticked_from_a_filtered_list(browser: Any, live_server: Any) -> None:
    from playwright.sync_api import expect

    page = signed_in_page(browser, live_server, investigator())
    open_case_form(page, "Fishing crew held at sea")
    origin = page.get_by_role("group", name="Countries of origin")
    assert origin.get_by_role("checkbox").count() > 200  # every country, no Ctrl-click
    expect(origin.get_by_text("None chosen.")).to_be_visible()
    search = origin.get_by_role("searchbox", name="Type to shorten the list")
    search.fill("indon")
    search.press("Enter")  # does not send the half-filled form
    expect(origin.get_by_role("checkbox", name="France")).to_be_hidden()
    origin.get_by_role("checkbox", name="Indonesia").check()
    expect(origin.get_by_text("Chosen: Indonesia")).to_be_visible()
    search.fill("THA")  # a code works too; what is chosen stays in sight
    expect(origin.get_by_role("checkbox", name="Thailand")).to_be_visible()
    expect(origin.get_by_role("checkbox", name="Indonesia")).to_be_visible()
    origin.get_by_role("checkbox", name="Thailand").check()
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_role("heading", name="Fishing crew held at sea")).to_be_visible()
    case = Case.objects.get(title="Fishing crew held at sea")
    assert sorted(case.countries.filter(role="origin").values_list("country", flat=True)) \
        == ["IDN", "THA"]
    page.context.close()


def test_countries_are_ticked_without_javascript(browser: Any, live_server: Any) -> None:
    from playwright.sync_api import expect

    user = investigator()
    page = signed_in_page(browser, live_server, user)
    cookies = page.context.cookies()
    page.context.close()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.add_cookies(cookies)
    page = context.new_page()
    open_case_form(page, "Caregiver without pay")
    origin = page.get_by_role("group", name="Countries of origin")
    expect(origin.get_by_role("searchbox")).to_have_count(0)
    origin.get_by_role("checkbox", name="Sri Lanka").check()
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_role("heading", name="Caregiver without pay")).to_be_visible()
    case = Case.objects.get(title="Caregiver without pay")
    assert list(case.countries.values_list("country", flat=True)) == ["LKA"]
    context.close()


def test_a_checkbox_stays_on_its_labels_line_at_phone_width(browser: Any,
                                                            live_server: Any) -> None:
    world = exchange()
    page = signed_in_page(browser, live_server, world.sender)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"/exchange/cases/{world.case.pk}/export/")
    box = page.get_by_role("checkbox", name="Include identity documents and contacts")
    label = page.locator("label", has_text="Include identity documents and contacts")
    box.scroll_into_view_if_needed()
    tick, words = box.bounding_box(), label.bounding_box()
    # On one line: the box's middle lies within the label's height, beside it.
    middle = tick["y"] + tick["height"] / 2
    assert words["y"] <= middle <= words["y"] + words["height"], (tick, words)
    assert tick["x"] + tick["width"] <= words["x"] + 1, (tick, words)
    label.click()  # the label ticks its own box
    assert not box.is_checked()  # it was ticked to begin with
    page.context.close()


def test_english_on_a_hebrew_page_keeps_its_direction(browser: Any, live_server: Any) -> None:
    user = UserFactory(roles=["coordinator"], language="he")
    page = signed_in_page(browser, live_server, user)
    page.goto("/directory/new/")
    page.locator("#id_name").fill("Farm workers' union.")
    direction = page.locator("#id_name").evaluate("e => getComputedStyle(e).direction")
    assert direction == "ltr"  # the field follows what is typed into it
    page.locator("form button.primary").click()
    heading = page.locator("h1 bdi", has_text="Farm workers' union.")
    assert heading.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.context.close()
