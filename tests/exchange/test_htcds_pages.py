"""The HTCDS page, the API routes and the command give the same mapping report; the export
page shows what will leave before the file does."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from palermo.cases.models import Case, CasePerson
from tests.access.factories import AgencyFactory, UserFactory, api_token
from tests.conftest import sign_in
from tests.exchange.test_htcds_export import rich_case

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "htcds"
TOOLKIT = (FIXTURES / "toolkit_labels.csv").read_bytes()
BAD = b"prs_FirstName,prs_Gender\nAnna,Robot\n"


def coordinator() -> Any:
    return UserFactory(roles=["coordinator"],
                       agency=AgencyFactory(name="Cyprus Police", country="CYP"))


def upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("htcds.csv", content, "text/csv")


def test_the_page_imports_a_toolkit_file_and_shows_the_mapping() -> None:
    client = sign_in(Client(), coordinator())
    page = client.post("/exchange/htcds/", {"file": upload(TOOLKIT)}).content.decode()
    assert "Imported 2 persons:" in page
    assert "Two header rows: field names, then labels." in page
    assert "the header rows disagree: the name says prs_MailingCity" in page
    assert "not kept: Palermo keeps no postal address of a person" in page
    assert "Threatens children/family → Threats" in page
    assert Case.objects.filter(tags=["htcds"]).count() == 2


def test_the_page_names_every_bad_value_and_imports_nothing() -> None:
    client = sign_in(Client(), coordinator())
    page = client.post("/exchange/htcds/", {"file": upload(BAD)}).content.decode()
    assert "Nothing was imported." in page
    assert "Row 2, column B (Gender): “Robot” is not one of this field&#x27;s values." in page
    assert not CasePerson.objects.exists()
    page = client.post("/exchange/htcds/", {"file": upload(b"name,age\nx,1\n")}).content
    assert "No column of this file is an HTCDS 2.0 field" in page.decode()


def test_the_page_lists_every_field_of_the_standard() -> None:
    client = sign_in(Client(), coordinator())
    page = client.get("/exchange/htcds/").content.decode()
    for name in ("prs_FirstName", "vic_MethodsOfControl", "spl_Type", "plm_CaseReference"):
        assert f"<code>{name}</code>" in page
    assert "licensed under CC BY 4.0" in page


def test_the_pages_need_their_permissions() -> None:
    client = sign_in(Client(), UserFactory(roles=["investigator"]))  # sends, does not receive
    assert client.get("/exchange/htcds/").status_code == 403
    assert client.get("/exchange/htcds/export/").status_code == 200
    client = sign_in(Client(), UserFactory(roles=["border_officer"]))
    assert client.get("/exchange/htcds/export/").status_code == 403


def test_the_export_page_shows_what_leaves_then_gives_the_file() -> None:
    user = coordinator()
    case = rich_case(user)
    client = sign_in(Client(), user)
    form = {"case": case.reference, "query": "", "status": "", "exploitation": ""}
    page = client.post("/exchange/htcds/export/", {**form, "step": "preview"}).content.decode()
    assert f"4 persons from {case.reference}." in page
    assert f"{case.reference}: Victim 1" in page  # identities not chosen
    assert "Restricts movement written as Other" in page
    response = client.post("/exchange/htcds/export/", {**form, "step": "download"})
    assert response["Content-Disposition"] == \
        f'attachment; filename="htcds-{case.reference}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][11] == "prs_FirstName" and rows[1][11] == "First Name" and len(rows) == 6


def test_the_api_imports_with_the_same_report_and_exports() -> None:
    user = coordinator()
    _token, raw = api_token(user)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    answer = client.post("/api/v1/exchange/htcds/import?dry_run=true", TOOLKIT,
                         content_type="text/csv")
    assert answer.status_code == 200
    body = answer.json()
    assert (body["standard"], body["version"], body["dry_run"], body["persons"]) == (
        "HTCDS", "2.0", True, 2)
    assert {"letter": "N", "field": "prs_MailingStreet"}.items() <= body["columns"][13].items()
    assert len(body["fields"]) == 84 and not CasePerson.objects.exists()
    bad = client.post("/api/v1/exchange/htcds/import", BAD, content_type="text/csv")
    assert bad.status_code == 422
    assert bad.json()["problems"] == [{"row": 2, "column": "B", "field": "Gender",
                                       "message": "“Robot” is not one of this field's values."}]
    case = rich_case(user)
    made = client.post("/api/v1/exchange/htcds/export",
                       {"case": case.reference, "identities": True},
                       content_type="application/json").json()
    assert made["filename"] == f"htcds-{case.reference}.csv"
    assert made["report"]["withheld"] == [] and "Olga" in made["content"]
    fields = client.get("/api/v1/exchange/htcds/fields").json()
    assert [f["name"] for f in fields["fields"]][:2] == ["org_Name", "org_ShippingCity"]


def test_the_command_imports_and_exports(tmp_path: Path) -> None:
    user = coordinator()
    source = tmp_path / "toolkit.csv"
    source.write_bytes(TOOLKIT)
    out = io.StringIO()
    call_command("exchange", "htcds", "import", str(source), "--user", user.email, stdout=out)
    text = out.getvalue()
    assert "  N prs_MailingCity / Mailing Street: not kept: Palermo keeps no postal address" \
        in text
    assert "      Threatens children/family → Threats" in text
    assert Case.objects.filter(tags=["htcds"]).count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD)
    with pytest.raises(CommandError, match=r"nothing imported: 1 problems, the first: Row 2, "
                                           r"column B \(Gender\)"):
        call_command("exchange", "htcds", "import", str(bad), "--user", user.email,
                     "--json", stdout=io.StringIO())
    target = tmp_path / "out.csv"
    reference = Case.objects.filter(tags=["htcds"]).order_by("pk").first().reference
    out = io.StringIO()
    call_command("exchange", "htcds", "export", "--user", user.email, "--case", reference,
                 "--out", str(target), stdout=out)
    assert json.loads(out.getvalue())["cases"] == [reference]
    assert target.read_bytes().startswith(b"\xef\xbb\xbforg_Name,")
