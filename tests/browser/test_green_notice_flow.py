"""Issue 5's done-when: an investigator drafts a green notice for a convicted offender, a
reviewer approves it, a border officer screens the offender's passport and gets the hit with
the notice, and the destination's police receive the travel alert and acknowledge it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.pages import signed_in_page
from tests.screening.engine.mrz_support import td3


def test_green_notice_to_travel_alert(browser: Any, live_server: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    investigator = UserFactory(roles=["investigator"],
                               agency=AgencyFactory(name="Israel Police", country="ISR"))
    reviewer = UserFactory(roles=["coordinator"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    border = UserFactory(roles=["border_officer"], agency=AgencyFactory(
        name="Cyprus Aliens and Immigration", kind="border", country="CYP"))
    destination = UserFactory(roles=["investigator"], agency=AgencyFactory(
        name="Cyprus Police", country="CYP"))

    page = signed_in_page(browser, live_server, investigator)
    page.get_by_role("link", name="Notices").first.click()
    page.get_by_role("link", name="Draft a notice").click()
    page.locator("#id_colour").select_option(label="Green notice")
    page.get_by_label("Subject's names").fill("Viktor Morozov")
    page.get_by_label("Family name").fill("Morozov")
    page.get_by_label("Birth date").fill("1979-01-17")
    page.get_by_label("Sex").select_option("M")
    page.get_by_label("Reasons").fill("Convicted in 2020 of sexual offences against children.")
    page.get_by_label("Legal basis").fill("Haifa District Court judgment 5678-09-19")
    page.get_by_label("Requested action").fill("Tell the issuing agency of any trip at once.")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_test_id("notice-state")).to_have_text("submitted for review")

    page.context.close()
    page = signed_in_page(browser, live_server, reviewer)
    page.goto("/notices/review/")
    page.get_by_role("link", name="Green notice").click()
    page.get_by_role("button", name="Take for review").click()
    expect(page.get_by_test_id("notice-state")).to_have_text("in review")
    for box in page.locator("input[type=checkbox][name^=check_]").all():
        box.check()
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_test_id("notice-state")).to_have_text("published")

    page.context.close()
    page = signed_in_page(browser, live_server, border)
    page.get_by_role("link", name="Screening").click()
    page.get_by_label("Scan or type a passport MRZ, a document number, a VIN or a name").fill(
        td3(number="K4711008", name="MOROZOV<<VIKTOR", birth="790117", sex="M",
            expiry="300101", state="ISR"))
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("HIT")
    notice = page.get_by_test_id("hit-notice")
    expect(notice).to_contain_text("Green notice")
    expect(notice).to_contain_text("Israel Police")

    page.context.close()
    page = signed_in_page(browser, live_server, destination)
    page.get_by_test_id("header-alerts").click()
    page.get_by_role("link", name="Viktor Morozov").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Viktor Morozov")
    page.get_by_label("Follow-up (what your agency did)").fill(
        "Officers met him at arrivals; hotel noted.")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_test_id("alert-status")).to_contain_text("acknowledged")
    page.screenshot(path=str(artifacts / "travel-alert-acknowledged.png"), full_page=True)
    page.context.close()
