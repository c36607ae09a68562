"""Issue 18: every portal form names all its mistakes at once, each next to its field, and
keeps what was typed: the information about a public notice, the return to a report, and
the information pages' editor."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from palermo.messaging import services as messaging
from palermo.portal.services import pages
from tests.portal.helpers import public_notice

pytestmark = pytest.mark.django_db


def _field_error(html: str, name: str) -> str:
    """The error shown beside the field ``name`` (empty when none)."""
    found = re.search(rf'<span class="error" id="error_{name}">([^<]*)</span>', html)
    return found.group(1) if found else ""


def test_information_without_a_message_and_a_too_long_contact_names_both(
        user_with: Any) -> None:
    notice_id, author = public_notice(user_with)
    contact = "c" * 201
    response = Client().post(f"/public/en/notices/{notice_id}/", {
        "message": "  ", "contact": contact, "website": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your information was not sent. Please correct:" in html
    assert _field_error(html, "message") == "Write what you know."
    assert _field_error(html, "contact") == "At most 200 characters."
    assert 'href="#id_message">What you know: Write what you know.' in html
    assert f'value="{contact}"' in html  # what was typed is kept
    assert "At most 5000 characters" in html  # the limit is stated before typing
    assert messaging.inbox(user_with("investigator", agency=author.agency)) == []


def test_information_too_long_keeps_the_text_and_names_the_field_in_hebrew(
        user_with: Any) -> None:
    notice_id, _author = public_notice(user_with)
    message = "ראיתי אותה " * 500
    response = Client().post(f"/public/he/notices/{notice_id}/", {
        "message": message, "contact": "c" * 201})
    html = response.content.decode()
    assert response.status_code == 400
    assert _field_error(html, "message") == "לכל היותר 5000 תווים."
    assert _field_error(html, "contact") == "לכל היותר 200 תווים."
    assert message.strip() in html


def test_returning_without_reference_or_phrase_names_both_fields() -> None:
    response = Client().post("/public/en/report/return/", {"reference": " ", "phrase": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your report could not be opened. Please correct:" in html
    assert _field_error(html, "reference").startswith("Enter the reference")
    assert _field_error(html, "phrase").startswith("Enter the secret phrase")
    kept = Client().post("/public/en/report/return/", {"reference": "AB12-CD34",
                                                       "phrase": ""}).content.decode()
    assert 'value="AB12-CD34"' in kept and not _field_error(kept, "reference")


def test_the_page_editor_names_a_bad_address_and_a_bad_position_at_once(
        signed_in: Any) -> None:
    editor = signed_in("coordinator")
    response = editor.post("/portal-pages/", {"slug": "Signs of trafficking!",
                                              "position": "-3"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid “slug”" in html or "letters, numbers, underscores" in html
    assert "Ensure this value is greater than or equal to 0." in html
    assert 'value="Signs of trafficking!"' in html


def test_the_page_editor_names_a_long_title_and_a_missing_text_at_once(
        signed_in: Any) -> None:
    editor = signed_in("coordinator")
    page = pages.create_page(actor=editor.user, slug="contacts")
    title = "T" * 201
    response = editor.post(f"/portal-pages/{page.pk}/write/?language=en", {
        "language": "en", "title": title, "body": "", "then": "save"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 200 characters (it has 201)" in html
    assert "This field is required." in html
    assert f'value="{title}"' in html
