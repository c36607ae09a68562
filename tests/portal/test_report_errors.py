"""A report with mistakes in it (issue 18, item 4): every fault at once, each next to its
field, in the reporter's language, with what they wrote kept; and the limits said before
they type."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from palermo.portal.models import Report, ReportEntry
from palermo.portal.services import language
from tests.portal.helpers import csrf, image_file, receipt, send_report

pytestmark = pytest.mark.django_db


def _field(html: str, name: str) -> str:
    start = html.index(f'<label for="id_{name}"')
    return html[start:html.index("</div>", start)]


def _summary(html: str) -> list[str]:
    block = html[html.index('data-testid="portal-error"'):]
    block = block[:block.index("</ul>")]
    return [re.sub(r"<[^>]+>", "", item).strip() for item in block.split("<li>")[1:]]


def test_two_fields_too_long_are_both_named_at_once() -> None:
    response = send_report(Client(), "ru", where="x" * 600, who="y" * 2500,
                           what="Рабочих запирают на ночь.")
    html = response.content.decode()
    assert response.status_code == 400
    too_long = language.text("report.error.too_long", "ru", length=600, limit=500)
    also = language.text("report.error.too_long", "ru", length=2500, limit=2000)
    assert _summary(html) == [f'{language.text("report.field.where", "ru")}: {too_long}',
                              f'{language.text("report.field.who", "ru")}: {also}']
    assert too_long in _field(html, "where") and also in _field(html, "who")
    assert 'aria-invalid="true"' in _field(html, "where")
    assert "Рабочих запирают на ночь." in _field(html, "what")
    assert "x" * 600 in _field(html, "where")
    assert not Report.objects.exists()


def test_a_missing_answer_and_a_bad_photo_are_told_together() -> None:
    client = Client()
    url = "/public/en/report/"
    fake = image_file()
    fake.seek(0)
    fake.write(b"%PDF-1.4 not a photo")
    fake.seek(0)
    html = client.post(url, {"what": "", "who": "z" * 2001, "website": "",
                             "images": [fake], "csrfmiddlewaretoken": csrf(client, url)}
                       ).content.decode()
    assert language.text("report.error.what_missing", "en") in _field(html, "what")
    assert language.text("report.error.image_kind", "en") in html
    assert len(_summary(html)) == 3


def test_photos_must_be_chosen_again_after_a_refusal_and_the_page_says_so() -> None:
    client = Client()
    url = "/public/ar/report/"
    html = client.post(url, {"what": "", "website": "", "images": [image_file()],
                             "csrfmiddlewaretoken": csrf(client, url)}).content.decode()
    assert language.text("report.error.photos_again", "ar") in _field(html, "images")


def test_the_limits_are_stated_before_the_reporter_types() -> None:
    html = Client().get("/public/he/report/").content.decode()
    for name, limit in (("what", 5000), ("where", 500), ("when", 200), ("who", 2000),
                        ("contact", 300)):
        assert language.text("report.help.limit", "he", limit=limit) in _field(html, name)


def test_line_breaks_count_once_against_the_limit() -> None:
    # A browser sends each line break of a text area as two characters.
    text = "\r\n".join(["x" * 99] * 50)  # 4,999 characters as the reporter sees them
    response = send_report(Client(), what=text)
    reference, _phrase = receipt(response)
    assert Report.objects.get(reference=reference).what.count("\n") == 49


def test_a_refused_addition_keeps_its_text_and_names_every_fault() -> None:
    client = Client()
    reference, phrase = receipt(send_report(client))
    page = client.post("/public/en/report/return/", {
        "reference": reference, "phrase": phrase,
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value}).content.decode()
    access = re.search(r'name="access" value="([^"]+)"', page)
    assert access
    assert language.text("report.help.limit", "en", limit=5000) in _field(page, "addition")
    fake = image_file(name="van.jpg")
    fake.seek(0)
    fake.write(b"not an image at all")
    fake.seek(0)
    long_text = "The van is white. " * 300
    html = client.post("/public/en/report/return/add/", {
        "access": access.group(1), "addition": long_text, "website": "", "images": [fake],
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value}).content.decode()
    assert long_text.strip() in _field(html, "addition")
    assert language.text("report.error.too_long", "en", length=len(long_text.strip()),
                         limit=5000) in _field(html, "addition")
    assert language.text("report.error.image_kind", "en") in _field(html, "images")
    assert not ReportEntry.objects.exists()
