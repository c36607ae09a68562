"""Cases out as HTCDS 2.0 files and back: export then import changes nothing, every field of
the standard makes the round trip (kept, or reported as not kept), and an export holds only
what the exporting user may see."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.cases.models import Case, CasePerson
from palermo.cases.services import cases, persons
from palermo.cases.services.persons import NewPerson
from palermo.exchange.services import htcds_export, htcds_fields, htcds_import
from tests.access.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def coordinator() -> Any:
    return UserFactory(roles=["coordinator"],
                       agency=AgencyFactory(name="Cyprus Police", country="CYP"))


def add(case: Case, user: Any, role: str, new: NewPerson, started: dt.date | None = None,
        status: str = "", **context: Any) -> CasePerson:
    added = persons.add_to_case(case, new, role, actor=user, exploitation_started_on=started)
    if context:
        added = persons.update_victim_context(added, actor=user, version=added.version,
                                              **context)
    if status:
        persons.decide_status(added, status, actor=user)
    return added


def rich_case(user: Any) -> Case:
    """A case holding something of every kind Palermo keeps, including codes HTCDS says more
    coarsely (restricts movement, a false job offer, an intimate partner, fishing)."""
    case = cases.open_case(
        actor=user, title="Women held in a Limassol flat", opened_on=dt.date(2025, 3, 1),
        sensitivity="restricted",
        classification={"palermo_acts": ["recruitment", "harbouring"],
                         "palermo_means": ["deception"],
                         "palermo_purposes": ["prostitution_of_others",
                                              "forced_labour_or_services"],
                         "exploitation_types": ["SexualExploitation", "ForcedLabour"]},
        countries={"origin": ["UKR", "MDA"], "transit": ["TUR"], "destination": ["CYP"]})
    add(case, user, "victim", NewPerson(
        ["Olga Petrenko", "Ольга Петренко"], dt.date(1990, 3, 14), sex="F",
        nationalities=["UKR", "MDA"], languages=["uk", "ru", "en"],
        contacts=["+380 50 000 0000", "+357 99 000 000", "olga@example.org",
                  "telegram @olga_p"],
        documents=[{"kind": "id_card", "number": "123456789", "issuing_country": "UKR"},
                   {"kind": "passport", "number": "FE123456", "issuing_country": "UKR"}]),
        dt.date(2024, 6, 1), "identified_victim",
        methods_of_control=["DebtBondage", "RestrictsMovement", "Threats"],
        recruitment_method="false_job_offer", relationship_to_trafficker="intimate_partner",
        exploitation_types=["SexualExploitation"], industry="hospitality")
    add(case, user, "victim", NewPerson(["Ana Rusu"], dt.date(2009, 1, 10), sex="F",
                                        nationalities=["MDA"]),
        dt.date(2024, 6, 1), "", methods_of_control=["UsesChildren", "NotSpecified"],
        recruitment_method="sold_by_family", relationship_to_trafficker="family_member",
        exploitation_types=["ForcedLabour"], industry="fishing")
    add(case, user, "suspect", NewPerson(
        ["Avi Mizrahi"], dt.date(1975, 5, 5), sex="M", nationalities=["ISR"],
        contacts=["+972 50 000 0000"],
        documents=[{"kind": "passport", "number": "31195855", "issuing_country": "ISR"}]))
    add(case, user, "witness", NewPerson(["Eleni Georgiou"], estimated_age=40, sex="X",
                                         nationalities=["CYP"]))
    for status in ("under_investigation", "prosecution", "trial"):
        case = cases.change_status(case, status, actor=user, version=case.version)
    return case


def snapshot(case: Case) -> dict[str, Any]:
    """Everything of a case that an HTCDS export carries, as Palermo holds it."""
    rows = CasePerson.objects.filter(case=case).select_related("person").order_by(
        "role", "ordinal")
    return {
        "title": case.title, "opened_on": case.opened_on, "status": case.status,
        "close_reason": case.close_reason, "close_note": case.close_note,
        "sensitivity": case.sensitivity,
        "classification": {k: sorted(v) for k, v in cases.classification_of(case).items()},
        "countries": {k: sorted(v) for k, v in cases.countries_of(case).items()},
        "persons": [{
            "role": cp.role, "ordinal": cp.ordinal, "is_child": cp.is_child,
            "names": [n.full_name for n in cp.person.names.all()],
            "birth_date": cp.person.birth_date, "estimated_age": cp.person.estimated_age,
            "sex": cp.person.sex, "nationalities": cp.person.nationalities,
            "languages": cp.person.languages, "contacts": cp.person.contacts,
            "documents": sorted((d.kind, d.issuing_country, d.number)
                                for d in cp.person.documents.all()),
            "trafficking_status": cp.trafficking_status,
            "exploitation_started_on": cp.exploitation_started_on,
            "recruitment_method": cp.recruitment_method,
            "methods_of_control": cp.methods_of_control,
            "relationship_to_trafficker": cp.relationship_to_trafficker,
            "exploitation_types": cp.exploitation_types, "industry": cp.industry}
            for cp in rows]}


def table(content: bytes) -> list[dict[str, str]]:
    """The rows of an export by field name, as a reader takes them: without the quote that
    keeps a spreadsheet from running a cell such as "+380 50 000 0000" as a formula."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    return [{name: cell[1:] if cell[:2] in ("'+", "'=", "'-", "'@") else cell
             for name, cell in zip(rows[0], row, strict=True)} for row in rows[2:]]


