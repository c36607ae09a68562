"""The base layout, the health check, security headers and the offline rule."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

import palermo

PACKAGE = Path(palermo.__file__).parent


@pytest.mark.django_db
def test_healthz_reports_the_database_without_signing_in(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_security_headers_on_every_page(client: Client) -> None:
    response = client.get("/access/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.django_db
def test_hsts_only_over_tls(client: Client) -> None:
    assert "Strict-Transport-Security" not in client.get("/healthz")
    secure = client.get("/healthz", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.django_db
def test_signed_in_pages_are_not_cached(signed_in: Any) -> None:
    client = signed_in("trainer")
    assert "no-store" in client.get("/")["Cache-Control"]


@pytest.mark.django_db
def test_login_page_in_hebrew_is_right_to_left(client: Client) -> None:
    html = client.get("/access/login/", HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert '<html lang="he" dir="rtl">' in html
    assert "התחברות" in html


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404(signed_in: Any) -> None:
    client = signed_in("trainer")
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_dashboard_shows_navigation_only_for_permitted_capabilities(signed_in: Any) -> None:
    html = signed_in("trainer").get("/").content.decode()
    assert 'href="/audit/"' not in html and 'href="/access/users/"' not in html
    auditor_html = signed_in("auditor").get("/").content.decode()
    assert 'href="/audit/"' in auditor_html


def test_no_asset_or_link_is_loaded_from_another_origin() -> None:
    """Closed networks: nothing in templates or static files may point off the server."""
    offenders = []
    pattern = re.compile(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", re.IGNORECASE)
    shipped = [*PACKAGE.rglob("*.html"), *PACKAGE.rglob("static/**/*.css"),
               *PACKAGE.rglob("static/**/*.js")]
    assert shipped
    for path in shipped:
        if pattern.search(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_no_inline_script_or_style_in_templates() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.html")
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=\"|<style", path.read_text())
    ]
    assert offenders == []
