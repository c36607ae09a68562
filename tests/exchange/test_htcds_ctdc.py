"""The CTDC layout (the Counter Trafficking Data Collaborative's open data set) into cases,
with a report of how every column was read; HTCDS 2.0 files have their own reader."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from palermo.access.services.errors import ServiceError
from palermo.cases.models import Case, CasePerson
from palermo.exchange.services import ctdc, htcds_import
from tests.conftest import sign_in
from tests.exchange.factories import exchange

pytestmark = pytest.mark.django_db

HEADER = ("caseId,yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,"
          "isForcedLabour,isSexualExploit,meansOfControlDebtBondage,"
          "meansOfControlWithholdsDocuments,typeOfLabourAgriculture,"
          "recruiterRelationFamily,Datasource\n")
GOOD = HEADER + ("C1,2024,Female,18--20,UA,IL,0,1,1,0,0,1,Case Management\n"
                 "C1,2024,Female,9--17,MD,IL,0,1,0,1,0,0,Case Management\n"
                 "C2,2023,Male,30--38,TH,IL,1,0,1,1,1,0,Hotline\n")


def test_rows_become_victims_in_cases_grouped_by_case_id() -> None:
    world = exchange()
    report = ctdc.import_csv(GOOD.encode(), actor=world.receiver)
    assert report.imported and report.victims == 3 and len(report.cases) == 2
    assert report.ignored == ["Datasource"]
    assert report.mapped["isSexualExploit"] == "exploitation_types = SexualExploitation"
    first = Case.objects.get(reference=report.cases[0])
    assert first.opened_on.year == 2024 and first.tags == ["ctdc"]
    victims = list(CasePerson.objects.filter(case=first).select_related("person")
                   .order_by("ordinal"))
    assert [v.person.nationalities for v in victims] == [["UKR"], ["MDA"]]
    assert victims[0].methods_of_control == ["DebtBondage"]
    assert victims[0].relationship_to_trafficker == "family_member"
    assert (victims[1].person.estimated_age, victims[1].person.sex) == (13, "F")
    farm = CasePerson.objects.get(case__reference=report.cases[1])
    assert farm.industry == "agriculture"
    assert farm.exploitation_types == ["ForcedLabour"]


def test_bad_values_are_reported_by_line_and_column_and_nothing_is_written() -> None:
    world = exchange()
    before = Case.objects.count()
    bad = HEADER + ("C1,2024,Female,18--20,UKR,IL,0,1,1,0,0,1,x\n"
                    "C2,1850,Robot,30--38,TH,IL,yes,2,1,1,1,0,x\n")
    report = ctdc.import_csv(bad.encode(), actor=world.receiver)
    assert not report.imported and Case.objects.count() == before
    assert report.errors == [
        "line 2, column citizenship: “UKR” is not an ISO alpha-2 country code",
        "line 3, column yearOfRegistration: “1850” is not a year",
        "line 3, column gender: unknown value “Robot”",
        "line 3, column isSexualExploit: “2” is not 1 or 0",
    ]


def test_a_quote_left_open_refuses_the_file_at_its_line() -> None:
    world = exchange()
    before = Case.objects.count()
    rows = "".join(f"C{i},2024,Female,18--20,UA,IL,0,1,1,0,0,1,x\n" for i in range(1000))
    broken = HEADER + 'C0,2024,Female,18--20,UA,IL,0,1,1,0,0,1,"Hotline\n' + rows
    with pytest.raises(ServiceError) as caught:
        ctdc.import_csv(broken.encode(), actor=world.receiver)
    assert caught.value.field == "file"
    assert "line 2: a quote opened on this line is not closed" in caught.value.message
    assert Case.objects.count() == before


def test_page_shows_the_mapping(user_with: object) -> None:
    world = exchange()
    client = sign_in(Client(), world.receiver)
    page = client.post("/exchange/ctdc/", {"file": SimpleUploadedFile(
        "ctdc.csv", GOOD.encode(), "text/csv")}).content.decode()
    assert "Imported 3 victims into 2 cases." in page
    assert "ignored: not a CTDC column" in page
    page = client.post("/exchange/ctdc/", {"file": SimpleUploadedFile(
        "other.csv", b"name,age\nx,1\n", "text/csv")}).content.decode()
    assert "No column of this file is a CTDC column" in page


def test_a_ctdc_file_given_as_htcds_is_sent_to_the_ctdc_import() -> None:
    world = exchange()
    with pytest.raises(ServiceError) as caught:
        htcds_import.import_csv(GOOD.encode(), actor=world.receiver)
    assert caught.value.message.startswith("This file has the columns of the CTDC data set")