def test_export_then_import_changes_nothing() -> None:
    user = coordinator()
    original = rich_case(user)
    first = htcds_export.export([original.pk], actor=user, identities=True)
    assert first.report.withheld == [] and first.report.persons == 4
    report = htcds_import.import_csv(first.content, actor=user)
    assert report.errors == [] and report.imported and len(report.cases) == 1
    copy = Case.objects.get(reference=report.cases[0].reference)
    assert copy.pk != original.pk
    assert snapshot(copy) == snapshot(original)
    again = htcds_export.export([copy.pk], actor=user, identities=True)
    strip = [{**row, "plm_CaseReference": ""} for row in table(again.content)]
    assert strip == [{**row, "plm_CaseReference": ""} for row in table(first.content)]


def test_codes_htcds_says_more_coarsely_are_named_in_the_export_report() -> None:
    user = coordinator()
    case = rich_case(user)
    made = htcds_export.export([case.pk], actor=user, identities=True)
    reference = case.reference
    assert f"{reference}, Victim 1, Methods of Control: Restricts movement written as " \
           "Other" in made.report.approximations
    assert f"{reference}, Victim 2, Methods of Control: Not specified written as nothing" \
           in made.report.approximations
    _avi, olga, ana, _eleni = table(made.content)  # as a case orders them: by role
    assert olga["vic_MethodsOfControl"] == "DebtBondage;Other;PhysicalThreats"
    assert olga["plm_MethodsOfControl"] == "DebtBondage;RestrictsMovement;Threats"
    assert ana["vic_ForcedLabourIndustry"] == "A_AgricultureForestryAndFishing"
    assert ana["plm_Industry"] == "fishing"
    assert (olga["prs_FirstName"], olga["prs_SecondName"], olga["plm_Aliases"]) == (
        "Olga", "Petrenko", "Ольга Петренко")
    assert (olga["prs_IdentityNumber"], olga["plm_Documents"]) == (
        "123456789", "passport:UKR:FE123456")
    assert (olga["prs_PrimaryLanguage"], olga["prs_SecondaryLanguage"],
            olga["plm_OtherLanguages"]) == ("ukr", "rus", "en")
    assert ",'+380 50 000 0000," in made.content.decode("utf-8-sig")
    assert (olga["hte_Type"], olga["hte_Date"], olga["hte_Country"],
            olga["vic_AgeWhenTrafficked"]) == ("Exploitation", "2024-06-01", "CYP", "34")


def test_an_edited_standard_column_wins_over_palermos_own() -> None:
    user = coordinator()
    made = htcds_export.export([rich_case(user).pk], actor=user, identities=True)
    text = made.content.decode("utf-8-sig").replace(
        "DebtBondage;Other;PhysicalThreats", "DebtBondage;SexualAbuse", 1)
    report = htcds_import.import_csv(text.encode(), actor=user)
    olga = CasePerson.objects.filter(case__reference=report.cases[0].reference,
                                     role="victim").order_by("ordinal").first()
    assert olga is not None and olga.methods_of_control == ["DebtBondage", "SexualAbuse"]
    assert any("(Palermo methods of control): does not say what “Methods of Control” says"
               in remark for remark in report.remarks)


