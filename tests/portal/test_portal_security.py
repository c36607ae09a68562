"""The portal is apart from the application: its own URL space, no internal URL reachable
from its pages, no cookie but the language and the CSRF token, a strict CSP and nothing
loaded from elsewhere. Every portal page found by walking the URL patterns is checked."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from palermo.portal import middleware
from palermo.portal.services import language
from tests.portal.helpers import receipt, send_report

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "srcset", "poster", "data") \
                    and value is not None:
                self.urls.append((f"{tag}.{name}", value))


def portal_paths() -> list[str]:
    """Every portal URL pattern, filled in for every portal language."""
    resolver = get_resolver()
    found: list[str] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace == "portal":
                found.append(route)

    walk(resolver.url_patterns, "/", "")
    paths = []
    for route in found:
        for code in language.LANGUAGES:
            filled = route.replace("<lang:lang>", code)
            filled = re.sub(r"<slug:[a-z_]+>|<str:[a-z_]+>", "no-such-page", filled)
            filled = re.sub(r"<int:[a-z_]+>", "999999", filled)
            paths.append(filled)
    return sorted(set(paths))


def portal_pages(client: Client) -> list[tuple[str, Any]]:
    pages = [(path, client.get(path, follow=True)) for path in portal_paths()]
    reference, phrase = receipt(send_report(client))
    pages.append(("report done", send_report(client)))
    pages.append(("report thread", client.post(
        "/public/en/report/return/", {"reference": reference, "phrase": phrase,
                                      "csrfmiddlewaretoken": client.cookies["csrftoken"].value})))
    pages.append(("not found", client.get("/public/en/no-such-page/")))
    return pages


def test_the_walk_finds_the_portal_pages() -> None:
    paths = portal_paths()
    assert "/public/ar/report/" in paths and "/public/ti/report/return/" in paths


def test_no_link_or_form_on_a_portal_page_leads_into_the_application() -> None:
    client = Client()
    for name, response in portal_pages(client):
        parser = Links()
        parser.feed(response.content.decode())
        assert parser.urls, name
        for where, url in parser.urls:
            parts = urlsplit(url)
            assert not parts.scheme and not parts.netloc, f"{name}: {where}={url} is external"
            if url.startswith("#"):
                continue
            assert parts.path.startswith(("/public/", "/static/")), f"{name}: {where}={url}"
            if parts.path.startswith("/public/"):
                # A link to a page that does not exist gets the portal's own 404 page.
                try:
                    namespace = resolve(parts.path).namespace
                except Resolver404:
                    continue
                assert namespace == "portal", f"{name}: {url}"


def test_internal_pages_are_not_served_under_the_portal() -> None:
    client = Client()
    for internal in ("/public/access/login/", "/public/cases/", "/public/triage/",
                     "/public/en/cases/", "/public/admin/", "/public/api/v1/docs",
                     "/public/en/../triage/"):
        response = client.get(internal)
        assert response.status_code in (301, 302, 404), internal
        if response.status_code == 404:
            html = response.content.decode()
            assert "data-portal-frame" in html and "/access/" not in html
        with pytest.raises(Resolver404):
            match = resolve(internal)
            if match.namespace != "portal":
                raise Resolver404


def test_portal_pages_set_no_cookie_but_language_and_csrf(signed_in: Any) -> None:
    # Even a signed-in officer's session is neither used nor renewed on a portal page.
    client = signed_in("coordinator")
    for name, response in portal_pages(client):
        assert set(response.cookies) <= {language.COOKIE, "csrftoken"}, name
        assert "sessionid" not in response.cookies, name
        html = response.content.decode()
        assert client.user.full_name not in html and client.user.email not in html, name


def test_every_portal_page_has_the_strict_headers() -> None:
    for name, response in portal_pages(Client()):
        policy = response["Content-Security-Policy"]
        assert policy == middleware.CONTENT_SECURITY_POLICY, name
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert response["Referrer-Policy"] == "same-origin", name
        assert "camera=()" in response["Permissions-Policy"], name
        assert response["X-Frame-Options"] == "DENY", name
        assert "no-store" in response["Cache-Control"], name


def test_nothing_on_a_portal_page_comes_from_elsewhere() -> None:
    for name, response in portal_pages(Client()):
        html = response.content.decode()
        parser = Links()
        parser.feed(html)
        for where, url in parser.urls:
            if where.endswith(".src") or where == "link.href":
                assert url.startswith("/static/"), f"{name}: {where}={url}"
        assert "<script" not in html and " style=" not in html, name
        assert "http://" not in html and "https://" not in html, name
