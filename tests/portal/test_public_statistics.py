"""Public statistics: what the office published through insights, never live data; suppressed
cells shown as suppressed, on the page and in the CSV; a clear page when nothing is
published."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from palermo.insights.services import publication
from palermo.insights.services.periods import Period
from tests.insights.factories import office, victims

pytestmark = pytest.mark.django_db


def _published() -> Any:
    people = office()
    victims(people, 12, sex="F", forms=["SexualExploitation"])
    victims(people, 3, sex="M", forms=["ForcedLabour"])
    return people, publication.publish(actor=people.coordinator,
                                       period=Period.year(timezone.localdate().year),
                                       codes=["victims_sex_age"])


def test_nothing_published_says_so() -> None:
    response = Client().get("/public/en/statistics/")
    assert response.status_code == 200
    assert 'data-testid="statistics-empty"' in response.content.decode()
    assert "No statistics have been published yet" in response.content.decode()
    assert Client().get("/public/en/statistics/victims_sex_age.csv").status_code == 404


def test_the_published_table_with_suppressed_cells_shown_as_suppressed() -> None:
    _people, released = _published()
    table = released.tables[0]
    suppressed = sum(cell is None for row in table["cells"] for cell in row)
    assert suppressed > 0  # three men is under the public threshold of 10
    html = Client().get("/public/en/statistics/").content.decode()
    assert 'data-testid="statistics-published"' in html
    today = timezone.localdate()
    assert f"{today.day} {today.strftime('%b')} {today.year}" in html
    assert html.count('data-suppressed="true"') >= suppressed
    shown = html.split('data-testid="table-victims_sex_age"', 1)[1].split("</table>", 1)[0]
    assert ">3<" not in shown.replace(" ", "")  # the three men are not given away
    assert "<svg" in html
    assert table["title"] in html


@pytest.mark.parametrize("language", ["he", "ar", "ti"])
def test_the_publication_date_is_numeric_on_pages_in_other_languages(language: str) -> None:
    _published()
    html = Client().get(f"/public/{language}/statistics/").content.decode()
    published = html.split('data-testid="statistics-published"', 1)[1].split("</p>", 1)[0]
    assert timezone.localdate().strftime("%d/%m/%Y") in published
    assert timezone.localdate().isoformat() not in published


def test_the_page_shows_what_was_published_not_live_data() -> None:
    people, released = _published()
    before = Client().get("/public/en/statistics/").content.decode()
    victims(people, 30, sex="F", forms=["SexualExploitation"], title="New case")
    after = Client().get("/public/en/statistics/").content.decode()
    assert before == after
    assert released.pk


def test_each_table_downloads_as_csv_with_suppressed_cells_named() -> None:
    _published()
    response = Client().get("/public/en/statistics/victims_sex_age.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, body = rows[0], rows[1:]
    assert header[-1] == "Total"
    values = [value for row in body for value in row]
    assert "suppressed" in values
    assert "3" not in values
    hebrew = Client().get("/public/he/statistics/victims_sex_age.csv").content.decode()
    assert "מוסתר" in hebrew and "סך הכול" in hebrew


def test_statistics_in_hebrew_and_arabic_are_right_to_left() -> None:
    _published()
    for lang in ("he", "ar"):
        html = Client().get(f"/public/{lang}/statistics/").content.decode()
        assert 'dir="rtl"' in html
