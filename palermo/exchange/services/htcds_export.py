"""Cases as an HTCDS 2.0 file: every field of the standard in its order, then Palermo's own
columns, under the toolkit's two header rows (field names, then labels); a row a person of a
case, as the exporting user sees them (``persons.cards``). An identity the user may not see,
or a victim's identity they did not choose to include, leaves as empty fields, and the export
report says whose. Reading the file back gives the same case (``htcds_import``)."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

import pycountry
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.cases.services import access, cases, persons, reading, restricted
from palermo.cases.services.access import Sight
from palermo.exchange.services import htcds_fields as fields
from palermo.exchange.services.common import require
from palermo.exchange.services.htcds_read import FORMULA
from palermo.exchange.services.htcds_values import CLASSIFICATION_KEYS
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.cases.models import Case, CasePerson

MAX_CASES = 500
SHORT_KEY = {vocabulary: key for key, vocabulary in CLASSIFICATION_KEYS.items()}
EXACT = (("vic_MethodsOfControl", "plm_MethodsOfControl", "methods_of_control",
          "methods_of_control"),
         ("vic_MethodOfRecruitment", "plm_RecruitmentMethod", "recruitment_method",
          "recruitment_methods"),
         ("vic_RelationshipToTrafficker", "plm_RelationshipToTrafficker",
          "relationship_to_trafficker", "trafficker_relationships"),
         ("vic_ForcedLabourIndustry", "plm_Industry", "industry", "industries"))


@dataclass
class ExportReport:
    cases: list[str] = field(default_factory=list)
    persons: int = 0
    withheld: list[str] = field(default_factory=list)  # persons whose identity stayed out
    left_out: list[str] = field(default_factory=list)  # cases that ask why, not exported
    approximations: list[str] = field(default_factory=list)  # codes HTCDS says coarser

    def as_dict(self) -> dict[str, object]:
        return {"standard": "HTCDS", "version": fields.table()["version"], **asdict(self)}


@dataclass
class Export:
    content: bytes
    filename: str
    report: ExportReport


def columns() -> list[fields.Field]:
    return [*fields.standard(), *fields.palermo_columns()]


def select(actor: User, *, reference: str = "", query: str = "", status: str = "",
           exploitation: str = "") -> list[int]:
    """The cases an export takes: the one named by its reference, or those the search finds
    among the cases the user may open."""
    if reference.strip():
        found = [c.pk for c in reading.search(actor, query=reference.strip())
                 if c.reference.casefold() == reference.strip().casefold()]
        if not found:
            raise ServiceError(_("There is no case %(ref)s that you may open.")
                               % {"ref": reference.strip()}, field="case")
        return found
    return list(reading.search(actor, query=query, status=status, exploitation=exploitation)
                .values_list("pk", flat=True)[:MAX_CASES])


def export(case_ids: list[int], *, actor: User, request: HttpRequest | None = None,
           identities: bool = False, labels: bool = False, reason: str = "") -> Export:
    """``identities``: victims' names, birth dates, documents and contacts go too (needs
    ``exchange.share_identity``), where the user may see them. A case that asks why is
    exported alone, with its ``reason``; among several it is left out and named."""
    require(actor, "exchange.send")
    if identities and not actor.has_perm("exchange.share_identity"):
        raise ServiceError(_("Your roles do not allow sharing victims' identities."),
                           field="identities")
    if not case_ids:
        raise ServiceError(_("No case to export: the search found none you may open."),
                           field="case")
    report, rows, read_persons = ExportReport(), [], []
    for case_id in case_ids:
        case, sight = reading.get_openable(actor, case_id)
        if len(case_ids) > 1 and restricted.needs_reason(case):
            report.left_out.append(case.reference)
            continue
        given = restricted.gate(actor, case, reason, request)
        held = _Held(case, access.material_sight(actor, case, sight).shows(()), labels)
        for card in persons.cards(actor, case, sight, request=request, reason=given):
            shares = card.sight == Sight.IDENTITY and (
                identities or card.case_person.role != "victim")
            rows.append(_row(held, card, shares, report))
            read_persons.append({"case": case.reference, "person": card.case_person.person_id,
                                 "role": card.case_person.role, "identity": shares})
            if not shares:
                report.withheld.append(f"{case.reference}: {card.label}")
        report.cases.append(case.reference)
    report.persons = len(rows)
    audit.record("exchange.htcds_export", actor=actor, request=request, object_type="case",
                 object_id=case_ids[0] if len(case_ids) == 1 else "", reason=reason,
                 detail={"cases": report.cases, "persons": read_persons,
                         "left_out": report.left_out, "identities": identities})
    name = report.cases[0] if len(report.cases) == 1 else timezone.localdate().isoformat()
    return Export(write(rows), f"htcds-{name}.csv", report)


def write(rows: list[dict[str, str]]) -> bytes:
    """The rows under the two header rows, as UTF-8 with a byte-order mark (so that a
    spreadsheet opens it as UTF-8) and CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    every = columns()
    writer.writerow([f.name for f in every])
    writer.writerow([f.label for f in every])
    for row in rows:
        writer.writerow([_cell(row.get(f.name, "")) for f in every])
    return out.getvalue().encode("utf-8-sig")


def _cell(value: str) -> str:
    # A spreadsheet runs a cell starting with one of these as a formula (a phone number's
    # "+"); the importer takes the quote off again.
    return "'" + value if value[:1] in FORMULA else value


@dataclass
class _Held:
    """What a case holds that every row of it repeats, read once."""

    case: Case
    whole_case: bool  # the user sees every person of the case in full
    labels: bool

    def __post_init__(self) -> None:
        self.classification = cases.classification_of(self.case)
        self.countries = cases.countries_of(self.case)
        self.values = _case_values(self)


