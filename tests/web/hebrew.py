"""Reading a page as a Hebrew reader would, for the tests that check that English a user
typed (or a record holds) keeps its own direction there."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import translation

from tests.conftest import sign_in


def hebrew_page(user: Any, url: str, **query: Any) -> str:
    """The page at ``url`` as ``user`` sees it in Hebrew; it must open, right to left. The
    language the request turns on is turned off after it, so that the next test's messages
    are in its own language."""
    with translation.override(translation.get_language()):
        client = sign_in(Client(), user)
        client.cookies["django_language"] = "he"
        response = client.get(url, query, HTTP_ACCEPT_LANGUAGE="he")
    assert response.status_code == 200, response.content[:300]
    html = response.content.decode()
    assert '<html lang="he" dir="rtl">' in html
    return html


def isolated(text: str) -> str:
    """How English text appears on a Hebrew page once isolated: in its own ``<bdi>``, so its
    full stop stays at its right end."""
    return f"<bdi>{text}</bdi>"
