"""The annual report: PDF (rendered to images and checked not blank), HTML and spreadsheet,
in English and Hebrew, from the command and the page."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from palermo.access.services.errors import ServiceError
from palermo.insights.services import report
from tests.conftest import sign_in
from tests.insights.factories import office, victims
from tests.library.factories import decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_data() -> Any:
    people = office()
    this = timezone.localdate().year
    victims(people, 12, sex="F", forms=["SexualExploitation"], nationality="UKR")
    victims(people, 11, sex="M", forms=["ForcedLabour"], industry="agriculture",
            nationality="THA", shelter=True)
    decision(people.coordinator, decision_date=dt.date(this, 2, 1),
             summary="Workers recruited abroad by deception were held on a farm.",
             sentences=[{"defendant": "A", "prison_months": 48}])
    return people, this


def ink(png_page: Any) -> float:
    """Share of pixels that are not white."""
    image = png_page.render(scale=1).to_pil().convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[250:]) / sum(histogram)


@pytest.mark.parametrize("language", ["en", "he"])
def test_pdf_pages_render_and_are_not_blank(year_data: Any, language: str) -> None:
    import pypdfium2

    people, this = year_data
    made = report.build(people.coordinator, this, language=language)
    data = report.render(made, "pdf")
    assert data.startswith(b"%PDF")
    document = pypdfium2.PdfDocument(data)
    assert len(document) >= 2
    for index in range(2):
        assert ink(document[index]) > 0.01, f"page {index + 1} is blank"
    text = document[0].get_textpage().get_text_range()
    if language == "he":
        # Drawn in visual order, read back by PDFium in logical order: the reordering is right.
        assert "חקירות שנפתחו" in text
        assert "דוח לאומי על סחר בבני אדם" in text
    else:
        assert f"National report on trafficking in persons, {this}" in text
        assert "Investigations opened" in text


def test_tip_figures_and_case_law(year_data: Any) -> None:
    people, this = year_data
    made = report.build(people.coordinator, this)
    figures = {f.label: f.value for f in made.tip}
    assert figures["Victims identified"] == 11
    assert figures["Victims assisted"] == 11
    assert figures["Persons convicted"] is None  # one defendant: under 10
    assert made.case_law[0].verdicts == ["Convicted"]


@pytest.mark.parametrize("language", ["en", "he"])
def test_html_and_xlsx(year_data: Any, language: str) -> None:
    from openpyxl import load_workbook

    people, this = year_data
    made = report.build(people.coordinator, this, language=language)
    html = report.render(made, "html").decode()
    assert "<svg" in html and "http" not in html.split("<body>")[0].replace(
        "http://www.w3.org", "")
    assert ('dir="rtl"' in html) == (language == "he")
    if language == "he":
        assert "נפגעי סחר שאותרו לפי קבוצת גיל ומין" in html
    else:
        assert "Workers recruited abroad" in html
    book = load_workbook(io.BytesIO(report.render(made, "xlsx")))
    assert "victims_sex_age" in book.sheetnames
    assert book["TIP"].sheet_view.rightToLeft == (language == "he")
    sheet = book["victims_sex_age"]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert 23 in values


def test_bad_year_and_format_name_the_field(year_data: Any) -> None:
    people, _this = year_data
    with pytest.raises(ServiceError) as error:
        report.build(people.coordinator, "26")
    assert error.value.field == "year"
    made = report.build(people.coordinator, 2020)
    with pytest.raises(ServiceError) as error:
        report.render(made, "docx")
    assert error.value.field == "format"


def test_command_writes_the_report(year_data: Any, tmp_path: Any) -> None:
    people, this = year_data
    out = tmp_path / "report.pdf"
    call_command("insights", "report", "--year", str(this), "--format", "pdf",
                 "--language", "he", "--out", str(out), "--user", people.coordinator.email)
    assert out.read_bytes().startswith(b"%PDF")


def test_report_page_and_download(year_data: Any, client: Any) -> None:
    people, this = year_data
    sign_in(client, people.coordinator)
    page = client.get(f"/insights/report/?year={this}&language=he").content.decode()
    assert 'data-testid="report-title"' in page and 'dir="rtl"' in page
    download = client.get(f"/insights/report/download/?year={this}&language=en&format=xlsx")
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith(f'{this}-en.xlsx"')
    assert client.get("/insights/report/?year=abcd").status_code == 400


def test_help_lists_report() -> None:
    help_text = subprocess.run([".venv/bin/palermo", "insights", "--help"], capture_output=True,
                               text=True, check=False).stdout
    assert "report" in help_text
