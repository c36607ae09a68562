"""Issue 18: on Hebrew pages, fields that take Latin codes (an MRZ, a document number, a VIN
or a plate) are written left to right, so that a scanned MRZ reads as printed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.cases.factories import open_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def _hebrew(client: Client, url: str) -> str:
    client.cookies["django_language"] = "he"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert 'lang="he"' in page and 'dir="rtl"' in page
    return page


def test_the_mrz_box_of_the_check_page_is_left_to_right_in_hebrew(user_with: Any) -> None:
    officer = sign_in(Client(), user_with("border_officer"))
    page = _hebrew(officer, "/screening/")
    (textarea,) = re.findall(r'<textarea id="q"[^>]*>', page)
    assert 'dir="ltr"' in textarea


def test_the_document_number_of_a_person_is_left_to_right_in_hebrew(user_with: Any) -> None:
    investigator = user_with("investigator")
    case = open_case(investigator)
    page = _hebrew(sign_in(Client(), investigator), f"/cases/{case.pk}/persons/new/")
    (number,) = re.findall(r'<input[^>]*name="document_number"[^>]*>', page)
    assert 'dir="ltr"' in number and 'dir="auto"' not in number
    # Names stay in the direction of whatever is typed.
    (names,) = re.findall(r'<textarea[^>]*name="names"[^>]*>', page)
    assert 'dir="auto"' in names
