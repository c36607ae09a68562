"""The interactive API docs render from the package's own assets under the strict CSP."""

from __future__ import annotations

from typing import Any

from tests.access.factories import PASSWORD, UserFactory, totp_now


def test_api_docs_render_offline_under_the_content_security_policy(page: Any,
                                                                   live_server: Any) -> None:
    from playwright.sync_api import expect

    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))

    user = UserFactory(roles=["trainer"])
    page.goto("/access/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Six-digit code from your authenticator app").fill(
        totp_now(user.totpdevice_set.get()))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .title")).to_contain_text("Palermo API")
    expect(page.get_by_text("/api/v1/me").first).to_be_visible()
    assert [url for url in requested if not url.startswith(live_server.url)] == []
    assert [text for text in problems if "Content Security Policy" in text] == []
