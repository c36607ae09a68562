"""Reporting a suspicion through the portal and coming back to it, without an account."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.portal.models import Report
from palermo.portal.services import language
from tests.portal.helpers import csrf, receipt, send_report

pytestmark = pytest.mark.django_db


def test_a_report_in_arabic_gives_a_reference_and_a_secret_phrase() -> None:
    client = Client()
    page = client.get("/public/ar/report/")
    html = page.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert language.text("report.title", "ar") in html
    response = send_report(client, "ar", what="رأيت عمالاً محتجزين في مزرعة",
                           contact="")
    assert response.status_code == 200
    reference, phrase = receipt(response)
    assert len(phrase.split()) == 6
    report = Report.objects.get(reference=reference)
    assert report.language == "ar" and report.anonymous
    assert phrase not in report.secret_hash and report.secret_hash.startswith("$argon2")
    event = AuditEvent.objects.get(action="portal.report.create")
    assert event.ip is None and event.detail["reference"] == reference


def test_the_reporter_comes_back_reads_a_reply_and_adds_information(user_with: Any) -> None:
    from palermo.portal.services import triage

    client = Client()
    reference, phrase = receipt(send_report(client, "he", what="ראיתי עובדים נעולים"))
    coordinator = user_with("coordinator")
    report = triage.open_report(coordinator, Report.objects.get(reference=reference).pk)
    triage.reply(report, "תודה, אנחנו בודקים.", actor=coordinator)

    url = "/public/he/report/return/"
    opened = client.post(url, {"reference": reference.lower().replace("-", ""),
                               "phrase": "  " + phrase.upper() + " ",
                               "csrfmiddlewaretoken": csrf(client, url)})
    html = opened.content.decode()
    assert opened.status_code == 200
    assert "תודה, אנחנו בודקים." in html
    assert language.text("report.status.in_triage", "he") in html
    import re

    access = re.search(r'name="access" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    added = client.post("/public/he/report/return/add/", {
        "access": access, "addition": "The boss drives a white van.", "website": "",
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert added.status_code == 200
    assert language.text("return.added", "he") in added.content.decode()
    assert report.entries.filter(from_office=False, text__contains="white van").exists()


def test_a_wrong_phrase_or_reference_gets_the_same_answer() -> None:
    client = Client()
    reference, phrase = receipt(send_report(client))
    url = "/public/en/report/return/"
    token = csrf(client, url)
    wrong_phrase = client.post(url, {"reference": reference, "phrase": "apple " * 6,
                                     "csrfmiddlewaretoken": token})
    wrong_reference = client.post(url, {"reference": "ZZZZ-ZZZZ", "phrase": phrase,
                                        "csrfmiddlewaretoken": token})
    message = language.text("return.error.wrong", "en")
    assert wrong_phrase.status_code == wrong_reference.status_code == 400
    assert message in wrong_phrase.content.decode()
    assert message in wrong_reference.content.decode()


def test_an_expired_or_forged_access_token_is_refused() -> None:
    client = Client()
    receipt(send_report(client))
    response = client.post("/public/en/report/return/add/", {
        "access": "forged:token", "addition": "more",
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 400
    assert language.text("return.error.expired", "en") in response.content.decode()


def test_the_language_switch_keeps_the_page() -> None:
    html = Client().get("/public/ru/report/return/").content.decode()
    for code in language.LANGUAGES:
        assert f'href="/public/{code}/report/return/" lang="{code}"' in html
    assert 'aria-current="true">Русский' in html


def test_the_portal_root_follows_the_language_cookie_then_the_browser() -> None:
    client = Client()
    assert Client().get("/public/", HTTP_ACCEPT_LANGUAGE="ti,en;q=0.5")["Location"] \
        .startswith("/public/ti/")
    client.get("/public/am/report/")
    assert client.cookies[language.COOKIE].value == "am"
    assert client.get("/public/")["Location"].startswith("/public/am/")


def test_the_honeypot_refuses_a_robot_and_keeps_nothing() -> None:
    response = send_report(Client(), website="http://spam.example")
    assert response.status_code == 400
    assert language.text("report.error.refused", "en") in response.content.decode()
    assert not Report.objects.exists()


def test_a_report_without_what_was_seen_is_refused_naming_the_field() -> None:
    response = send_report(Client(), what="   ")
    html = response.content.decode()
    assert response.status_code == 400
    assert (f'{language.text("report.field.what", "en")}: '
            f'{language.text("report.error.what_missing", "en")}') in html
    assert not Report.objects.exists()
