"""A border officer scans the specimen passport and sees the hit without a page reload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.access.factories import PASSWORD, AgencyFactory, UserFactory, totp_now
from tests.screening.factories import TD3, watch_lists


def test_scan_passport_and_see_the_hit_in_place(page: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    watch_lists(AgencyFactory(name="Police"))
    officer = UserFactory(roles=["border_officer"],
                          agency=AgencyFactory(name="Border", kind="border"))
    page.goto("/access/login/")
    page.get_by_label("Email").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Six-digit code from your authenticator app").fill(
        totp_now(officer.totpdevice_set.get()))
    page.get_by_role("button", name="Verify").click()
    page.get_by_role("link", name="Screening").click()

    field = page.get_by_label("Scan or type a passport MRZ, a document number, a VIN or a name")
    expect(field).to_be_focused()
    page.wait_for_load_state("load")
    loads: list[str] = []
    page.on("load", lambda _page: loads.append("load"))
    field.fill(TD3)
    field.press("Control+Enter")
    verdict = page.get_by_test_id("verdict")
    expect(verdict).to_contain_text("HIT")
    expect(page.locator(".hit").first).to_contain_text("L898902C3")
    expect(page.get_by_text("Inform the issuing agency of the trip.")).to_be_visible()
    assert loads == []  # answered in place
    page.screenshot(path=str(artifacts / "screening-hit.png"), full_page=True)

    field.fill("Somebody Unknown")
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("No hit")
