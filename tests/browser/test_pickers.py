"""Choosing several people to write to, in a real browser: the People list is one to filter
by typing and tick, not a Ctrl-click select, in English at desktop width and in Hebrew on a
390 px phone, where nothing may run off the side of the screen (issue 18, item 12)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from palermo.messaging.models import Thread
from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.axe import assert_accessible
from tests.browser.pages import signed_in_page

PHONE = {"width": 390, "height": 844}
COLLEAGUES = ["Avi Peretz", "Dana Cohen", "Eli Mizrahi", "Gal Shapiro", "Hila Katz",
              "Itay Friedman", "Lior Ben-David", "Maya Azulay", "Noga Biton", "Yossi Levi"]


@pytest.fixture(autouse=True)
def _warm(browser: Any, live_server: Any) -> None:
    """The live server's first page loads every view and vocabulary: on a busy machine that
    takes longer than a browser's wait for one page."""
    context = browser.new_context(base_url=live_server.url)
    context.request.get("/access/login/", timeout=120_000)
    context.close()


@pytest.fixture
def writer(settings: Any, tmp_path: Path) -> Any:
    """An investigator in the police, and ten social workers at the welfare ministry, more
    than fit on a screen."""
    settings.DATA_DIR = tmp_path  # the message key file goes here
    welfare = AgencyFactory(name="Welfare Ministry", kind="welfare")
    for name in COLLEAGUES:
        UserFactory(roles=["social_worker"], agency=welfare, full_name=name)
    return UserFactory(roles=["investigator"], agency=AgencyFactory(name="Israel Police"))


def test_a_message_to_two_people_found_by_typing(browser: Any, live_server: Any, writer: Any,
                                                 artifacts: Path) -> None:
    from playwright.sync_api import expect

    page = signed_in_page(browser, live_server, writer)
    page.goto("/messaging/new/")
    people = page.get_by_role("group", name="People")
    assert people.get_by_role("checkbox").count() == len(COLLEAGUES)
    expect(people.locator("select")).to_have_count(0)
    expect(people.get_by_text("None chosen.")).to_be_visible()
    search = people.get_by_role("searchbox", name="Type to shorten the list")
    search.fill("dana")
    expect(people.get_by_role("checkbox", name="Yossi Levi (Welfare Ministry)")).to_be_hidden()
    people.get_by_role("checkbox", name="Dana Cohen (Welfare Ministry)").check()
    search.fill("levi")
    search.press("Enter")  # does not send the half-filled form
    expect(people.get_by_role("checkbox", name="Dana Cohen (Welfare Ministry)")).to_be_visible()
    people.get_by_role("checkbox", name="Yossi Levi (Welfare Ministry)").check()
    expect(people.locator(".picker-chosen")).to_have_text(
        "Chosen: Dana Cohen (Welfare Ministry), Yossi Levi (Welfare Ministry)")
    assert_accessible(page, "message form with two people chosen")
    page.screenshot(path=str(artifacts / "message-to-two-people.png"), full_page=True)
    page.get_by_label("Subject").fill("Shelter place tonight")
    page.get_by_role("textbox", name="Message", exact=True).fill(
        "A woman found on a farm needs a bed.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_test_id("thread-subject")).to_have_text("Shelter place tonight")
    expect(page.locator("dl.facts dd").first).to_contain_text("Dana Cohen")
    expect(page.locator("dl.facts dd").first).to_contain_text("Yossi Levi")
    thread = Thread.objects.get()
    assert sorted(p.user.full_name for p in thread.participants.exclude(user=writer)
                  .exclude(user=None)) == ["Dana Cohen", "Yossi Levi"]
    page.context.close()


def test_the_filter_works_in_hebrew_on_a_phone(browser: Any, live_server: Any, writer: Any,
                                              artifacts: Path) -> None:
    from playwright.sync_api import expect

    writer.language = "he"
    writer.save(update_fields=["language"])
    page = signed_in_page(browser, live_server, writer)
    page.set_viewport_size(PHONE)
    page.goto("/messaging/new/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    people = page.locator("fieldset", has=page.locator("#id_users"))
    search = people.locator("#id_users_filter")
    expect(search).to_be_visible()
    search.fill("maya")
    maya = people.get_by_role("checkbox", name="Maya Azulay (Welfare Ministry)")
    expect(maya).to_be_visible()
    expect(people.get_by_role("checkbox", name="Dana Cohen (Welfare Ministry)")).to_be_hidden()
    maya.check()
    chosen = people.locator(".picker-chosen bdi")
    expect(chosen).to_have_text("Maya Azulay (Welfare Ministry)")
    # The Latin name keeps its own direction inside the Hebrew line and list.
    assert chosen.evaluate("e => getComputedStyle(e).direction") == "ltr"
    label = people.locator(".picker-options bdi", has_text="Maya Azulay")
    assert label.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(artifacts / "message-people-filter-he-phone.png"), full_page=True)
    page.context.close()


def test_a_country_is_chosen_from_the_filtered_list(browser: Any, live_server: Any) -> None:
    """A list to choose one from: the trip's destination, typed and picked, not scrolled for
    in a drop-down of two hundred countries."""
    from playwright.sync_api import expect

    from palermo.notices.models import Trip
    from tests.notices.factories import published

    author = UserFactory(roles=["liaison_officer"],
                         agency=AgencyFactory(name="Police", country="ISR"))
    reviewer = UserFactory(roles=["coordinator"],
                           agency=AgencyFactory(name="NCB", kind="coordinator", country="ISR"))
    notice = published(author, reviewer)
    page = signed_in_page(browser, live_server, author)
    page.goto(f"/notices/{notice.pk}/trip/")
    destination = page.get_by_role("group", name="To")
    expect(destination.locator("select")).to_have_count(0)
    destination.get_by_role("searchbox", name="Type to shorten the list").fill("cypr")
    expect(destination.get_by_role("radio", name="France")).to_be_hidden()
    destination.get_by_role("radio", name="Cyprus").check()
    expect(destination.locator(".picker-chosen")).to_have_text("Chosen: Cyprus")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("status")).to_contain_text("Trip registered")
    assert Trip.objects.get(notice=notice).to_country == "CYP"
    page.context.close()
