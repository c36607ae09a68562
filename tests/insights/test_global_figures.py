"""Global figures: importing the GLOTIP file all or nothing with an audit entry, refusing a
bad file with its rows and columns named, and a country beside its region and the world."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from palermo.access.services.errors import NotAllowed
from palermo.audit.models import AuditEvent
from palermo.insights.engine.glotip import GlotipError
from palermo.insights.models import GlobalFigure, GlobalRelease
from palermo.insights.services import global_figures
from tests.access.factories import UserFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[2] / "palermo/insights/data/glotip_synthetic.csv"
VICTIMS = "Detected trafficking victims"


@pytest.fixture
def coordinator() -> Any:
    return UserFactory(roles=["coordinator"])


def test_import_writes_the_release_and_its_figures_with_an_audit_entry(coordinator: Any) -> None:
    release = global_figures.import_glotip(coordinator, SAMPLE.read_bytes(),
                                           file_name=SAMPLE.name, release_date="2024-12-11")
    assert release.figure_count == 288 == GlobalFigure.objects.count()
    assert release.release_date == dt.date(2024, 12, 11)
    censored = GlobalFigure.objects.filter(below=5)
    assert censored.exists() and not censored.exclude(value=None).exists()
    assert censored.first().display_value == "<5"
    event = AuditEvent.objects.get(action="insights.global_import")
    assert event.detail["figures"] == 288 and event.detail["file"] == SAMPLE.name


def test_a_bad_file_writes_nothing(coordinator: Any) -> None:
    data = SAMPLE.read_bytes().replace(b"Israel,", "Isra\xebl,".encode("latin-1"), 1)
    with pytest.raises(GlotipError) as caught:
        global_figures.import_glotip(coordinator, data, file_name="bad.csv")
    assert (caught.value.row, caught.value.column) == (4, "Country")  # below the preamble
    assert not GlobalRelease.objects.exists() and not GlobalFigure.objects.exists()
    assert not AuditEvent.objects.filter(action="insights.global_import").exists()


def test_only_the_import_role_may_import() -> None:
    with pytest.raises(NotAllowed):
        global_figures.import_glotip(UserFactory(roles=["investigator"]), SAMPLE.read_bytes(),
                                     file_name="x.csv")


def test_a_country_beside_its_subregion_region_and_the_world(coordinator: Any) -> None:
    global_figures.import_glotip(coordinator, SAMPLE.read_bytes(), file_name=SAMPLE.name,
                                 release_date="2024-12-11")
    found = global_figures.global_comparison(VICTIMS, "isr", 2022)
    assert (found["country"], found["subregion"], found["region"]) == (
        "Israel", "Middle East", "North Africa and the Middle East")
    assert found["release"]["release_date"] == dt.date(2024, 12, 11)
    levels = found["levels"]
    assert {len(levels[k]) for k in ("country", "subregion", "region", "global")} == {12}
    assert {f["name"] for f in levels["global"]} == {"World"}
    shown = [f for f in levels["country"] if f["censored"]]
    assert shown and all(f["value"] is None and f["display"] == "<5" for f in shown)
    exact = next(f for f in levels["global"] if not f["censored"])
    assert isinstance(exact["value"], Decimal)
    latest = global_figures.global_comparison(VICTIMS, "ISR")
    assert latest["year"] == 2023
    assert global_figures.global_comparison("No such", "ISR", 2022)["levels"]["country"] == []


def test_the_page_imports_shows_the_comparison_and_reports_errors(client: Any,
                                                                  coordinator: Any) -> None:
    sign_in(client, coordinator)
    bad = SimpleUploadedFile("bad.csv", b"Iso3_code,Land\nISR,Israel\n", "text/csv")
    refused = client.post("/insights/global/import/", {"file": bad})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert 'data-testid="import-problems"' in html and "Land" in html
    good = SimpleUploadedFile(SAMPLE.name, SAMPLE.read_bytes(), "text/csv")
    made = client.post("/insights/global/import/", {"file": good, "release_date": "2024-12-11"})
    assert made.status_code == 302
    page = client.get("/insights/global/", {"indicator": VICTIMS, "country": "ISR",
                                            "year": "2022"}).content.decode()
    assert 'data-testid="global-country"' in page and 'data-testid="global-region"' in page
    assert "&lt;5" in page and SAMPLE.name in page
    api = client.get("/api/v1/insights/global/comparison",
                     {"indicator": VICTIMS, "country": "ISR", "year": 2022}).json()
    assert api["country"] == "Israel" and len(api["levels"]["global"]) == 12


def test_a_role_without_import_global_cannot_upload(client: Any) -> None:
    sign_in(client, UserFactory(roles=["investigator"]))
    assert client.post("/insights/global/import/", {}).status_code == 403


def test_the_command_imports_and_refuses_a_bad_file(coordinator: Any, tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("insights", "glotip", str(SAMPLE), "--user", coordinator.email,
                 "--release-date", "2024-12-11", stdout=out)
    assert "imported 288 figures from glotip_synthetic.csv" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"Iso3_code,Country,Colour\n")
    with pytest.raises(CommandError) as caught:
        call_command("insights", "glotip", str(bad), "--user", coordinator.email)
    assert "row 1, column C: unknown column “Colour”" in str(caught.value)
    assert "nothing was written" in str(caught.value)
    assert GlobalRelease.objects.count() == 1


def test_the_open_data_command_writes_the_file(coordinator: Any, tmp_path: Path) -> None:
    target = tmp_path / "open.csv"
    out = io.StringIO()
    call_command("insights", "open-data", "--k", "11", "--out", str(target), "--user",
                 coordinator.email, stdout=out)
    assert target.read_text().startswith("gender,age_broad,citizenship")
    assert "0 records written" in out.getvalue()


def test_the_page_in_hebrew_runs_right_to_left_with_translated_errors(client: Any,
                                                                      coordinator: Any) -> None:
    sign_in(client, coordinator)
    client.cookies["django_language"] = "he"
    bad = SimpleUploadedFile("bad.csv", b"Iso3_code,Land\nISR,Israel\n", "text/csv")
    html = client.post("/insights/global/import/", {"file": bad},
                       HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert 'dir="rtl"' in html
    assert "נתונים עולמיים" in html
    assert "עמודה לא מוכרת „Land”" in html


def test_a_file_the_reader_cannot_split_is_explained_in_hebrew(client: Any,
                                                                coordinator: Any) -> None:
    sign_in(client, coordinator)
    client.cookies["django_language"] = "he"
    lines = SAMPLE.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b",", b',"', 1)  # a quote opened, then closed mid-value
    bad = SimpleUploadedFile("bad.csv", b"\n".join(lines), "text/csv")
    refused = client.post("/insights/global/import/", {"file": bad}, HTTP_ACCEPT_LANGUAGE="he")
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "<td>6</td>" in html  # the row where the quote opened
    assert "לערך שבמירכאות יש טקסט אחרי המירכאות הסוגרות" in html
    assert "quote" not in html
    assert not GlobalRelease.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "investigator", "auditor", "administrator",
                                  "ngo_case_worker"])
def test_each_role_gets_these_pages_exactly_when_its_permission_allows(client: Any,
                                                                       role: str) -> None:
    user = UserFactory(roles=[role])
    sign_in(client, user)
    for url, permission in (("/insights/global/", "insights.view"),
                            ("/insights/global/import/", "insights.import_global"),
                            ("/insights/open-data/", "insights.export"),
                            ("/insights/open-data/download/", "insights.export")):
        status = client.get(url).status_code
        if user.has_perm(permission):
            assert status in (200, 405), (role, url, status)
        else:
            assert status == 403, (role, url, status)


def test_the_demo_sample_is_imported_once_and_marked_synthetic(coordinator: Any) -> None:
    first = global_figures.seed_sample(coordinator)
    assert first is not None and first.source.startswith("SYNTHETIC")
    assert global_figures.seed_sample(coordinator) is None
    assert GlobalRelease.objects.count() == 1