# A value for every field of the standard: value names for picklists, as a program writes.
EVERY_FIELD = {
    "org_Name": "Shelter NGO", "org_ShippingCity": "Nicosia", "org_ShippingCountry": "CY",
    "org_ShippingState": "Nicosia", "org_ShippingStreet": "1 Main St",
    "org_ShippingPostalCode": "1010", "org_ShippingLongitude": "33.38",
    "org_ShippingLatitude": "35.17", "org_Phone": "+357 22 000 000", "org_Type": "NGO",
    "prs_Salutation": "Ms", "prs_FirstName": "Anna", "prs_MiddleName": "Maria",
    "prs_SecondName": "Kowalska", "prs_Birthdate": "1995-05-05",
    "prs_Gender": "TransgenderFeminine", "prs_Deceased": "false", "prs_MaritalStatus": "Single",
    "prs_NumberOfChildren": "1", "prs_PrimaryLanguage": "pol", "prs_SecondaryLanguage": "de",
    "prs_HighestLevelOfEducation": "PrimaryEducation", "prs_Citizenship": "PL;DE",
    "prs_IdentityNumber": "ABC123456", "prs_Title": "Waitress",
    "prs_Email": "anna@example.org", "prs_HomePhone": "+48 22 000 0000",
    "prs_MobilePhone": "+48 600 000 000", "prs_MailingCity": "Warsaw",
    "prs_MailingCountry": "PL", "prs_MailingState": "Mazowieckie",
    "prs_MailingStreet": "2 Long St", "prs_MailingPostalCode": "00-001",
    "prs_MailingLongitude": "21.01", "prs_MailingLatitude": "52.23",
    "vic_AgreementToManagePersonalData": "true",
    "vic_TraffickingStatus": "ActualVictimOfTrafficking",
    "vic_TraffickingStatusDecisionMakingOrg": "Police",
    "vic_RelationshipToTrafficker": "Familial", "vic_AgeWhenTrafficked": "20",
    "vic_RecruitmentWebsitesAndApps": "Facebook;Telegram",
    "vic_MethodOfRecruitment": "AtWork", "vic_LocationOfRecruitment": "Cafe in Warsaw",
    "vic_MethodsOfControl": "ThreatensChildrenFamily;DebtBondage",
    "vic_TypeOfExploitation": "SexualExploitation;ForcedLabour",
    "vic_ForcedLabourIndustry": "P_Education",
    "vic_TypeOfSexExploitation": "Prostitution;Pornography",
    "vic_LocationOfExploitation": "Hotel in Berlin",
    "vic_ExploitationWebsitesAndApps": "WhatsApp", "vic_Vulnerabilities": "Poverty",
    "vic_DetailsOfVulnerabilities": "Debts at home", "cas_Status": "Closed",
    "cas_ReasonForCaseClosure": "Returned to Poland", "cas_CaseOwner": "Case worker B",
    "cas_ReferringOrganisation": "La Strada", "cas_IncomingReferralDate": "2016-02-01",
    "cas_ReferringPrimaryCaseWorker": "J. Nowak",
    "cas_ReasonForIncomingReferral": "AdditionalServicesRequired",
    "cas_IncomingReferralDetails": "Needs shelter", "cas_ReferredOrganisation": "IOM Poland",
    "cas_ReferredPrimaryCaseWorker": "K. Wiśniewska",
    "cas_ReasonForOutgoingReferral": "MigrationOrChangeOfLocation",
    "cas_OutgoingReferralDate": "2016-05-01", "cas_OutgoingReferralDetails": "Return home",
    "cco_CaseComment": "Anna asked for a lawyer.", "hte_Longitude": "13.40",
    "hte_Latitude": "52.52", "hte_City": "Berlin", "hte_Country": "DE", "hte_State": "Berlin",
    "hte_Street": "3 Hotel St", "hte_PostalCode": "10115", "hte_Date": "2016-01-01",
    "hte_Type": "Exploitation", "hte_Description": "Held in a hotel",
    "spl_Objectives": "Safe return", "spl_ActionPlan": "Flight, then shelter",
    "spl_PlannedEndDate": "2016-06-01", "spl_ActualEndDate": "2016-06-15",
    "spl_Type": "SocialCare", "con_Consent": "true",
    "per_RoleInProcess": "", "per_RoleDetails": "", "per_Organisation": ""}
PERPETRATOR = {"prs_FirstName": "Piotr", "prs_SecondName": "Zielinski",
               "prs_Gender": "Masculine", "per_RoleInProcess": "RecruiterOrIntermediary",
               "per_RoleDetails": "Ran the cafe", "per_Organisation": "Cafe Zielinski",
               "cas_Status": "Active"}
# What comes back where it is not what went in: Palermo's name is one name; countries and
# languages come back by Palermo's codes; and where HTCDS is finer than Palermo, Palermo's
# value comes back (threats alike, a place of recruitment as "other", education as another
# industry, the other forms of sexual exploitation as none). The age is derived again.
CHANGED = {"prs_MiddleName": "", "prs_SecondName": "Maria Kowalska",
           "prs_Gender": "NonConforming", "prs_SecondaryLanguage": "deu",
           "prs_Citizenship": "POL;DEU", "hte_Country": "DEU",
           "vic_MethodOfRecruitment": "Other",
           "vic_MethodsOfControl": "PhysicalThreats;DebtBondage",
           "vic_ForcedLabourIndustry": "S_OtherServiceActivities",
           "vic_TypeOfSexExploitation": "Prostitution"}
