"""Issue 9's training flow: a trainer creates a course and a session, registers a trainee,
marks her present, issues the certificate, and anyone checks its code on the public page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import timezone

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.pages import signed_in_page


def test_session_to_verified_certificate(browser: Any, live_server: Any,
                                         artifacts: Path) -> None:
    from playwright.sync_api import expect

    trainer = UserFactory(roles=["trainer"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    AgencyFactory(name="Population and Immigration Authority", kind="immigration")

    page = signed_in_page(browser, live_server, trainer)
    page.get_by_role("link", name="Training").first.click()
    page.get_by_role("link", name="New course").click()
    page.get_by_label("Title").fill("Identifying victims at the border")
    page.get_by_label("Border control officer").check()
    page.get_by_label("Immigration officer").check()
    page.get_by_label("Refresher after (months)").fill("24")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add a session").click()
    page.get_by_label("First day").fill(timezone.localdate().isoformat())
    page.get_by_label("Place").fill("Ben Gurion Airport, Terminal 3")
    page.get_by_label("Capacity").fill("0")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".has-error")).to_contain_text("Capacity")
    page.get_by_label("Capacity").fill("12")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Register a trainee").click()
    page.get_by_label("Full name").fill("Lea Friedman")
    page.get_by_label("Email").fill("lea@example.org")
    page.get_by_label("Profession").select_option(label="Border control officer")
    page.get_by_label("Agency", exact=True).select_option(
        label="Population and Immigration Authority")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("places")).to_have_text("1 / 12")
    row = page.get_by_test_id("registration-lea@example.org")
    row.get_by_role("button", name="Present").click()
    row = page.get_by_test_id("registration-lea@example.org")
    expect(row).to_contain_text("present")
    row.get_by_role("button", name="Issue certificate").click()
    code = page.get_by_test_id("certificate-code").inner_text().strip()
    assert len(code) >= 40
    with page.expect_download() as download:
        page.get_by_role("link", name="Certificate (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.context.close()

    anonymous = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    anonymous.goto("/training/verify/")
    anonymous.get_by_label("Verification code").fill(code)
    anonymous.get_by_role("button", name="Check").click()
    verdict = anonymous.get_by_test_id("verdict")
    expect(verdict).to_contain_text("This certificate is valid")
    expect(verdict).to_contain_text("Lea Friedman")
    expect(verdict).to_contain_text("Identifying victims at the border")
    expect(verdict).not_to_contain_text("lea@example.org")
    anonymous.screenshot(path=str(artifacts / "training-certificate-verified.png"),
                         full_page=True)
    anonymous.get_by_label("Verification code").fill(code[:-2])
    anonymous.get_by_role("button", name="Check").click()
    expect(anonymous.get_by_test_id("verdict")).to_contain_text("No valid certificate")
    anonymous.context.close()