def _row(held: _Held, card: persons.PersonCard, shares: bool, report: ExportReport
         ) -> dict[str, str]:
    cp, labels = card.case_person, held.labels
    person = cp.person
    row = dict(held.values)
    row["plm_Role"] = cp.role
    row["prs_Gender"] = _value("prs_Gender", fields.export_value("prs_Gender", person.sex),
                               labels)
    row["prs_Citizenship"] = ";".join(person.nationalities)
    if person.estimated_age is not None:
        row["plm_EstimatedAge"] = str(person.estimated_age)
    if shares:
        row.update(_identity(card))
    if cp.role == "victim":
        row.update(_victim(held, cp, shares, f"{held.case.reference}, {card.label}", report))
    return row


def _value(name: str, value: str, labels: bool) -> str:
    return fields.label_of(name, value) if labels and value else value


def _many(name: str, values: list[str], labels: bool) -> str:
    return ";".join(_value(name, v, labels) for v in dict.fromkeys(values) if v)


def _case_values(held: _Held) -> dict[str, str]:
    case, labels = held.case, held.labels
    closed = case.status == "closed"
    return {
        "plm_CaseReference": case.reference, "plm_CaseTitle": case.title,
        "plm_CaseOpenedOn": case.opened_on.isoformat(), "plm_CaseStatus": case.status,
        "cas_Status": _value("cas_Status", fields.export_value("cas_Status", case.status),
                             labels),
        "plm_CaseCloseReason": case.close_reason if closed else "",
        # Users' words about the whole case: for those who see every person of it in full.
        "cas_ReasonForCaseClosure": case.close_note if closed and held.whole_case else "",
        "plm_CaseSensitivity": case.sensitivity,
        "plm_CaseClassification": ";".join(f"{SHORT_KEY[v]}:{c}" for v, codes in
                                           held.classification.items() for c in codes),
        "plm_CaseCountries": ";".join(f"{role}:{c}" for role, codes in held.countries.items()
                                      for c in codes),
    }


def _identity(card: persons.PersonCard) -> dict[str, str]:
    person = card.case_person.person
    first, _space, rest = (card.name or "").partition(" ")
    contacts = [str(c) for c in card.contacts]
    emails = [c for c in contacts if "@" in c]
    phones = [c for c in contacts if "@" not in c]
    standard = [*phones[:2], *emails[:1]]
    nationality = person.nationalities[0] if person.nationalities else ""
    card_number = next((d for d in card.documents
                        if d.kind == "id_card" and d.issuing_country == nationality), None)
    languages = [_iso639_2(code) for code in card.languages[:2]]
    return {
        "prs_FirstName": first, "prs_SecondName": rest.strip(),
        "plm_Aliases": ";".join(card.aliases),
        "prs_Birthdate": person.birth_date.isoformat() if person.birth_date else "",
        "prs_MobilePhone": phones[0] if phones else "",
        "prs_HomePhone": phones[1] if len(phones) > 1 else "",
        "prs_Email": emails[0] if emails else "",
        "plm_OtherContacts": ";".join(c for c in contacts if c not in standard),
        "prs_IdentityNumber": card_number.number if card_number else "",
        "plm_Documents": ";".join(f"{d.kind}:{d.issuing_country}:{d.number}"
                                  for d in card.documents if d is not card_number),
        "prs_PrimaryLanguage": languages[0] if languages else "",
        "prs_SecondaryLanguage": languages[1] if len(languages) > 1 else "",
        "plm_OtherLanguages": ";".join(card.languages[2:]),
    }


def _iso639_2(code: str) -> str:
    found = pycountry.languages.get(alpha_2=code)
    return str(found.alpha_3) if found else code


def _victim(held: _Held, cp: CasePerson, shares: bool, who: str, report: ExportReport
            ) -> dict[str, str]:
    labels, language = held.labels, get_language() or "en"
    row = {
        "vic_TraffickingStatus": _value("vic_TraffickingStatus", fields.export_value(
            "vic_TraffickingStatus", cp.trafficking_status), labels),
        "vic_TypeOfExploitation": _many("vic_TypeOfExploitation", cp.exploitation_types,
                                        labels)}
    for name, exact, attribute, vocabulary in EXACT:
        kept = getattr(cp, attribute)
        codes = kept if isinstance(kept, list) else [kept] if kept else []
        written = [fields.export_value(name, c) for c in codes]
        row[name] = _many(name, written, labels)
        row[exact] = ";".join(codes)
        for code, value in zip(codes, written, strict=True):
            if fields.palermo_codes(name, value) != [code]:
                report.approximations.append(_("%(who)s, %(field)s: %(code)s written as "
                                               "%(value)s") % {
                    "who": who, "field": fields.treatment(name).label,
                    "code": registry.label(vocabulary, code, language),
                    "value": fields.label_of(name, value) if value else _("nothing")})
    if "SexualExploitation" in cp.exploitation_types:
        purposes = held.classification.get("palermo_purposes", [])
        row["vic_TypeOfSexExploitation"] = _many("vic_TypeOfSexExploitation", [
            fields.export_value("vic_TypeOfSexExploitation", p) for p in purposes], labels)
    if cp.exploitation_started_on:
        destinations = held.countries.get("destination", [])
        row.update(hte_Type=_value("hte_Type", "Exploitation", labels),
                   hte_Date=cp.exploitation_started_on.isoformat(),
                   hte_Country=destinations[0] if len(destinations) == 1 else "")
        born = cp.person.birth_date
        if shares and born:
            row["vic_AgeWhenTrafficked"] = str(persons.age_on(cp.person,
                                                              cp.exploitation_started_on))
    return row