PERPETRATOR_CHANGED = {"per_RoleInProcess": "", "per_RoleDetails": "", "per_Organisation": ""}


def test_every_field_of_the_standard_makes_the_round_trip_or_is_reported_not_kept() -> None:
    standard = htcds_fields.standard()
    assert set(EVERY_FIELD) == {f.name for f in standard}
    rows = [[f.name for f in standard], [f.label for f in standard],
            [EVERY_FIELD[f.name] for f in standard],
            [PERPETRATOR.get(f.name, "") for f in standard]]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    user = coordinator()
    report = htcds_import.import_csv(out.getvalue().encode(), actor=user)
    assert report.errors == [] and report.imported and report.header_rows == 2
    by_name = {c["name"]: c for c in report.fields()}
    for field in standard:
        told = by_name[field.name]
        assert told["column"] and told["becomes"], field.name
        assert told["kept"] == bool(field.kept), field.name
    case_ids = [Case.objects.get(reference=c.reference).pk for c in report.cases]
    made = htcds_export.export(case_ids, actor=user, identities=True)
    victim, perpetrator = table(made.content)
    for field in standard:
        sent = EVERY_FIELD[field.name]
        expected = CHANGED.get(field.name, sent) if field.kept or field.exported else ""
        assert victim[field.name] == expected, field.name
        sent = PERPETRATOR.get(field.name, "")
        expected = PERPETRATOR_CHANGED.get(field.name, sent) if field.kept else ""
        assert perpetrator[field.name] == expected, field.name
    assert (victim["plm_Role"], perpetrator["plm_Role"]) == ("victim", "suspect")


def test_an_export_holds_only_what_the_user_may_see() -> None:
    user = coordinator()
    case = rich_case(user)
    liaison = UserFactory(roles=["liaison_officer"], agency=user.agency)
    made = htcds_export.export([case.pk], actor=liaison, identities=True)
    ref = case.reference
    assert made.report.withheld == [f"{ref}: Victim 2"]  # a child: not for this role
    avi, olga, ana, _eleni = table(made.content)
    assert olga["prs_FirstName"] == "Olga" and ana["prs_FirstName"] == ""
    for name in ("prs_SecondName", "prs_Birthdate", "prs_Email", "prs_IdentityNumber",
                 "plm_Aliases", "plm_Documents", "vic_AgeWhenTrafficked"):
        assert ana[name] == "", name
    assert (ana["prs_Citizenship"], ana["vic_TypeOfExploitation"]) == ("MDA", "ForcedLabour")
    made = htcds_export.export([case.pk], actor=user)  # victims' identities not chosen
    avi, olga, ana, _eleni = table(made.content)
    assert made.report.withheld == [f"{ref}: Victim 1", f"{ref}: Victim 2"]
    assert olga["prs_FirstName"] == "" and avi["prs_FirstName"] == "Avi"
    event = AuditEvent.objects.filter(action="exchange.htcds_export").latest("seq")
    assert event.detail["cases"] == [ref]
    assert [(p["role"], p["identity"]) for p in event.detail["persons"]] == [
        ("suspect", True), ("victim", False), ("victim", False), ("witness", True)]
    border = UserFactory(roles=["border_officer"], agency=user.agency)
    with pytest.raises(ServiceError):
        htcds_export.export([case.pk], actor=border)
    with pytest.raises(ServiceError) as caught:
        htcds_export.export([case.pk], actor=UserFactory(roles=["investigator"],
                                                          agency=user.agency),
                            identities=True)
    assert caught.value.field == "identities"


def test_a_set_of_cases_leaves_out_those_that_ask_why() -> None:
    user = coordinator()
    plain = cases.open_case(actor=user, title="Farm in Paphos")
    guarded = cases.open_case(actor=user, title="Minister's driver",
                              sensitivity="highly_restricted")
    ids = htcds_export.select(user, query="")
    assert set(ids) == {plain.pk, guarded.pk}
    made = htcds_export.export(ids, actor=user)
    assert made.report.cases == [plain.reference]
    assert made.report.left_out == [guarded.reference]
    alone = htcds_export.export([guarded.pk], actor=user, reason="Court order 17")
    assert alone.report.cases == [guarded.reference]


def test_values_can_be_written_as_the_toolkits_labels_and_read_back() -> None:
    user = coordinator()
    case = rich_case(user)
    made = htcds_export.export([case.pk], actor=user, identities=True, labels=True)
    olga = table(made.content)[1]
    assert olga["vic_MethodsOfControl"] == "Debt bondage;Other;Physical threats"
    assert olga["vic_TraffickingStatus"] == "Actual victim of trafficking"
    report = htcds_import.import_csv(made.content, actor=user)
    copy = Case.objects.get(reference=report.cases[0].reference)
    assert snapshot(copy) == snapshot(case)
