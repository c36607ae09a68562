"""The Hebrew annual report reads as Hebrew: parentheses face the right way in the PDF, and
the definitions of the figures and tables are in Hebrew in every format."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import timezone
from django.utils.html import escape

from palermo.insights.services import report
from tests.insights.factories import office, victims

pytestmark = pytest.mark.django_db

HEBREW = range(0x0590, 0x0600)


def hebrew(text: str) -> bool:
    return any(ord(ch) in HEBREW for ch in text)


@pytest.fixture
def made() -> report.Report:
    people = office()
    victims(people, 11, sex="F", forms=["SexualExploitation"])
    return report.build(people.coordinator, timezone.localdate().year, language="he")


def pdf_text(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(document[i].get_textpage().get_text_range()
                         for i in range(len(document)))
    finally:
        document.close()


def test_pdf_parentheses_face_their_words(made: report.Report) -> None:
    text = pdf_text(report.render(made, "pdf"))
    # "Child (under 18)", as the age group's Hebrew label has it.
    assert "קטין (מתחת ל" in text
    assert "קטין )מתחת" not in text


def test_pdf_mirrors_only_what_runs_right_to_left() -> None:
    from palermo.insights.services.report_pdf import visual

    assert visual("קטין (מתחת ל-18)") == "(18-ל תחתמ) ןיטק"
    assert visual("Forced labour (ILO)") == "Forced labour (ILO)"
    assert visual("דוח: Farm (North) 2026") == "Farm (North) 2026 :חוד"


def test_spreadsheet_defines_in_hebrew(made: report.Report) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(report.render(made, "xlsx")))
    labels = {figure.label for figure in made.tip}
    figures = [row for row in book["TIP"].iter_rows(values_only=True) if row[0] in labels]
    assert len(figures) == 6
    assert all(hebrew(row[2]) for row in figures), figures
    sheet = [v for row in book["victims_exploitation"].iter_rows(values_only=True)
             for v in row if isinstance(v, str)]
    assert any("צורת ניצול" in v and "ISO" not in v for v in sheet), sheet[-1]


def test_html_defines_in_hebrew(made: report.Report) -> None:
    html = report.render(made, "html").decode()
    definition = made.tip[0].definition
    assert hebrew(definition)
    assert escape(definition) in html
    assert "Cases opened during the period" not in html


def test_methodology_is_whole_in_each_language(made: Any) -> None:
    table = made.tables[0]
    assert table.methodology_i18n["en"].startswith("Persons recorded as victims")
    assert table.methodology_i18n["he"].startswith("אנשים שנרשמו כנפגעי סחר")
