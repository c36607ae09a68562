"""Issue 18: on the portal's Hebrew pages, names typed in Latin letters keep their own
direction (isolated in <bdi>), dates are written the Hebrew way, and what a visitor types
follows the direction of the text."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.portal.helpers import public_notice, receipt, send_report

pytestmark = pytest.mark.django_db


def test_a_latin_name_is_isolated_on_a_hebrew_notice_page(user_with: Any) -> None:
    notice_id, _author = public_notice(user_with)
    listed = Client().get("/public/he/notices/").content.decode()
    assert "<bdi>Dana Levi</bdi></a>" in listed
    page = Client().get(f"/public/he/notices/{notice_id}/").content.decode()
    assert "<h1><bdi>Dana Levi</bdi></h1>" in page
    assert "<bdi>Police</bdi>" in page
    assert "<bdi>02/04/2011</bdi>" in page and "2011-04-02" not in page  # the birth date
    assert 'id="id_message" name="message" dir="auto"' in page


def test_the_report_thread_writes_its_dates_the_hebrew_way() -> None:
    client = Client()
    reference, phrase = receipt(send_report(client, lang="he"))
    thread = client.post("/public/he/report/return/", {"reference": reference,
                                                       "phrase": phrase}).content.decode()
    today = timezone.localdate()
    assert f">{today.strftime('%d/%m/%Y')}</time>" in thread
    assert f">{today.isoformat()}</time>" not in thread
    english = Client().post("/public/en/report/return/", {"reference": reference,
                                                          "phrase": phrase}).content.decode()
    assert f">{today.day} {today.strftime('%b')} {today.year}</time>" in english
