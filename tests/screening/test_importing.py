"""Bulk import of watch lists: formats, row checks, the two modes, deltas and the audit entry."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from palermo.access.services.errors import NotAllowed
from palermo.audit.models import AuditEvent
from palermo.screening import services
from palermo.screening.importing import ERROR_LIMIT, import_file
from palermo.screening.models import WatchedDocument, WatchedPerson, WatchedVehicle
from palermo.screening.services import Query
from tests.access.factories import AgencyFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = "number,issuing_state,status,kind,reported_on,source,source_id,notes\n"
VIN = "1HGCM82633A004352"  # a valid North American VIN (check digit 3)


@pytest.fixture
def owner() -> Any:
    return AgencyFactory(name="Police")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(tmp_path: Path, name: str, *objects: dict[str, Any]) -> Path:
    return write(tmp_path, name, "".join(json.dumps(o, ensure_ascii=False) + "\n"
                                         for o in objects))


# Formats and kinds.

def test_csv_documents_are_stored_normalised_and_audited_once(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "sltd.csv", DOCUMENTS
                 + "l 898902-c3,ukr,stolen,passport,2024-05-02,sltd,A1,at the consulate\n"
                 + "X12345678,ISR,lost,ID_CARD,,sltd,A2,\n")
    report = import_file("documents", path, owner_agency=owner)
    assert (report.added, report.updated, report.bad, report.refused) == (2, 0, 0, False)
    first = WatchedDocument.objects.get(number="L898902C3")
    assert (first.issuing_state, first.status, first.kind, first.reported_on) == (
        "UKR", "stolen", "passport", dt.date(2024, 5, 2))
    assert (first.source, first.source_id, first.notes, first.owner_agency) == (
        "sltd", "A1", "at the consulate", owner)
    second = WatchedDocument.objects.get(number="X12345678")
    assert (second.kind, second.reported_on, second.notes) == ("id_card", None, "")
    (event,) = AuditEvent.objects.filter(action="watchlist.import")
    assert event.outcome == "success" and event.actor_label == "palermo screening import"
    assert event.detail["file"] == "sltd.csv" and event.detail["added"] == 2
    assert report.last_committed_line == 3


def test_csv_vehicles(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "cars.csv",
                 "vin,plate,plate_country,make,model,colour,status,source,source_id\n"
                 f"{VIN.lower()},12-345-67,isr,Honda,Accord,grey,,police,C1\n"
                 ",AB 123 CD,FRA,Renault,Clio,red,lost,police,C2\n")
    report = import_file("vehicles", path, owner_agency=owner)
    assert report.added == 2 and not report.bad
    car = WatchedVehicle.objects.get(vin=VIN)
    assert (car.plate, car.plate_country, car.make, car.colour, car.status) == (
        "1234567", "ISR", "Honda", "grey", "stolen")
    assert WatchedVehicle.objects.get(plate="AB123CD").status == "lost"


def test_csv_persons_with_several_names_and_nationalities(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "persons.csv",
                 "names,birth_date,sex,nationalities,reason,action,source,source_id\n"
                 "Dmitri Volkov|Дмитрий Волков,1979-02-11,m,RUS|ukr,wanted,Detain,ip,P1\n"
                 "Yonas Haile,1981,M,ERI,convicted_trafficker,,ip,P2\n")
    report = import_file("persons", path, owner_agency=owner)
    assert report.added == 2 and not report.bad
    volkov = WatchedPerson.objects.get(source_id="P1")
    assert volkov.names == ["Dmitri Volkov", "Дмитрий Волков"]
    assert (volkov.birth_date, volkov.sex, volkov.nationalities, volkov.reason, volkov.action) \
        == (dt.date(1979, 2, 11), "M", ["RUS", "UKR"], "wanted", "Detain")
    # A year alone cannot be stored as a date; it is left out and said so.
    assert WatchedPerson.objects.get(source_id="P2").birth_date is None
    assert any("year only" in warning for warning in report.warnings)


def test_jsonl_of_each_kind(tmp_path: Path, owner: Any) -> None:
    documents = jsonl(tmp_path, "d.jsonl", {"number": 123456789, "issuing_state": "DEU",
                                            "status": "revoked", "source": "j", "source_id": 1})
    vehicles = jsonl(tmp_path, "v.jsonl", {"vin": VIN, "plate_country": "ISR"})
    persons = jsonl(tmp_path, "p.jsonl", {"names": ["Noa Mizrahi", "נועה מזרחי"],
                                          "nationalities": ["ISR"], "reason": "missing",
                                          "birth_date": "2009-03-15", "sex": "F"})
    assert import_file("documents", documents, owner_agency=owner).added == 1
    assert import_file("vehicles", vehicles, owner_agency=owner).added == 1
    assert import_file("persons", persons, owner_agency=owner).added == 1
    document = WatchedDocument.objects.get()
    assert (document.number, document.status, document.source_id) == ("123456789", "revoked",
                                                                       "1")
    assert WatchedVehicle.objects.get().vin == VIN
    person = WatchedPerson.objects.get()
    assert person.names == ["Noa Mizrahi", "נועה מזרחי"] and person.reason == "missing"
    assert person.birth_date == dt.date(2009, 3, 15) and person.nationalities == ["ISR"]


def entity(schema: str, id_: str, **properties: list[str]) -> dict[str, Any]:
    return {"id": id_, "schema": schema, "properties": properties}


def test_ftm_persons_take_topics_aliases_and_alpha2_countries(tmp_path: Path, owner: Any,
                                                              user_with: Any) -> None:
    path = jsonl(tmp_path, "targets.ftm.json",
                 entity("Person", "os-1", name=["Dmitri Volkov"], alias=["Дмитрий Волков"],
                        birthDate=["1979-02-11"], gender=["male"], nationality=["ru"],
                        citizenship=["ua", "ru"], topics=["crime", "wanted"]),
                 entity("Person", "os-2", name=["Yonas Haile"], topics=["crime.traffick.human"],
                        birthDate=["1981-05-05", "1982"]),
                 entity("Person", "os-3", firstName=["Ann"], lastName=["Other"]),
                 entity("Sanction", "os-s", entity=["os-1"]),
                 entity("Address", "os-a", full=["Somewhere"]))
    report = import_file("persons", path, owner_agency=owner)
    assert (report.added, report.skipped, report.bad) == (3, 2, 0)
    volkov = WatchedPerson.objects.get(source_id="os-1")
    assert volkov.source == "ftm" and volkov.reason == "wanted"
    assert volkov.names == ["Dmitri Volkov", "Дмитрий Волков"]
    assert (volkov.sex, volkov.nationalities) == ("M", ["RUS", "UKR"])
    haile = WatchedPerson.objects.get(source_id="os-2")
    # Two different birth dates: neither is stored, a wrong one would hide a true match.
    assert haile.reason == "convicted_trafficker" and haile.birth_date is None
    other = WatchedPerson.objects.get(source_id="os-3")
    assert other.names == ["Ann Other"] and other.reason == "other"
    hit = services.check(user_with("border_officer"), Query(name="Дмитрий Волков"))
    assert [h.record["id"] for h in hit.hits] == [volkov.pk]


def test_ftm_documents_and_vehicles(tmp_path: Path, owner: Any) -> None:
    documents = jsonl(tmp_path, "ids.ftm.jsonl",
                      entity("Passport", "p-1", number=["AB 1234567"], country=["ua"]),
                      entity("Identification", "i-1", number=["ID99"], country=["md"]),
                      entity("Person", "x", name=["Not a document"]))
    vehicles = jsonl(tmp_path, "cars.ftm.json",
                     entity("Vehicle", "v-1", registrationNumber=["12-345-67"], country=["il"],
                            model=["Land Cruiser"], buildDate=["2001"]))
    report = import_file("documents", documents, owner_agency=owner)
    assert (report.added, report.skipped) == (2, 1)
    passport = WatchedDocument.objects.get(source_id="p-1")
    assert (passport.number, passport.issuing_state, passport.status, passport.kind) == (
        "AB1234567", "UKR", "stolen", "passport")
    assert WatchedDocument.objects.get(source_id="i-1").kind == "id_card"
    assert import_file("vehicles", vehicles, owner_agency=owner).added == 1
    car = WatchedVehicle.objects.get()
    assert (car.plate, car.plate_country, car.model, car.vin) == ("1234567", "ISR",
                                                                  "Land Cruiser", "")


def test_ftm_unknown_country_and_delta_removal(tmp_path: Path, owner: Any) -> None:
    bad = jsonl(tmp_path, "bad.ftm.json",
                entity("Person", "k-1", name=["Someone"], nationality=["xk"]))
    report = import_file("persons", bad, owner_agency=owner)
    assert report.refused and report.errors == [
        (1, "nationalities", "unknown country code 'xk' (FtM nationality)")]
    full = jsonl(tmp_path, "full.ftm.json", entity("Person", "k-2", name=["Someone Else"]))
    import_file("persons", full, owner_agency=owner)
    delta = jsonl(tmp_path, "delta.ftm.json",
                  {"op": "DEL", "entity": entity("Person", "k-2", name=["Someone Else"])})
    assert import_file("persons", delta, owner_agency=owner).removed == 1
    assert not WatchedPerson.objects.exists()


# Bad rows and the two modes.

BROKEN = (DOCUMENTS
          + "A1111111,UKR,stolen,passport,2024-01-01,s,1,\n"
          + "A2222222,UKR,stolenn,passport,2024-01-01,s,2,\n"
          + "A3333333,UKR,lost,passport,2023-02-30,s,3,\n"
          + " - ,UKR,lost,passport,,s,4,\n"
          + "A5555555,XXX,lost,passport,,s,5,\n"
          + "A6666666,MDA,revoked,passport,,s,6,\n")


def test_all_or_nothing_stores_nothing_and_names_line_and_field(tmp_path: Path,
                                                                 owner: Any) -> None:
    report = import_file("documents", write(tmp_path, "b.csv", BROKEN), owner_agency=owner)
    assert report.refused and report.bad == 4 and report.added == 0
    assert [(line, field) for line, field, _message in report.errors] == [
        (3, "status"), (4, "reported_on"), (5, "number"), (6, "issuing_state")]
    assert report.errors[0][2].startswith("unknown status 'stolenn' (known: lost, revoked")
    assert report.errors[1][2] == "2023-02-30 is not a real date"
    assert report.errors[2][2] == "empty document number"
    assert not WatchedDocument.objects.exists()
    assert AuditEvent.objects.get(action="watchlist.import").outcome == "failure"


def test_batches_keep_the_good_rows_and_say_where_to_resume(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "b.csv", BROKEN)
    seen: list[int] = []
    report = import_file("documents", path, owner_agency=owner, mode="batches", batch_size=1,
                         progress=seen.append)
    assert not report.refused and (report.added, report.bad) == (2, 4)
    assert sorted(WatchedDocument.objects.values_list("number", flat=True)) == [
        "A1111111", "A6666666"]
    assert report.last_committed_line == 7 and seen[-1] == 6
    resumed = import_file("documents", path, owner_agency=owner, mode="batches",
                          start_line=7)
    assert (resumed.resumed_from, resumed.rows, resumed.updated, resumed.bad) == (7, 1, 1, 0)


def test_invalid_vin_and_missing_plate(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "v.csv", "vin,plate\n1HGCM82633A004353,\nABC,\n,\n")
    report = import_file("vehicles", path, owner_agency=owner)
    assert report.errors == [
        (2, "vin", "check digit (position 9) is 3, expected 5"),
        (3, "vin", "a VIN has 17 characters, this one has 3"),
        (4, "vin", "give a VIN or a plate")]


def test_undecodable_bytes_are_reported_with_their_offset(tmp_path: Path, owner: Any) -> None:
    good = b"A1111111,UKR,stolen,passport,,s,1,\n"
    path = tmp_path / "latin1.csv"
    path.write_bytes(DOCUMENTS.encode() + good + b"A2222222,UKR,lost,passport,,s,2,caf\xe9\n")
    offset = len(DOCUMENTS.encode() + good) + len(b"A2222222,UKR,lost,passport,,s,2,caf")
    report = import_file("documents", path, owner_agency=owner, mode="batches")
    assert report.errors == [(3, "encoding", f"not UTF-8 at byte offset {offset}")]
    assert report.added == 1


def test_missing_columns_are_reported_once_before_any_row(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "m.csv", "number,state,kind\nA1,UKR,passport\nA2,UKR,passport\n")
    report = import_file("documents", path, owner_agency=owner, mode="batches")
    assert report.refused and report.rows == 0
    assert report.errors == [(1, "header", "missing columns: issuing_state, status")]
    assert not WatchedDocument.objects.exists()


def test_json_syntax_error_names_the_line(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "p.jsonl", '{"names": "A B", "reason": "other"}\n\n'
                                      '{"names": "C D", "reason": "other"\n')
    report = import_file("persons", path, owner_agency=owner)
    assert report.refused and report.errors[0][:2] == (3, "json")


def test_only_the_first_thousand_errors_are_listed(tmp_path: Path, owner: Any) -> None:
    rows = "".join(f"N{i},UKR,nonsense\n" for i in range(ERROR_LIMIT + 5))
    path = write(tmp_path, "many.csv", "number,issuing_state,status\n" + rows)
    report = import_file("documents", path, owner_agency=owner)
    assert len(report.errors) == ERROR_LIMIT and report.unlisted_errors == 5
    assert report.bad == ERROR_LIMIT + 5


# Deltas.

def test_source_id_updates_and_op_remove_deletes(tmp_path: Path, owner: Any) -> None:
    first = write(tmp_path, "1.csv", DOCUMENTS + "A1,UKR,stolen,passport,,s,1,\n"
                                               + "A2,UKR,stolen,passport,,s,2,\n")
    import_file("documents", first, owner_agency=owner)
    kept = WatchedDocument.objects.get(source_id="1")
    second = write(tmp_path, "2.csv", "number,issuing_state,status,source,source_id,op\n"
                                      "A1X,UKR,revoked,s,1,\n"
                                      "A2,UKR,stolen,s,2,remove\n"
                                      "A9,UKR,stolen,s,9,remove\n"
                                      "A3,UKR,lost,s,3,add\n")
    report = import_file("documents", second, owner_agency=owner)
    assert (report.added, report.updated, report.removed, report.not_found) == (1, 1, 1, 1)
    kept.refresh_from_db()
    assert (kept.number, kept.status, kept.notes) == ("A1X", "revoked", "")
    assert sorted(WatchedDocument.objects.values_list("source_id", flat=True)) == ["1", "3"]


def test_same_number_and_state_updates_and_other_agencies_are_refused(tmp_path: Path,
                                                                      owner: Any) -> None:
    WatchedDocument.objects.create(number="A1", issuing_state="UKR", status="lost",
                                   owner_agency=owner, notes="keep")
    WatchedDocument.objects.create(number="B1", issuing_state="UKR", status="lost",
                                   owner_agency=AgencyFactory(name="Other"))
    path = write(tmp_path, "p.csv", "number,issuing_state,status\nA1,UKR,revoked\n"
                                    "B1,UKR,stolen\n")
    refused = import_file("documents", path, owner_agency=owner)
    assert refused.refused and refused.errors[0][:2] == (3, "number")
    report = import_file("documents", path, owner_agency=owner, mode="batches")
    assert (report.updated, report.bad) == (1, 1)
    listed = WatchedDocument.objects.get(number="A1")
    assert (listed.status, listed.notes) == ("revoked", "keep")  # no notes column: kept
    assert WatchedDocument.objects.get(number="B1").status == "lost"


def test_repeated_source_id_in_one_file_across_batches(tmp_path: Path, owner: Any) -> None:
    path = jsonl(tmp_path, "v.jsonl", {"plate": "111", "source": "s", "source_id": "1"},
                 {"plate": "222", "source": "s", "source_id": "1"},
                 {"plate": "333", "source": "s", "source_id": "1", "op": "remove"},
                 {"plate": "444", "source": "s", "source_id": "2"},
                 {"plate": "555", "source": "s", "source_id": "2"})
    report = import_file("vehicles", path, owner_agency=owner, batch_size=2)
    assert (report.added, report.updated, report.removed) == (2, 1, 1)
    assert list(WatchedVehicle.objects.values_list("plate", flat=True)) == ["555"]


def test_person_update_reaches_the_name_index(tmp_path: Path, owner: Any,
                                              user_with: Any) -> None:
    officer = user_with("border_officer")
    import_file("persons", jsonl(tmp_path, "1.jsonl", {
        "names": ["Ivan Petrov"], "reason": "wanted", "source": "s", "source_id": "1"}),
        owner_agency=owner)
    assert services.check(officer, Query(name="Ivan Petrov")).hits
    import_file("persons", jsonl(tmp_path, "2.jsonl", {
        "names": ["Pavel Sidorov"], "reason": "wanted", "source": "s", "source_id": "1"}),
        owner_agency=owner)
    assert not services.check(officer, Query(name="Ivan Petrov")).hits
    assert services.check(officer, Query(name="Pavel Sidorov")).hits


# Who may import.

def test_a_user_needs_screening_manage(tmp_path: Path, owner: Any, user_with: Any) -> None:
    path = write(tmp_path, "d.csv", DOCUMENTS + "A1,UKR,stolen,passport,,s,1,\n")
    with pytest.raises(NotAllowed):
        import_file("documents", path, owner_agency=owner, actor=user_with("border_officer"))
    investigator = user_with("investigator")
    import_file("documents", path, owner_agency=owner, actor=investigator)
    assert AuditEvent.objects.get(action="watchlist.import").actor == investigator


def test_an_unclosed_quote_stops_the_reading_where_it_opened(tmp_path: Path,
                                                             owner: Any) -> None:
    rest = "".join(f"C{i},UKR,lost,passport,,s,c{i},{'x' * 1000}\n" for i in range(200))
    path = write(tmp_path, "q.csv", DOCUMENTS + "A1,UKR,stolen,passport,,s,1,\n"
                                              + 'A2,UKR,stolen,passport,,s,2,"never closed\n'
                                              + rest)
    refused = import_file("documents", path, owner_agency=owner)
    assert refused.refused and refused.errors[-1][:2] == (3, "row")
    assert "quote opened on this line is not closed" in refused.errors[-1][2]
    # In batches the file is read for its rows first, so no batch is written either.
    kept = import_file("documents", path, owner_agency=owner, mode="batches", batch_size=1)
    assert (kept.refused, kept.stopped_at, kept.added, kept.last_committed_line) == (
        True, 3, 0, None)
    assert "refused, nothing was written" in kept.summary()
    assert not WatchedDocument.objects.exists()


@pytest.mark.parametrize("mode", ["all_or_nothing", "batches"])
@pytest.mark.parametrize("closing", ["", 'C5,UKR,lost,passport,,s,c5,"a"\n',
                                     "C5,UKR,lost,passport,,s,c5\",\n"])
def test_a_quote_left_open_with_short_rows_after_it_imports_nothing(
        tmp_path: Path, owner: Any, mode: str, closing: str) -> None:
    """A thousand short rows fit in one value: without the check they vanish into it and the
    import says "2 added, 0 bad rows". Whether the quote stays open to the end of the file,
    meets a quoted value or closes by accident, the file is refused at the quote's line."""
    rest = "".join(f"C{i},UKR,lost,passport,,s,c{i},\n" for i in range(1000))
    path = write(tmp_path, "q.csv", DOCUMENTS + "A1,UKR,stolen,passport,,s,1,\n"
                 + 'A2,UKR,stolen,passport,,s,2,"never closed\n' + rest + closing)
    report = import_file("documents", path, owner_agency=owner, mode=mode, batch_size=10)
    assert report.refused and report.added == 0
    assert report.errors[-1][:2] == (3, "row")
    assert not WatchedDocument.objects.exists()


def test_a_multi_line_note_in_quotes_is_still_one_value(tmp_path: Path, owner: Any) -> None:
    path = write(tmp_path, "n.csv", DOCUMENTS + 'A1,UKR,stolen,passport,,s,1,"seen at\n'
                                              + 'the border, twice"\nA2,UKR,lost,,,s,2,\n')
    report = import_file("documents", path, owner_agency=owner)
    assert (report.added, report.bad) == (2, 0)
    assert WatchedDocument.objects.get(number="A1").notes == "seen at\nthe border, twice"


def test_an_update_cannot_take_the_number_of_another_record(tmp_path: Path,
                                                            owner: Any) -> None:
    import_file("documents", write(tmp_path, "1.csv", DOCUMENTS + "A1,UKR,lost,,,s,1,\n"
                                                               + "B1,UKR,lost,,,s,2,\n"),
                owner_agency=owner)
    report = import_file("documents", write(tmp_path, "2.csv", DOCUMENTS
                                            + "B1,UKR,stolen,,,s,1,\n"), owner_agency=owner)
    assert report.errors == [(2, "number", "this number and state are already listed as "
                                           "another record")]

