"""Open data: the CTDC-style file of identified victims, k-anonymous as read back from the
CSV itself, generalised before anything is suppressed, audited with its report."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.utils import timezone

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.cases.services import persons
from palermo.insights.engine.kanon import smallest_class
from palermo.insights.services.open_data import open_data_export
from tests.access.factories import AgencyFactory, UserFactory
from tests.cases.factories import add_person, open_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
COLUMNS = ["gender", "age_broad", "citizenship", "country_of_exploitation",
           "type_of_exploitation", "year_of_registration"]


@pytest.fixture
def people() -> dict[str, Any]:
    return {
        "coordinator": UserFactory(roles=["coordinator"], agency=AgencyFactory(
            name="Coordinator's Office", kind="coordinator", country="ISR")),
        "police": UserFactory(roles=["investigator"], agency=AgencyFactory(
            name="Police", kind="police", country="ISR")),
    }


def identified(police: Any, count: int, *, nationality: str, sex: str = "F",
               born: str = "1990-03-01", forms: tuple[str, ...] = ("ForcedLabour",),
               status: str = "identified_victim") -> None:
    case = open_case(police, title=f"Case of {nationality} {sex} {count}")
    for i in range(count):
        victim = add_person(case, police, f"Victim {nationality} {sex} {i}", born=born,
                            sex=sex, nationalities=[nationality])
        victim = persons.update_victim_context(victim, actor=police, version=victim.version,
                                               exploitation_types=list(forms),
                                               methods_of_control=["WithholdsDocuments"])
        persons.decide_status(victim, status, actor=police)


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_the_file_is_k_anonymous_and_citizenship_is_generalised_first(people: dict) -> None:
    identified(people["police"], 8, nationality="UKR")
    identified(people["police"], 8, nationality="MDA")
    identified(people["police"], 4, nationality="THA", status="possible_victim")
    data, report = open_data_export(people["coordinator"], k=11)
    rows = rows_of(data)
    assert len(rows) == 16  # presumed victims are not in it
    assert smallest_class(rows, COLUMNS) >= 11
    assert {r["citizenship"] for r in rows} == {"europe"}
    assert {r["age_broad"] for r in rows} == {"30-38"}
    assert {r["gender"] for r in rows} == {"F"}
    assert {r["type_of_exploitation"] for r in rows} == {"ForcedLabour"}
    assert {r["year_of_registration"] for r in rows} == {str(timezone.now().year)}
    assert {r["means_of_control_WithholdsDocuments"] for r in rows} == {"1"}
    assert {r["means_of_control_DebtBondage"] for r in rows} == {"0"}
    assert report.records_suppressed == 0
    levels = {q["name"]: q["level_name"] for q in report.quasi_identifiers()}
    assert levels["citizenship"] == "UN M49 region" and levels["age"] == "age band"
    event = AuditEvent.objects.get(action="insights.open_data_export")
    assert event.actor == people["coordinator"]
    assert event.detail["records_out"] == 16 and event.detail["k"] == 11


def test_too_few_victims_leaves_an_empty_file_after_full_generalisation(people: dict) -> None:
    identified(people["police"], 5, nationality="NGA", sex="M", born="2012-01-01",
               forms=("SexualExploitation",))
    data, report = open_data_export(people["coordinator"], k=11)
    assert rows_of(data) == []
    assert data.decode().startswith(",".join(COLUMNS))
    assert report.records_suppressed == 5
    assert all(q["level"] == q["levels"] for q in report.quasi_identifiers())


def test_a_smaller_k_keeps_more_detail(people: dict) -> None:
    identified(people["police"], 6, nationality="UKR")
    identified(people["police"], 6, nationality="MDA")
    rows = rows_of(open_data_export(people["coordinator"], k=5)[0])
    assert smallest_class(rows, COLUMNS) >= 5
    assert {r["citizenship"] for r in rows} == {"UKR", "MDA"}


def test_bad_input_and_roles_are_refused(people: dict) -> None:
    with pytest.raises(ServiceError) as caught:
        open_data_export(people["coordinator"], k=1)
    assert caught.value.field == "k"
    with pytest.raises(ServiceError) as caught:
        open_data_export(people["coordinator"], year_from=2026, year_to=2020)
    assert caught.value.field == "year_from"
    with pytest.raises(NotAllowed):
        open_data_export(people["police"])
    assert not AuditEvent.objects.filter(action="insights.open_data_export").exists()


def test_the_page_shows_the_report_and_downloads_the_csv(client: Any, people: dict) -> None:
    identified(people["police"], 11, nationality="UKR")
    sign_in(client, people["coordinator"])
    assert 'data-testid="open-data-form"' in client.get("/insights/open-data/").content.decode()
    page = client.post("/insights/open-data/download/", {"k": "11", "action": "report"})
    html = page.content.decode()
    assert 'data-testid="records-out">11<' in html and "UN M49 region" not in html
    download = client.post("/insights/open-data/download/", {"k": "11", "action": "download"})
    assert download["Content-Type"].startswith("text/csv")
    assert "attachment" in download["Content-Disposition"]
    assert smallest_class(rows_of(download.content), COLUMNS) >= 11
    assert client.post("/insights/open-data/download/", {"k": "1"}).status_code == 400


def test_the_api_gives_the_csv_or_the_report(client: Any, people: dict) -> None:
    identified(people["police"], 11, nationality="UKR")
    sign_in(client, people["coordinator"])
    response = client.get("/api/v1/insights/open-data?k=11")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert len(rows_of(response.content)) == 11
    report = client.get("/api/v1/insights/open-data?k=11&report=true").json()
    assert report["records_out"] == 11 and report["smallest_class"] == 11


def test_a_role_without_export_cannot_open_the_page(client: Any, people: dict) -> None:
    sign_in(client, people["police"])
    assert client.get("/insights/open-data/").status_code == 403
    assert client.get("/api/v1/insights/open-data").status_code == 403
