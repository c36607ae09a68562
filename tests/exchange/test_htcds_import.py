"""HTCDS 2.0 files into cases: the toolkit's CSV (two header rows, labels in the cells, stray
spaces and all) and a file written with value names, every column reported as kept or not, and
every bad value named by row, column and field with nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from palermo.access.services.errors import ServiceError
from palermo.cases.models import Case, CasePerson, Person
from palermo.cases.services import cases, persons
from palermo.cases.services.access import Sight
from palermo.exchange.services import htcds_import
from tests.access.factories import AgencyFactory, UserFactory
from tests.cases.factories import open_case
from tests.exchange.test_htcds_standard import toolkit_header

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "htcds"
TOOLKIT = FIXTURES / "toolkit_labels.csv"
VALUE_NAMES = FIXTURES / "value_names.csv"


def coordinator(**fields: Any) -> Any:
    agency = AgencyFactory(name="Cyprus Police", country="CYP")
    return UserFactory(roles=["coordinator"], agency=agency, **fields)


def snapshot(case_person: CasePerson) -> dict[str, Any]:
    person = case_person.person
    return {
        "role": case_person.role, "names": [n.full_name for n in person.names.all()],
        "birth_date": person.birth_date, "sex": person.sex,
        "nationalities": person.nationalities, "languages": person.languages,
        "contacts": person.contacts,
        "documents": [(d.kind, d.issuing_country, d.number) for d in person.documents.all()],
        "trafficking_status": case_person.trafficking_status,
        "recruitment_method": case_person.recruitment_method,
        "methods_of_control": case_person.methods_of_control,
        "relationship_to_trafficker": case_person.relationship_to_trafficker,
        "exploitation_types": case_person.exploitation_types, "industry": case_person.industry,
        "exploitation_started_on": case_person.exploitation_started_on,
        "is_child": case_person.is_child}


def persons_of(reference: str) -> list[CasePerson]:
    return list(CasePerson.objects.filter(case__reference=reference)
                .select_related("person").order_by("id"))


def test_the_fixture_is_shaped_as_the_toolkit_saves_it() -> None:
    text = TOOLKIT.read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    header = toolkit_header()
    assert lines[0].split(",") == [name for name, _label in header]
    assert lines[1].split(",") == [label for _name, label in header]
    assert "Feminine\u00a0" in text and "Debt bondage ;" in text
    assert lines[4] == "3" + "," * (len(header) - 1)  # the toolkit numbers its empty rows


def test_a_csv_saved_from_the_toolkit_imports_with_labels_and_two_header_rows() -> None:
    user = coordinator()
    report = htcds_import.import_csv(TOOLKIT.read_bytes(), actor=user)
    assert report.errors == [] and report.imported
    assert (report.header_rows, report.rows, report.persons) == (2, 2, 2)
    assert report.date_order == "dmy"  # 14/03/1990 can only be day first
    olga, = persons_of(report.cases[0].reference)
    assert snapshot(olga) == {
        "role": "victim", "names": ["Olga Petrenko"], "birth_date": dt.date(1990, 3, 14),
        "sex": "F", "nationalities": ["UKR"], "languages": [],
        "contacts": ["+380 50 000 0000", "olga@example.org"], "documents": [],
        "trafficking_status": "identified_victim", "recruitment_method": "online_advertisement",
        "methods_of_control": ["DebtBondage", "WithholdsDocuments", "Threats"],
        "relationship_to_trafficker": "", "exploitation_types": ["SexualExploitation"],
        "industry": "", "exploitation_started_on": None, "is_child": False}
    first = Case.objects.get(reference=report.cases[0].reference)
    assert first.status == "reported" and first.tags == ["htcds"]
    assert cases.classification_of(first)["palermo_purposes"] == ["prostitution_of_others"]
    somchai, = persons_of(report.cases[1].reference)
    assert (somchai.person.birth_date, somchai.person.sex, somchai.person.nationalities) == (
        dt.date(1985, 5, 3), "M", ["THA"])
    assert (somchai.industry, somchai.methods_of_control) == (
        "agriculture", ["ExcessiveWorkingHours", "TakesEarnings"])
    closed = Case.objects.get(reference=report.cases[1].reference)
    assert (closed.status, closed.close_reason, closed.close_note) == (
        "closed", "other", "Returned home with the help of IOM")


def test_the_mapping_report_says_what_became_of_every_column_and_field() -> None:
    report = htcds_import.import_csv(TOOLKIT.read_bytes(), actor=coordinator())
    columns = {c.letter: c for c in report.columns}
    assert (columns["A"].outcome, columns["A"].headers) == ("none", ["", ""])
    assert (columns["D"].field, columns["D"].outcome) == ("prs_FirstName", "kept")
    # The toolkit names column N prs_MailingCity but labels it "Mailing Street".
    assert columns["N"].field == "prs_MailingStreet"
    assert "the name says prs_MailingCity" in columns["N"].note
    assert columns["N"].becomes == "Palermo keeps no postal address of a person"
    assert columns["T"].field == "vic_TraffickingStatusDecisionMakingOrg"  # misspelt name
    assert columns["AJ"].field == "cas_ReasonForOutgoingReferral"  # a label only
    assert columns["W"].values["Threatens children/family"] == "Threats"
    assert columns["H"].values == {"Feminine": "F", "Masculine": "M"}
    assert columns["F"].outcome == "not_kept" and columns["F"].filled == 2
    fields = {f["name"]: f for f in report.fields()}
    assert len(fields) == 84 and all(f["becomes"] for f in fields.values())
    assert fields["prs_Email"]["column"] == "K" and fields["prs_Email"]["kept"]
    assert fields["org_Name"]["column"] == "" and not fields["org_Name"]["kept"]


def test_a_file_written_with_value_names_imports() -> None:
    report = htcds_import.import_csv(VALUE_NAMES.read_bytes(), actor=coordinator())
    assert report.errors == [] and report.imported and report.header_rows == 1
    maria, = persons_of(report.cases[0].reference)
    assert snapshot(maria) == {
        "role": "victim", "names": ["Maria Ionescu"], "birth_date": dt.date(2008, 7, 1),
        "sex": "F", "nationalities": ["ROU", "MDA"], "languages": ["ro", "en"],
        "contacts": ["+40 700 000 000", "maria@example.org"],
        "documents": [("id_card", "ROU", "2080701123456")],
        "trafficking_status": "possible_victim", "recruitment_method": "social_media",
        "methods_of_control": ["PsychologicalAbuse", "RestrictsFinancialAccess"],
        "relationship_to_trafficker": "acquaintance",
        "exploitation_types": ["SexualExploitation", "ForcedLabour"], "industry": "hospitality",
        "exploitation_started_on": dt.date(2024, 2, 1), "is_child": True}
    case = Case.objects.get(reference=report.cases[0].reference)
    assert cases.countries_of(case)["destination"] == ["DEU"]
    assert cases.classification_of(case)["palermo_purposes"] == ["other_sexual_exploitation"]
    assert report.remarks == ["Row 2, column N (Method of Recruitment): Palermo keeps one: "
                              "Social media or messaging; not kept: Other."]
    ion, = persons_of(report.cases[1].reference)
    assert (ion.role, ion.person.sex) == ("suspect", "M")


def test_names_birth_dates_and_contacts_have_the_need_to_know_of_any_person() -> None:
    user = coordinator()
    report = htcds_import.import_csv(VALUE_NAMES.read_bytes(), actor=user)
    case = Case.objects.get(reference=report.cases[0].reference)
    border = UserFactory(roles=["border_officer"], agency=user.agency)
    liaison = UserFactory(roles=["liaison_officer"], agency=user.agency)
    for viewer in (border, liaison):  # no identities at all; no child's identity
        card, = persons.cards(viewer, case)
        assert card.sight == Sight.PSEUDONYM and card.name is None and card.contacts == []
    card, = persons.cards(user, case)
    assert card.name == "Maria Ionescu" and card.birth_date == dt.date(2008, 7, 1)


BAD = (
    "prs_FirstName,prs_Birthdate,prs_Gender,prs_Citizenship,vic_MethodsOfControl,"
    "per_RoleInProcess,hte_Date,hte_Type\n"
    "Anna,1990-02-31,Feminine,UA,DebtBondage,,2024-01-01,Exploitation\n"
    "Boris,1980-01-01,Robot,Atlantis,Beatings;DebtBondage,,,\n"
    "Carl,1975-05-05,Masculine,DE,Threats,Exploiter,,\n"
    "Dana,2999-01-01,Feminine,DE,,,2999-01-01,Exploitation\n")


def test_bad_values_are_named_by_row_column_and_field_and_nothing_is_written() -> None:
    user = coordinator()
    before = (Case.objects.count(), Person.objects.count())
    report = htcds_import.import_csv(BAD.encode(), actor=user)
    assert not report.imported and report.cases == []
    assert report.errors == [
        "Row 2, column B (Birthdate): “1990-02-31” is not a day of the calendar.",
        "Row 3, column C (Gender): “Robot” is not one of this field's values.",
        "Row 3, column D (Citizenship): “Atlantis” is not a country: write its ISO 3166 "
        "code, such as UA or UKR.",
        "Row 3, column E (Methods of Control): “Beatings” is not one of this field's values.",
        "Row 4, column E (Methods of Control): “Threats” is not one of this field's values.",
        "Row 5, column B (Birthdate): a birth date is between 1900 and today.",
        "Row 5, column G (Date): the day exploitation began cannot be in the future.",
    ]
    assert (Case.objects.count(), Person.objects.count()) == before


def test_a_value_only_a_victim_has_is_refused_on_a_suspects_row() -> None:
    text = ("prs_FirstName,per_RoleInProcess,vic_MethodsOfControl\n"
            "Carl,Exploiter,DebtBondage\n")
    report = htcds_import.import_csv(text.encode(), actor=coordinator())
    assert report.errors == ["Row 2, column C (Methods of Control): only a victim has this; "
                             "the person of this row is a suspect."]


def test_dates_written_with_slashes_are_read_in_the_files_order_or_refused() -> None:
    user = coordinator()
    ambiguous = "prs_FirstName,prs_Birthdate\nAnna,03/04/1990\n"
    report = htcds_import.import_csv(ambiguous.encode(), actor=user, dry_run=True)
    assert report.errors == [
        "Row 2, column B (Birthdate): “03/04/1990” may be read as day/month or month/day: "
        "write it as year-month-day (such as 1990-03-25), or say how the file writes dates."]
    report = htcds_import.import_csv(ambiguous.encode(), actor=user, date_order="mdy")
    person, = persons_of(report.cases[0].reference)
    assert person.person.birth_date == dt.date(1990, 3, 4)
    both = "prs_FirstName,prs_Birthdate\nAnna,25/03/1990\nBea,03/25/1991\n"
    report = htcds_import.import_csv(both.encode(), actor=user)
    assert report.errors == [
        "Row 3, column B (Birthdate): “03/25/1991” and “25/03/1990” (row 2) write day and "
        "month in different orders: write every date as year-month-day."]


def test_headers_that_cannot_be_read_are_named() -> None:
    user = coordinator()
    report = htcds_import.import_csv(b"prs_FirstName,Type\nAnna,Education\n", actor=user)
    assert report.errors == [
        "Column B: the label “Type” belongs to several HTCDS fields (org_Type, hte_Type, "
        "spl_Type); write the field's name in the header instead."]
    with pytest.raises(ServiceError) as caught:
        htcds_import.import_csv(b"name,age\nx,1\n", actor=user)
    assert caught.value.message.startswith("No column of this file is an HTCDS 2.0 field")
    report = htcds_import.import_csv(b"First Name,Colour\nAnna,red\n", actor=user)
    assert report.imported and report.columns[1].outcome == "unknown"


def test_deciding_a_trafficking_status_needs_the_right_to_assess() -> None:
    liaison = UserFactory(roles=["liaison_officer"],
                          agency=AgencyFactory(name="Cyprus Police", country="CYP"))
    report = htcds_import.import_csv(TOOLKIT.read_bytes(), actor=liaison)
    assert report.errors == [
        "Row 3, column S (Trafficking Status): your roles do not allow deciding a trafficking "
        "status: leave it empty or “Possible victim of trafficking”, or ask someone who "
        "assesses victims to import the file."]


def test_a_dry_run_reads_everything_and_writes_nothing() -> None:
    before = (Case.objects.count(), Person.objects.count())
    report = htcds_import.import_csv(TOOLKIT.read_bytes(), actor=coordinator(), dry_run=True)
    assert report.errors == [] and not report.imported and report.persons == 2
    assert [c.reference for c in report.cases] == ["", ""]
    assert (Case.objects.count(), Person.objects.count()) == before


def test_rows_can_join_an_existing_case() -> None:
    user = coordinator()
    case = open_case(user, title="Farm in Paphos")
    report = htcds_import.import_csv(TOOLKIT.read_bytes(), actor=user, case=case.reference)
    assert report.imported and [c.reference for c in report.cases] == [case.reference]
    assert [cp.person.names.first().full_name for cp in persons_of(case.reference)] == [
        "Olga Petrenko", "Somchai Boonmee"]
    case.refresh_from_db()
    assert case.status == "reported"  # the file's "Closed Referred" is the file's case
    assert "Row 3, column AB (Status): not kept: the rows are added to an existing case, " \
           "whose own details stay as they are." in report.remarks
    outsider = UserFactory(roles=["liaison_officer"], agency=AgencyFactory(name="Elsewhere"))
    with pytest.raises(ServiceError) as caught:
        htcds_import.import_csv(TOOLKIT.read_bytes(), actor=outsider, case=case.reference)
    assert caught.value.field == "case"
