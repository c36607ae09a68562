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
    page.get_by_role("group", name="Agencies").get_by_role(
        "checkbox", name="Welfare Ministry", exact=True).check()
    page.get_by_label("Subject").fill("Shelter place tonight")
    page.get_by_role("textbox", name="Message", exact=True).fill(
        "A woman found on a farm needs a bed.")
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


def test_an_empty_message_is_told_every_fault_at_once(browser: Any, live_server: Any,
                                                      settings: Any, tmp_path: Path,
                                                      artifacts: Path) -> None:
    """Issue 18, item 4: sending a message with nothing filled in names the subject, the
    message and the recipients in one go, each next to its field; once they are given, the
    confirmation says what went to whom and what comes next."""
    from playwright.sync_api import expect

    from tests.browser.axe import assert_accessible

    settings.DATA_DIR = tmp_path
    police = UserFactory(roles=["investigator"], agency=AgencyFactory(name="Israel Police"))
    AgencyFactory(name="Welfare Ministry", kind="welfare")
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/access/login/", timeout=90_000)  # the live server's first answer is slow
    sign_in(page, police)
    page.goto("/messaging/new/")
    expect(page.locator("#id_subject_helptext")).to_have_text("At most 200 characters.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_test_id("recipients").locator(".error")).to_have_text(
        "Choose at least one recipient.")
    subject = page.locator(".field", has=page.locator("#id_subject"))
    expect(subject.locator(".error")).to_have_text("Give the message a subject.")
    body = page.locator(".field", has=page.locator("#id_body"))
    expect(body.locator(".error")).to_have_text("Write the message.")
    assert_accessible(page, "message form with its faults")
    page.screenshot(path=str(artifacts / "message-form-faults.png"), full_page=True)

    page.get_by_label("Subject").fill("Shelter place tonight")
    page.get_by_role("group", name="Agencies").get_by_role(
        "checkbox", name="Welfare Ministry", exact=True).check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Subject")).to_have_value("Shelter place tonight")
    expect(body.locator(".error")).to_have_text("Write the message.")
    expect(page.get_by_test_id("recipients").locator(".error")).to_have_count(0)
    page.get_by_role("textbox", name="Message", exact=True).fill(
        "A woman found on a farm needs a bed.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text(
        "Your message “Shelter place tonight” was sent to Welfare Ministry. "
        "This page shows when they read it.")
    context.close()
