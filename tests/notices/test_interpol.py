"""INTERPOL's public-notice JSON: imported notices go on the watch list with their source;
malformed records are reported by position and skipped only when asked; export gives the
same shape back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.notices.models import Notice
from palermo.notices.services import interpol
from palermo.screening import services as screening
from palermo.screening.models import WatchedPerson
from tests.access.factories import api_token
from tests.conftest import sign_in
from tests.notices.factories import published

pytestmark = pytest.mark.django_db

RED = {
    "entity_id": "2021/75051", "forename": "VIKTOR", "name": "MOROZOV",
    "date_of_birth": "1979/01/17", "nationalities": ["RU", "UA"], "sex_id": "M",
    "country_of_birth_id": "RU", "place_of_birth": "Rostov-on-Don",
    "distinguishing_marks": "Scar on the left hand", "height": 1.82, "weight": 90,
    "eyes_colors_id": ["BRO"], "hairs_id": ["BLA"], "languages_spoken_ids": ["RUS", "ENG"],
    "arrest_warrants": [{"issuing_country_id": "DE", "charge": "Trafficking in human beings",
                         "charge_translation": None}],
    "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2021-75051"}},
}
YELLOW = {
    "entity_id": "2023/11223", "forename": "NADIA", "name": "HASSAN",
    "date_of_birth": "2009", "nationalities": ["EG"], "sex_id": "F",
    "date_of_event": "2023/05/02", "place": "Alexandria", "mother_name": "HASSAN",
    "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/yellow/2023-11223"}},
}


def _listing(*notices: Any) -> bytes:
    return json.dumps({"total": len(notices), "query": {"page": 1, "resultPerPage": 20},
                       "_embedded": {"notices": list(notices)},
                       "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red"}}
                       }).encode()


def test_import_puts_notices_on_the_watch_list_with_their_source(
        people: dict[str, Any]) -> None:
    report = interpol.import_notices(_listing(RED, YELLOW), actor=people["reviewer"])
    assert (report.imported, report.created, report.errors) == (True, 2, [])
    red = Notice.objects.get(external_id="2021/75051")
    assert (red.colour, red.state, red.source) == ("red", "published", "interpol")
    assert red.nationalities == ["RUS", "UKR"] and red.issuing_country == "DEU"
    assert (red.height_cm, red.country_of_birth) == (182, "RUS")
    person = WatchedPerson.objects.get(pk=red.watched_person_id)
    assert person.source == "INTERPOL 2021/75051" and person.reason == "wanted"
    yellow = Notice.objects.get(external_id="2023/11223")
    assert yellow.birth_date is None and yellow.particulars["date_of_birth"] == "2009"
    assert yellow.particulars["place"] == "Alexandria"
    hit = screening.check(people["border"], screening.Query(
        name="Viktor Morozov", birth_date="1979-01-17")).hits[0]
    assert hit.notice["issuing_agency"] == "INTERPOL 2021/75051 (DEU)"
    # A second import of the same notice updates it instead of adding a copy.
    changed = {**RED, "distinguishing_marks": "Tattoo of an anchor"}
    again = interpol.import_notices(_listing(changed), actor=people["reviewer"])
    assert (again.created, again.updated) == (0, 1)
    assert Notice.objects.filter(external_id="2021/75051").count() == 1
    assert WatchedPerson.objects.count() == 2


def test_malformed_records_are_reported_by_position_and_nothing_half_imported(
        people: dict[str, Any]) -> None:
    bad_date = {**YELLOW, "entity_id": "2023/1", "date_of_birth": "17.01.1979"}
    bad_country = {**RED, "entity_id": "2021/2", "nationalities": ["XX"]}
    no_id = {**RED, "entity_id": None}
    report = interpol.import_notices(_listing(RED, bad_date, bad_country, no_id),
                                     actor=people["reviewer"])
    assert not report.imported and not Notice.objects.exists()
    assert [(p, r.split(":")[0]) for p, r in report.errors] == [
        (2, "date_of_birth"), (3, "nationalities"), (4, "entity_id")]
    report = interpol.import_notices(_listing(RED, bad_date), actor=people["reviewer"],
                                     skip_bad=True)
    assert (report.imported, report.created, report.skipped) == (True, 1, 1)


def test_unreadable_files_name_the_place(people: dict[str, Any]) -> None:
    from palermo.access.services.errors import ServiceError

    with pytest.raises(ServiceError, match="line 2, column 1"):
        interpol.import_notices(b'{"total": 1,\n}', actor=people["reviewer"])
    with pytest.raises(ServiceError, match="not UTF-8"):
        interpol.import_notices(b'{"name": "\xff"}', actor=people["reviewer"])
    report = interpol.import_notices(json.dumps({**RED, "_links": {}}).encode(),
                                     actor=people["reviewer"])
    assert "notice type" in report.errors[0][1]
    assert interpol.import_notices(json.dumps({**RED, "_links": {}}).encode(), colour="red",
                                   actor=people["reviewer"]).created == 1


def test_export_gives_interpol_shape(people: dict[str, Any], client: Client) -> None:
    notice = published(people["author"], people["reviewer"], family_name="Gold", sex="M")
    _t, token = api_token(people["reviewer"])
    data = client.get("/api/v1/notices/interpol?colour=green",
                      HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert data["total"] == 1 and data["query"]["colour"] == "green"
    (record,) = data["_embedded"]["notices"]
    assert (record["forename"], record["name"], record["date_of_birth"]) == (
        "Arkadi", "Gold", "1968/08/08")
    assert record["nationalities"] == ["IL"] and record["sex_id"] == "M"
    assert record["entity_id"] == f"ISR/{notice.created_at.year}/{notice.pk}"
    assert AuditEvent.objects.filter(action="notice.read", object_id=str(notice.pk)).exists()
    # What we export, a partner running Palermo imports.
    report = interpol.import_notices(json.dumps(data).encode(), colour="green",
                                     actor=people["reviewer"])
    assert (report.created, report.errors) == (1, [])
    copy = Notice.objects.get(source="interpol")
    assert (copy.subject_names, copy.nationalities) == (["Arkadi Gold"], ["ISR"])


def test_import_page_and_command(people: dict[str, Any], tmp_path: Path) -> None:
    client = sign_in(Client(), people["reviewer"])
    upload = tmp_path / "red.json"
    upload.write_bytes(_listing(RED, {**RED, "entity_id": "x"}))
    with upload.open("rb") as handle:
        page = client.post("/notices/import/", {"file": handle}).content.decode()
    assert "Nothing was imported" in page and "Record 2: entity_id" in page
    with pytest.raises(CommandError, match="1 malformed records"):
        call_command("notices", "import", str(upload), "--user", people["reviewer"].email)
    call_command("notices", "import", str(upload), "--user", people["reviewer"].email,
                 "--skip-bad")
    assert Notice.objects.filter(source="interpol").count() == 1
    out = tmp_path / "out.json"
    call_command("notices", "export", str(out), "--user", people["reviewer"].email)
    assert json.loads(out.read_text())["_embedded"]["notices"][0]["name"] == "MOROZOV"
