"""A browser page signed in as a user, in a context of its own (TOTP given when the user has
a device); close it with ``page.context.close()`` before the next user's turn."""

from __future__ import annotations

from typing import Any

from tests.access.factories import PASSWORD, totp_now


def signed_in_page(browser: Any, live_server: Any, user: Any) -> Any:
    page = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    page.set_default_timeout(15_000)
    page.goto("/access/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        page.get_by_label("Six-digit code from your authenticator app").fill(totp_now(device))
        page.get_by_role("button", name="Verify").click()
    return page
