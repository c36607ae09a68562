"""INTERPOL's public-notice JSON: imported notices go on the watch list with their source;
malformed records are reported by position, notice and field, and nothing is half imported
unless asked; export gives the same shape back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.notices.models import Notice
from palermo.notices.services import interpol
from palermo.screening import services as screening
from palermo.screening.models import WatchedPerson
from tests.access.factories import api_token
from tests.conftest import sign_in
from tests.notices.factories import published

pytestmark = pytest.mark.django_db

WS = "https://ws-public.interpol.int/notices/v1"


def _red(entity: str = "2021/75051", **fields: Any) -> dict[str, Any]:
    return {
        "entity_id": entity, "forename": "VIKTOR", "name": "MOROZOV",
        "date_of_birth": "1979/01/17", "nationalities": ["RU", "UA"], "sex_id": "M",
        "country_of_birth_id": "RU", "place_of_birth": "Rostov-on-Don",
        "distinguishing_marks": "Scar on the left hand", "height": 1.82, "weight": 90,
        "eyes_colors_id": ["BRO"], "hairs_id": ["BLA"], "languages_spoken_ids": ["RUS", "ENG"],
        "arrest_warrants": [{"issuing_country_id": "DE",
                             "charge": "Trafficking in human beings",
                             "charge_translation": None}],
        "_links": {"self": {"href": f"{WS}/red/{entity.replace('/', '-')}"}}, **fields}


def _yellow(entity: str = "2023/11223", **fields: Any) -> dict[str, Any]:
    return {"entity_id": entity, "forename": "NADIA", "name": "HASSAN",
            "date_of_birth": "2009", "nationalities": ["EG"], "sex_id": "F",
            "date_of_event": "2023/05/02", "place": "Alexandria", "mother_name": "HASSAN",
            "country": "EG",
            "_links": {"self": {"href": f"{WS}/yellow/{entity.replace('/', '-')}"}}, **fields}


def _listing(*notices: Any) -> bytes:
    return json.dumps({"total": len(notices), "query": {"page": 1, "resultPerPage": 20},
                       "_embedded": {"notices": list(notices)},
                       "_links": {"self": {"href": f"{WS}/red?resultPerPage=20&page=1"}}
                       }).encode()


def test_import_puts_notices_on_the_watch_list_with_their_source(
        people: dict[str, Any]) -> None:
    report = interpol.import_notices(_listing(_red(), _yellow()), actor=people["reviewer"])
    assert (report.imported, report.created, report.errors) == (True, 2, [])
    red = Notice.objects.get(external_id="2021/75051")
    assert (red.colour, red.state, red.source) == ("red", "published", "interpol")
    assert red.nationalities == ["RUS", "UKR"] and red.issuing_country == "DEU"
    assert (red.height_cm, red.country_of_birth) == (182, "RUS")
    person = WatchedPerson.objects.get(pk=red.watched_person_id)
    assert person.source == "INTERPOL 2021/75051" and person.reason == "wanted"
    yellow = Notice.objects.get(external_id="2023/11223")
    assert yellow.birth_date is None and yellow.particulars["date_of_birth"] == "2009"
    assert (yellow.particulars["place"], yellow.particulars["country"]) == ("Alexandria", "EG")
    hit = screening.check(people["border"], screening.Query(
        name="Viktor Morozov", birth_date="1979-01-17")).hits[0]
    assert hit.notice["issuing_agency"] == "INTERPOL 2021/75051 (DEU)"
    # A second import of the same notice updates it instead of adding a copy.
    again = interpol.import_notices(_listing(_red(distinguishing_marks="Tattoo of an anchor")),
                                    actor=people["reviewer"])
    assert (again.created, again.updated) == (0, 1)
    assert Notice.objects.get(external_id="2021/75051").identifying_marks == \
        "Tattoo of an anchor"
    assert WatchedPerson.objects.count() == 2


def test_a_list_answer_leaves_the_rest_of_a_notice_as_it_was(people: dict[str, Any]) -> None:
    """INTERPOL's list gives a notice in part; importing it after the full notice keeps the
    warrants, the description and the rest."""
    interpol.import_notices(json.dumps(_red()).encode(), actor=people["reviewer"])
    part = {k: v for k, v in _red(forename="VIKTOR ILYICH").items()
            if k in ("entity_id", "forename", "name", "date_of_birth", "nationalities",
                     "_links")}
    interpol.import_notices(_listing(part), actor=people["reviewer"])
    notice = Notice.objects.get(external_id="2021/75051")
    assert notice.subject_names == ["VIKTOR ILYICH MOROZOV"]
    assert (notice.charges, notice.height_cm, notice.eye_colour) == (
        "Trafficking in human beings", 182, "brown")
    assert interpol.detail(notice) == _red(forename="VIKTOR ILYICH")


def test_malformed_records_are_reported_by_position_notice_and_field(
        people: dict[str, Any]) -> None:
    bad = [
        _yellow("2023/1", date_of_birth="17.01.1979"),
        _red("2021/2", nationalities=["XX"]),
        {**_red("2021/3"), "entity_id": None},
        _red("2021/4", eyes_colors_id=["PUR"]),
        _red("2021/5", languages_spoken_ids=["KLI"]),
        _red("2021/6", arrest_warrants=[{"issuing_country_id": "DE", "charge": "x"},
                                        {"issuing_country_id": "ZZ", "charge": "y"}]),
        _yellow("2023/7", country="Egypt"),
        {**_red("2021/8"), "_links": {"self": {"href": f"{WS}/red/2021-9"}}},
        {**_red("2021/10"), "_links": {"self": {"href": f"{WS}/un/entities/2021-10"}}},
        _red("2021/11", un_reference_date="29.12.2021"),
        _red("2021/12", height="tall"),
        "not a notice",
    ]
    report = interpol.import_notices(_listing(_red(), *bad), actor=people["reviewer"])
    assert not report.imported and not Notice.objects.exists()
    reasons = dict(report.errors)
    assert sorted(reasons) == list(range(2, 14))
    expected = {
        2: "notice 2023/1, birth date (date_of_birth): “17.01.1979” is not a date written "
           "YYYY/MM/DD",
        3: "notice 2021/2, nationalities (nationalities): “XX” is not an ISO alpha-2 country "
           "code",
        4: "INTERPOL reference (entity_id): “None” is not like 2021/75051",
        5: "notice 2021/4, eye colour (eyes_colors_id): “PUR” is not one of INTERPOL's codes "
           "for eye colour",
        6: "notice 2021/5, languages spoken (languages_spoken_ids): “KLI” is not one of "
           "INTERPOL's codes for languages spoken",
        7: "notice 2021/6, issuing country (arrest_warrants[2].issuing_country_id): “ZZ” is "
           "not an ISO alpha-2 country code",
        8: "notice 2023/7, country of the event (country): “Egypt” is not an ISO alpha-2 "
           "country code",
        9: "notice 2021/8, links (_links): the link is to notice 2021-9, not to this one",
        10: "notice 2021/10, links (_links): a UN notice about an entity, not a person; "
            "Palermo's notices are about persons",
        11: "notice 2021/11, date of the UN listing (un_reference_date): “29.12.2021” is not "
            "a date written YYYY/MM/DD",
        12: "notice 2021/12, height (height): “tall” is not a number",
        13: "not a notice: INTERPOL gives each notice as an object with its fields",
    }
    assert reasons == expected
    report = interpol.import_notices(_listing(_red(), bad[0]), actor=people["reviewer"],
                                     skip_bad=True)
    assert (report.imported, report.created, report.skipped) == (True, 1, 1)


def test_unreadable_files_name_the_place(people: dict[str, Any]) -> None:
    with pytest.raises(ServiceError, match="line 2, column 1"):
        interpol.import_notices(b'{"total": 1,\n}', actor=people["reviewer"])
    with pytest.raises(ServiceError, match="not UTF-8"):
        interpol.import_notices(b'{"name": "\xff"}', actor=people["reviewer"])
    report = interpol.import_notices(json.dumps({**_red(), "_links": {}}).encode(),
                                     actor=people["reviewer"])
    assert "notice type is not in its links" in report.errors[0][1]
    assert interpol.import_notices(json.dumps({**_red(), "_links": {}}).encode(), colour="red",
                                   actor=people["reviewer"]).created == 1
    with pytest.raises(ServiceError, match="Choose a notice type"):
        interpol.import_notices(b"[]", colour="crimson", actor=people["reviewer"])


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
    # What we export, a partner running Palermo imports, with no type to give.
    report = interpol.import_notices(json.dumps(data).encode(), actor=people["reviewer"])
    assert (report.created, report.errors) == (1, [])
    copy = Notice.objects.get(source="interpol")
    assert (copy.colour, copy.subject_names, copy.nationalities) == (
        "green", ["Arkadi Gold"], ["ISR"])


def test_import_page_and_command(people: dict[str, Any], tmp_path: Path) -> None:
    client = sign_in(Client(), people["reviewer"])
    upload = tmp_path / "red.json"
    upload.write_bytes(_listing(_red(), _red("x")))
    with upload.open("rb") as handle:
        page = client.post("/notices/import/", {"file": handle}).content.decode()
    assert "Nothing was imported" in page
    assert "Record 2: INTERPOL reference (entity_id): “x” is not like 2021/75051" in page
    with pytest.raises(CommandError, match="1 malformed records"):
        call_command("notices", "import", str(upload), "--user", people["reviewer"].email)
    call_command("notices", "import", str(upload), "--user", people["reviewer"].email,
                 "--skip-bad")
    assert Notice.objects.filter(source="interpol").count() == 1
    out = tmp_path / "out.json"
    call_command("notices", "export", str(out), "--user", people["reviewer"].email)
    assert json.loads(out.read_text())["_embedded"]["notices"] == [_red()]
