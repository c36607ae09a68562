"""An investigator writes an H2 message to the welfare ministry; a social worker there sees it
unread, opens it and reads it with its handling code explained."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.test_case_flow import sign_in


def test_compose_and_read_a_message(browser: Any, live_server: Any, artifacts: Path,
                                    settings: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    settings.DATA_DIR = tmp_path  # the message key file goes here
    police = UserFactory(roles=["investigator"], agency=AgencyFactory(name="Israel Police"))
    social = UserFactory(roles=["social_worker"],
                         agency=AgencyFactory(name="Welfare Ministry", kind="welfare"))

    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, police)
    page.get_by_role("link", name="Messages").first.click()
    expect(page.get_by_text("No messages yet")).to_be_visible()
    page.get_by_role("link", name="Write a message").click()
    page.get_by_label("Agencies").select_option(label="Welfare Ministry")
    page.get_by_label("Subject").fill("Shelter place tonight")
    page.get_by_label("Message", exact=True).fill("A woman found on a farm needs a bed.")
    page.get_by_label("Handling code").select_option("H2")
    page.get_by_label("Source reliability").select_option("B")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_test_id("thread-subject")).to_have_text("Shelter place tonight")
    context.close()

    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, social)
    page.get_by_role("link", name="Messages").first.click()
    threads = page.get_by_test_id("threads")
    expect(threads).to_contain_text("1 unread")
    threads.get_by_role("link", name="Shelter place tonight").click()
    expect(page.get_by_test_id("message-body")).to_contain_text("needs a bed")
    expect(page.get_by_test_id("handling-code")).to_contain_text(
        "H2 — no onward dissemination without permission")
    page.screenshot(path=str(artifacts / "message-as-welfare.png"), full_page=True)
    page.get_by_role("link", name="Messages").first.click()
    expect(page.get_by_test_id("threads")).to_contain_text("read")
    expect(page.get_by_test_id("threads")).not_to_contain_text("unread")
    context.close()
