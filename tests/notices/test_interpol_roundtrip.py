"""Red, yellow and UN notices in the shapes INTERPOL's public notices web service gives them
(a list answer and a single notice of each, in fixtures/interpol/) survive import → export →
import field by field; a notice issued here goes out in INTERPOL's codes and comes back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from palermo.notices.models import Notice
from palermo.notices.services import interpol
from tests.access.factories import api_token
from tests.notices.factories import published

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "interpol"
COLUMNS = ("colour", "subject_names", "family_name", "birth_date", "sex", "nationalities",
           "place_of_birth", "country_of_birth", "height_cm", "weight_kg", "eye_colour",
           "hair_colour", "languages", "identifying_marks", "charges", "issuing_country",
           "external_id", "particulars", "source", "state")
# What each fixture keeps as given because Palermo's notice has no field for it, or would
# give it back differently: nothing else may hide in particulars.
KEPT = {
    "red_list.json": {"2019/40117": {"_links", "_palermo"},
                      "2020/11873": {"_links", "_palermo", "date_of_birth"},
                      "2022/5604": {"_links", "_palermo"}},
    "red_detail.json": {"2021/75051": {"_links", "arrest_warrants"}},
    "yellow_list.json": {"2023/11223": {"_links", "_palermo"},
                         "2024/902": {"_links", "_palermo", "date_of_birth"}},
    "yellow_detail.json": {"2022/9888": {
        "_links", "_palermo", "weight", "place", "date_of_event", "country", "mother_name",
        "mother_forename", "father_forename"}},
    "un_list.json": {"2019/33140": {"_links", "_palermo"}},
    "un_detail.json": {"2021/84506": {
        "_links", "date_of_birth", "profession", "purposes", "aliases",
        "father_name", "father_forename", "un_reference", "un_resolution", "un_reference_date",
        "identity_documents", "name_in_original_script", "forename_in_original_script",
        "associates", "adresses", "main_activity", "administrators",
        "additional_information"}},
}


def _notices_in(data: dict[str, Any]) -> list[dict[str, Any]]:
    return data["_embedded"]["notices"] if "total" in data else [data]


def _snapshot() -> dict[str, dict[str, Any]]:
    return {n.external_id: {c: getattr(n, c) for c in COLUMNS}
            for n in Notice.objects.filter(source="interpol")}


def _same_fields(exported: dict[str, Any], original: dict[str, Any]) -> None:
    assert sorted(exported) == sorted(original), original["entity_id"]
    for key, value in original.items():
        assert exported[key] == value, (original["entity_id"], key)


@pytest.mark.parametrize("name", sorted(KEPT))
def test_interpol_notices_survive_import_export_import(
        name: str, people: dict[str, Any], client: Client) -> None:
    content = (FIXTURES / name).read_bytes()
    originals = _notices_in(json.loads(content))
    report = interpol.import_notices(content, actor=people["reviewer"])
    assert (report.errors, report.created) == ([], len(originals))
    first = _snapshot()
    for entity, kept in KEPT[name].items():
        assert set(first[entity]["particulars"]) == kept, entity

    _t, token = api_token(people["reviewer"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    exported = client.get("/api/v1/notices/interpol", **auth).json()
    by_entity = {r["entity_id"]: r for r in exported["_embedded"]["notices"]}
    for original in originals:
        _same_fields(by_entity[original["entity_id"]], original)
        notice = Notice.objects.get(external_id=original["entity_id"])
        _same_fields(client.get(f"/api/v1/notices/{notice.pk}/interpol", **auth).json(),
                     original)

    # The export is accepted as it is, with no type given: imported again it changes nothing,
    again = interpol.import_notices(json.dumps(exported).encode(), actor=people["reviewer"])
    assert (again.errors, again.created, again.updated) == ([], 0, len(originals))
    assert _snapshot() == first
    # and a partner starting from nothing ends with the same notices.
    Notice.objects.all().delete()
    fresh = interpol.import_notices(json.dumps(exported).encode(), actor=people["reviewer"])
    assert (fresh.errors, fresh.created) == ([], len(originals))
    assert _snapshot() == first


def test_interpol_fields_fill_palermos_fields(people: dict[str, Any]) -> None:
    for name in ("red_detail.json", "yellow_detail.json", "un_detail.json"):
        interpol.import_notices((FIXTURES / name).read_bytes(), actor=people["reviewer"])
    red = Notice.objects.get(external_id="2021/75051")
    assert (red.colour, red.family_name, red.subject_names) == (
        "red", "DRAGOMIR", ["MARIUS CONSTANTIN DRAGOMIR"])
    assert (red.eye_colour, red.hair_colour, red.languages) == ("brown", "black",
                                                                 ["ro", "de", "en"])
    assert (red.height_cm, red.weight_kg, red.issuing_country) == (182, 78, "DEU")
    assert red.charges.splitlines() == [
        "Menschenhandel zum Zweck der sexuellen Ausbeutung; Zuhälterei / Trafficking in "
        "human beings for sexual exploitation; pimping", "Trafficking in human beings"]
    yellow = Notice.objects.get(external_id="2022/9888")
    assert (yellow.eye_colour, yellow.hair_colour) == ("hazel, green", "blond, dyed")
    # Romany has no ISO 639-1 code: it keeps INTERPOL's.
    assert yellow.languages == ["bg", "en", "ROM"] and yellow.weight_kg is None
    assert (yellow.particulars["country"], yellow.particulars["date_of_event"]) == (
        "BG", "2022/08/03")
    un = Notice.objects.get(external_id="2021/84506")
    assert un.colour == "un_special" and un.birth_date is None
    # The name in its own script is screened too.
    assert un.subject_names == ["OMAR HASSAN AL-SAHLI", "عمر حسن الساحلي"]
    assert (un.particulars["un_reference"], un.particulars["un_resolution"],
            un.particulars["un_reference_date"]) == ("QDi.900", 1267, "2021/12/29")
    assert un.particulars["main_activity"].startswith("Associated with")


def test_a_notice_issued_here_goes_out_in_interpols_codes_and_comes_back(
        people: dict[str, Any], client: Client) -> None:
    import datetime as dt

    notice = published(
        people["author"], people["reviewer"], colour="yellow",
        subject_names=["Dana Levi (invented)"], family_name="Levi",
        birth_date=dt.date(2011, 4, 2), sex="F", height_cm=152, hair_colour="brown, long",
        eye_colour="brown", languages=["he", "en"])
    _t, token = api_token(people["reviewer"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    data = client.get("/api/v1/notices/interpol?colour=yellow", **auth).json()
    (record,) = data["_embedded"]["notices"]
    assert (record["forename"], record["name"]) == ("Dana", "Levi (invented)")
    assert (record["eyes_colors_id"], record["hairs_id"]) == (["BRO"], ["BRO"])
    assert record["languages_spoken_ids"] == ["HEB", "ENG"]
    assert (record["sex_id"], record["height"], record["date_of_birth"]) == ("F", 1.52,
                                                                             "2011/04/02")
    assert record["entity_id"] == f"ISR/{notice.created_at.year}/{notice.pk}"
    assert set(record) >= {"country", "place", "date_of_event", "mother_name"}
    # The link keeps the type, and leads to the notice.
    href = record["_links"]["self"]["href"]
    assert f"/interpol/yellow/ISR-{notice.created_at.year}-{notice.pk}" in href
    assert client.get(href, **auth).json() == record

    report = interpol.import_notices(json.dumps(data).encode(), actor=people["reviewer"])
    assert (report.errors, report.created) == ([], 1)
    copy = Notice.objects.get(source="interpol")
    assert (copy.colour, copy.subject_names, copy.family_name) == (
        "yellow", ["Dana Levi (invented)"], "Levi (invented)")
    assert (copy.eye_colour, copy.hair_colour, copy.languages) == ("brown", "brown",
                                                                   ["he", "en"])
    assert (copy.birth_date, copy.sex, copy.height_cm, copy.nationalities) == (
        dt.date(2011, 4, 2), "F", 152, ["ISR"])


def test_a_un_notice_issued_here_links_as_interpols_do(
        people: dict[str, Any], client: Client) -> None:
    notice = published(people["author"], people["reviewer"], colour="un_special",
                       family_name="Gold")
    _t, token = api_token(people["reviewer"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    record = client.get(f"/api/v1/notices/{notice.pk}/interpol", **auth).json()
    assert "/interpol/un/persons/ISR-" in record["_links"]["self"]["href"]
    assert "un_reference" in record and "hairs_id" not in record
    assert client.get(record["_links"]["self"]["href"], **auth).json() == record
    report = interpol.import_notices(json.dumps(record).encode(), actor=people["reviewer"])
    assert report.errors == [] and Notice.objects.get(source="interpol").colour == "un_special"
