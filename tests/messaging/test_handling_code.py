"""The handling code's explanation is in the reader's language, and a typed restriction keeps
its own direction inside a Hebrew page."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation


def test_the_handling_code_explains_itself_in_hebrew() -> None:
    with translation.override("he"):
        html = render_to_string("messaging/handling.html",
                                {"code": "H0", "restriction": "Not for press."})
    assert "מותר להשתמש במידע רק למניעת פשיעה" in html
    assert "preventing and combating crime" not in html
    assert "<bdi>Not for press.</bdi>" in html


def test_the_handling_code_explains_itself_in_english() -> None:
    with translation.override("en"):
        html = render_to_string("messaging/handling.html", {"code": "H0", "restriction": ""})
    assert "preventing and combating crime" in html
