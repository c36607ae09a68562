"""Issue 17's done-when for GLOTIP: the file as UNODC publishes it (two preamble rows, the
columns `Unit of measurement` and `txtVALUE`, `<5`) imports in full, its release date kept,
and a figure from any of its rows is found in the comparison, censored values shown as "<5".

`tests/insights/data/data_glotip.csv` is laid out as the published file; its values are
invented, and one total (Portugal's persons convicted in 2021) contradicts its parts on
purpose.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.insights.engine.glotip import GlotipError
from palermo.insights.models import GlobalFigure, GlobalRelease
from palermo.insights.services import global_figures
from tests.access.factories import UserFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
PUBLISHED = Path(__file__).resolve().parent / "data/data_glotip.csv"


@pytest.fixture
def coordinator() -> Any:
    return UserFactory(roles=["coordinator"])


def published_rows() -> list[dict[str, str]]:
    """The data rows as the csv module reads them, apart from the importer."""
    lines = PUBLISHED.read_text(encoding="utf-8").splitlines()[2:]
    return list(csv.DictReader(lines))


def test_the_published_file_imports_in_full_with_its_release_date(coordinator: Any) -> None:
    release = global_figures.import_glotip(coordinator, PUBLISHED.read_bytes(),
                                           file_name="data_glotip.csv")
    assert release.figure_count == len(published_rows()) == GlobalFigure.objects.count()
    assert release.release_date == dt.date(2023, 1, 24)  # from the preamble, not today
    assert release.publisher == "UNODC Research - Data Portal"
    censored = GlobalFigure.objects.filter(below=5)
    assert censored.count() == sum(row["txtVALUE"] == "<5" for row in published_rows())
    assert not censored.exclude(value=None).exists()
    event = AuditEvent.objects.get(action="insights.global_import")
    assert event.detail["release_date"] == "2023-01-24"
    assert event.detail["figures"] == release.figure_count


def _place_for(row: dict[str, str]) -> str:
    """A country whose comparison shows the row: its own, or one in its (sub)region."""
    if row["Iso3_code"]:
        return row["Iso3_code"]
    for other in published_rows():
        if other["Iso3_code"] and (
                (row["Subregion"] and other["Subregion"] == row["Subregion"])
                or (not row["Subregion"] and row["Region"] and other["Region"] == row["Region"])
                or not (row["Region"] or row["Subregion"])):
            return other["Iso3_code"]
    raise AssertionError(f"no country beside {row}")


def test_a_figure_from_any_row_is_found_in_the_comparison(coordinator: Any) -> None:
    global_figures.import_glotip(coordinator, PUBLISHED.read_bytes(),
                                 file_name="data_glotip.csv")
    for number, row in enumerate(published_rows(), start=4):
        found = global_figures.global_comparison(row["Indicator"], _place_for(row),
                                                 int(row["Year"]))
        shown = [(f["dimension"], f["category"], f["sex"], f["age"], f["unit"], f["display"],
                  f["row"]) for level in found["levels"].values() for f in level]
        published = row["txtVALUE"].replace(",", "")
        assert (row["Dimension"], row["Category"], row["Sex"], row["Age"],
                row["Unit of measurement"], published, number) in shown, (number, row)


def test_censored_values_show_as_censored_never_as_a_number(coordinator: Any) -> None:
    global_figures.import_glotip(coordinator, PUBLISHED.read_bytes(),
                                 file_name="data_glotip.csv")
    found = global_figures.global_comparison("Detected trafficking victims", "BEL", 2022)
    other = next(f for f in found["levels"]["country"] if f["sex"] == "Other")
    assert (other["display"], other["censored"], other["value"], other["below"]) == (
        "<5", True, None, 5)


def test_a_total_that_contradicts_its_parts_is_flagged_in_the_comparison(
        coordinator: Any) -> None:
    global_figures.import_glotip(coordinator, PUBLISHED.read_bytes(),
                                 file_name="data_glotip.csv")
    found = global_figures.global_comparison("Persons convicted", "PRT", 2021)
    flagged = {(f["sex"], f["display"]): f["contradiction"] for f in found["levels"]["country"]}
    assert flagged == {
        ("Total", "9"): "its figures by sex add up to at least 11, more than this total",
        ("Female", "4"): "", ("Male", "7"): ""}
    for indicator, country, year in (("Detected trafficking victims", "BEL", 2022),
                                     ("Persons convicted", "BEL", 2022)):
        levels = global_figures.global_comparison(indicator, country, year)["levels"]
        assert not [f for level in levels.values() for f in level if f["contradiction"]]


def test_a_release_date_that_differs_from_the_files_is_refused(coordinator: Any) -> None:
    with pytest.raises(ServiceError) as caught:
        global_figures.import_glotip(coordinator, PUBLISHED.read_bytes(),
                                     file_name="data_glotip.csv", release_date="2023-02-01")
    assert caught.value.field == "release_date"
    assert "gives its release date as 24/01/2023, not 01/02/2023" in caught.value.message
    assert not GlobalRelease.objects.exists() and not GlobalFigure.objects.exists()


def test_a_wrong_row_in_the_published_file_imports_nothing(coordinator: Any) -> None:
    lines = PUBLISHED.read_bytes().split(b"\r\n")
    lines[9] = lines[9].replace(b",Male,", b",Males,")
    with pytest.raises(GlotipError) as caught:
        global_figures.import_glotip(coordinator, b"\r\n".join(lines), file_name="bad.csv")
    assert (caught.value.row, caught.value.column) == (10, "Sex")
    assert not GlobalRelease.objects.exists() and not GlobalFigure.objects.exists()
    assert not AuditEvent.objects.filter(action="insights.global_import").exists()


def test_the_page_imports_the_published_file_and_shows_what_it_says(client: Any,
                                                                     coordinator: Any) -> None:
    sign_in(client, coordinator)
    upload = SimpleUploadedFile("data_glotip.csv", PUBLISHED.read_bytes(), "text/csv")
    assert client.post("/insights/global/import/", {"file": upload}).status_code == 302
    page = client.get("/insights/global/", {"indicator": "Persons convicted", "country": "PRT",
                                            "year": "2021"}).content.decode()
    assert "UNODC Research - Data Portal" in page and "data_glotip.csv" in page
    assert 'data-testid="contradiction"' in page
    assert "at least 11, more than this total" in page
    belgium = client.get("/insights/global/", {"indicator": "Detected trafficking victims",
                                               "country": "BEL", "year": "2022"})
    assert "&lt;5" in belgium.content.decode()
    assert 'title="a count from 1 to 4, not published exactly"' in belgium.content.decode()


def test_the_page_names_the_release_date_field_when_it_disagrees(client: Any,
                                                                 coordinator: Any) -> None:
    sign_in(client, coordinator)
    upload = SimpleUploadedFile("data_glotip.csv", PUBLISHED.read_bytes(), "text/csv")
    refused = client.post("/insights/global/import/", {"file": upload,
                                                       "release_date": "2022-12-31"})
    assert refused.status_code == 400
    assert "gives its release date as 24/01/2023" in refused.content.decode()
    assert not GlobalRelease.objects.exists()


def test_the_command_imports_the_published_file(coordinator: Any, tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("insights", "glotip", str(PUBLISHED), "--user", coordinator.email, stdout=out)
    assert "imported 55 figures from data_glotip.csv, released 24/01/2023" in out.getvalue()
    twice = tmp_path / "twice.csv"
    twice.write_bytes(PUBLISHED.read_bytes() + PUBLISHED.read_bytes().split(b"\r\n", 3)[3])
    out = io.StringIO()
    call_command("insights", "glotip", str(twice), "--user", coordinator.email, stdout=out)
    assert "(55 rows repeating another exactly were read once)" in out.getvalue()
