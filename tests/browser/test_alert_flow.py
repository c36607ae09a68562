"""Issue 18, alerts someone must act on, in Chromium: the border officer gives the post once
for the shift and screens a passport; the owning agency's investigator sees who was hit,
where and by whom, follows the links, acknowledges, takes over and closes the alert with an
outcome (after a mistake). The destination's police act on the travel alert the same check
raised. The alert pages are then read in Hebrew at phone width."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.axe import assert_accessible
from tests.browser.pages import signed_in_page
from tests.screening.factories import TD3, watch_lists

PHONE = {"width": 390, "height": 844}
POST = "Ben Gurion airport, desk 7"


def _warm(browser: Any, live_server: Any) -> None:
    """The live server's first page loads templates and catalogues; on a loaded machine that
    outlasts a page's timeout, so it is asked for once, with patience, before the test."""
    context = browser.new_context(base_url=live_server.url)
    context.request.get("/access/login/", timeout=120_000)
    context.close()


def _screen_from_post(browser: Any, live_server: Any, officer: Any, text: str) -> None:
    from playwright.sync_api import expect

    page = signed_in_page(browser, live_server, officer)
    page.get_by_role("link", name="Screening").first.click()
    expect(page.get_by_role("heading", name="Where are you checking from?")).to_be_visible()
    page.get_by_label("Your post this shift").fill(POST)
    page.get_by_role("button", name="Save the post").click()
    expect(page.get_by_test_id("shift")).to_contain_text(f"Checking from {POST}")
    page.get_by_label("Scan or type a passport MRZ, a document number, a VIN or a name").fill(
        text)
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("HIT")
    page.context.close()


def test_a_screening_hit_is_acted_on_by_the_owning_agency(browser: Any, live_server: Any,
                                                         artifacts: Path) -> None:
    from playwright.sync_api import expect

    police = AgencyFactory(name="Israel Police", country="ISR")
    watch_lists(police)
    owner = UserFactory(roles=["investigator"], full_name="Avi Owner", agency=police)
    officer = UserFactory(roles=["border_officer"], full_name="Lior Officer",
                          agency=AgencyFactory(name="Border Authority", kind="border"))
    _warm(browser, live_server)
    _screen_from_post(browser, live_server, officer, TD3)

    page = signed_in_page(browser, live_server, owner)
    page.goto("/screening/alerts/")
    table = page.get_by_test_id("alerts")
    expect(table).to_contain_text("ANNA MARIA ERIKSSON")
    expect(table).to_contain_text(POST)
    expect(table).to_contain_text("Lior Officer, Border Authority")
    expect(table).not_to_contain_text("#")
    page.get_by_role("link", name="ANNA MARIA ERIKSSON").click()
    expect(page.get_by_test_id("alert-post")).to_have_text(POST)
    expect(page.get_by_test_id("alert-check")).to_contain_text("ANNA MARIA ERIKSSON")
    page.get_by_role("link", name="Open the record on your watch list").click()
    expect(page.get_by_test_id("records")).to_contain_text("ANNA MARIA ERIKSSON")
    page.go_back()

    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_test_id("alert-status")).to_contain_text("acknowledged by Avi Owner")
    page.get_by_role("button", name="Take it over").click()
    expect(page.get_by_test_id("alert-status")).to_contain_text("taken over by Avi Owner")
    page.get_by_label("Note").fill("Held at desk 7; the document is the stolen one.")
    page.get_by_role("button", name="Close the alert").click()
    outcome = page.get_by_label("Outcome")
    expect(outcome).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field.has-error")).to_contain_text("Choose how the alert ended.")
    expect(page.get_by_label("Note")).to_have_value(
        "Held at desk 7; the document is the stolen one.")
    assert_accessible(page, "screening alert with an error")
    outcome.select_option(label="Person held or item seized")
    page.get_by_role("button", name="Close the alert").click()
    expect(page.locator(".message.success")).to_contain_text(
        "Alert closed as “Person held or item seized”")
    expect(page.get_by_test_id("alerts")).not_to_contain_text("ANNA MARIA ERIKSSON")
    page.get_by_role("link", name="Closed").click()
    expect(page.get_by_test_id("alerts")).to_contain_text("Person held or item seized")
    page.screenshot(path=str(artifacts / "screening-alerts-closed.png"), full_page=True)
    page.context.close()


def test_a_travel_alert_from_a_border_check_is_closed_with_an_outcome(
        browser: Any, live_server: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    from tests.notices.factories import published
    from tests.screening.engine.mrz_support import td3

    author = UserFactory(roles=["investigator"], agency=AgencyFactory(name="Israel Police",
                                                                      country="ISR"))
    reviewer = UserFactory(roles=["coordinator"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    border = UserFactory(roles=["border_officer"], agency=AgencyFactory(
        name="Cyprus Aliens and Immigration", kind="border", country="CYP"))
    destination = UserFactory(roles=["investigator"], full_name="Eleni Police",
                              agency=AgencyFactory(name="Cyprus Police", country="CYP"))
    published(author, reviewer, subject_names=["Viktor Morozov"], sex="M",
              birth_date=dt.date(1979, 1, 17))
    _warm(browser, live_server)
    _screen_from_post(browser, live_server, border, td3(
        number="K4711008", name="MOROZOV<<VIKTOR", birth="790117", sex="M", expiry="300101",
        state="ISR"))

    page = signed_in_page(browser, live_server, destination)
    page.goto("/notices/travel-alerts/")
    page.get_by_role("link", name="Viktor Morozov").click()
    expect(page.get_by_test_id("alert-post")).to_contain_text(POST)
    page.get_by_role("button", name="Take it over").click()
    expect(page.get_by_test_id("alert-status")).to_contain_text("taken over by Eleni Police")
    page.get_by_label("Outcome").select_option(label="Referred to another agency or to a case")
    page.get_by_role("button", name="Close the alert").click()
    expect(page.locator(".field.has-error")).to_contain_text("needs one")
    page.get_by_label("Note").fill("Handed to the Limassol anti-trafficking unit.")
    page.get_by_role("button", name="Close the alert").click()
    expect(page.locator(".message.success")).to_contain_text(
        "Alert closed as “Referred to another agency or to a case”")
    page.screenshot(path=str(artifacts / "travel-alert-closed.png"), full_page=True)
    page.context.close()


def test_the_alert_page_reads_in_hebrew_on_a_phone(browser: Any, live_server: Any,
                                                   artifacts: Path) -> None:
    from playwright.sync_api import expect

    from palermo.screening import services

    police = AgencyFactory(name="Israel Police", country="ISR")
    watch_lists(police)
    owner = UserFactory(roles=["investigator"], agency=police)
    officer = UserFactory(roles=["border_officer"], agency=AgencyFactory(
        name="Border Authority", kind="border"))
    services.check(officer, services.interpret(TD3), post=POST)
    _warm(browser, live_server)

    page = signed_in_page(browser, live_server, owner)
    page.set_viewport_size(PHONE)
    page.goto("/screening/alerts/")
    page.locator("form.language-switch button[value=he]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, "alerts, Hebrew, phone")
    page.screenshot(path=str(artifacts / "screening-alerts-he-phone.png"), full_page=True)
    page.locator("table a").first.click()
    expect(page.get_by_test_id("alert-post")).to_have_text(POST)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, "alert, Hebrew, phone")
    page.screenshot(path=str(artifacts / "screening-alert-he-phone.png"), full_page=True)
    page.context.close()
