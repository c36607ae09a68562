"""One way of writing a day per language, whatever format name a template asks for: English
"7 Dec 2026", Hebrew "07/12/2026". The settings name palermo.formats in FORMAT_MODULE_PATH."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.template import Context, Template
from django.utils import formats, timezone, translation

from tests.conftest import sign_in
from tests.insights.factories import office

DAY = dt.date(2026, 12, 7)
MOMENT = dt.datetime(2026, 12, 7, 14, 5, tzinfo=dt.UTC)
TEMPLATE = Template('{{ day }}|{{ day|date }}|{{ day|date:"DATE_FORMAT" }}|'
                    '{{ day|date:"SHORT_DATE_FORMAT" }}')


@pytest.fixture(autouse=True)
def palermo_formats(settings: Any) -> Iterator[None]:
    """The setting the lead adds to settings.py; Django caches the formats it has looked up,
    and changing FORMAT_MODULE_PATH does not clear that cache."""
    formats.reset_format_cache()
    settings.FORMAT_MODULE_PATH = ["palermo.formats"]
    yield
    formats.reset_format_cache()


def written(language: str) -> set[str]:
    with translation.override(language):
        return set(TEMPLATE.render(Context({"day": DAY})).split("|"))


def test_every_date_format_name_writes_the_same_day() -> None:
    assert written("en") == {"7 Dec 2026"}
    assert written("he") == {"07/12/2026"}


def test_date_and_time_per_language() -> None:
    template = Template('{{ at|date:"SHORT_DATETIME_FORMAT" }}|{{ at|date:"DATETIME_FORMAT" }}')
    with timezone.override("UTC"):
        for language, expected in (("en", "7 Dec 2026, 14:05"), ("he", "07/12/2026 14:05")):
            with translation.override(language):
                assert set(template.render(Context({"at": MOMENT})).split("|")) == {expected}


@pytest.mark.django_db
def test_a_page_writes_dates_the_languages_way(client: Any) -> None:
    people = office()
    today = timezone.localdate()
    signed = sign_in(client, people.coordinator)
    english = signed.get(f"/insights/report/?year={today.year}&language=en").content.decode()
    assert f"{today.day} {today.strftime('%b')} {today.year}" in english
    signed.cookies["django_language"] = "he"
    hebrew = signed.get(f"/insights/report/?year={today.year}&language=he",
                        HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert today.strftime("%d/%m/%Y") in hebrew
