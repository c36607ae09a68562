"""A coordinator signs in with a second factor, switches to Hebrew and signs out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.access.factories import PASSWORD, UserFactory, totp_now


def test_sign_in_with_totp_switch_to_hebrew_and_sign_out(page: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    user = UserFactory(roles=["coordinator"], full_name="Noa Levi")
    device = user.totpdevice_set.get()

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/access/login/\?next=/$"))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/access/mfa/$"))
    page.get_by_label("Six-digit code from your authenticator app").fill(totp_now(device))
    page.get_by_role("button", name="Verify").click()

    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(page.get_by_text("Welcome, Noa.")).to_be_visible()
    expect(page.get_by_test_id("who")).to_contain_text(user.agency.name)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")

    page.get_by_role("button", name="עברית").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "he")
    expect(page.get_by_role("heading", level=1)).to_have_text("לוח בקרה")
    # Right to left: the brand sits at the right edge and signing out at the left.
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    sign_out = page.locator(".sign-out").bounding_box()
    assert brand["x"] > width / 2
    assert sign_out["x"] < width / 2
    page.screenshot(path=str(artifacts / "dashboard-he.png"), full_page=True)

    page.get_by_role("button", name="התנתקות").click()
    expect(page).to_have_url(re.compile(r"/access/login/$"))
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/access/login/"))


def test_keyboard_alone_can_sign_in(page: Any) -> None:
    from playwright.sync_api import expect

    user = UserFactory(roles=["trainer"])
    page.goto("/access/login/")
    # The email field has the focus on arrival; the rest is Tab, typing and Enter.
    expect(page.get_by_label("Email")).to_be_focused()
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    # The code field has the focus on the second factor page too.
    expect(page.get_by_label("Six-digit code from your authenticator app")).to_be_focused()
    page.keyboard.type(totp_now(user.totpdevice_set.get()))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
