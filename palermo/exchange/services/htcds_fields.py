"""The fields of HTCDS 2.0 (``exchange/htcds_fields.yaml``, derived from the standard), what
Palermo does with each one (``exchange/htcds_palermo.yaml``), Palermo's own columns, and how a
header or a cell names a field or a value: by name or by label, whatever the case and the stray
spaces (the toolkit's drop-downs write labels such as "Feminine" followed by a no-break
space)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from palermo.vocab import registry

MULTI = "multi"
READS_MANY = {MULTI, "countries", "codes", "languages", "list", "pairs"}
SEPARATOR = ";"

# What a kept field becomes, in the words of the mapping report.
KEPT: dict[str, Promise] = {
    "first_name": _("the person's name (its first part)"),
    "middle_name": _("the person's name (its middle part)"),
    "second_name": _("the person's name (its last part)"),
    "birth_date": _("birth date"),
    "sex": _("sex (M, F or X)"),
    "primary_language": _("first language"),
    "secondary_language": _("second language"),
    "nationalities": _("nationalities"),
    "identity_number": _("identity card issued by the first country of citizenship"),
    "email": _("a contact line (e-mail)"),
    "home_phone": _("a contact line (home phone)"),
    "mobile_phone": _("a contact line (mobile phone)"),
    "trafficking_status": _("trafficking status"),
    "relationship_to_trafficker": _("relationship to the trafficker"),
    "recruitment_method": _("recruitment method (Palermo keeps one a victim)"),
    "methods_of_control": _("methods of control"),
    "exploitation_types": _("forms of exploitation, of the victim and of the case"),
    "industry": _("industry"),
    "purposes": _("purposes of exploitation of the case (Palermo Protocol)"),
    "perpetrator": _("makes the person a suspect; the perpetrator's roles are not kept"),
    "case_status": _("status of the case"),
    "close_note": _("note on closing the case"),
    "event_country": _("a country of the case: origin, transit or destination by the "
                       "event's type"),
    "event_date": _("the day exploitation began, when the event is an exploitation"),
    "event_type": _("whether the event's country is of origin, transit or destination"),
    "case_reference": _("groups the rows of one case"),
    "case_title": _("title of the case"),
    "opened_on": _("the day the case was opened"),
    "close_reason": _("reason for closing the case"),
    "sensitivity": _("sensitivity of the case"),
    "classification": _("classification of the case (Palermo Protocol elements, forms of "
                        "exploitation)"),
    "countries": _("countries of the case"),
    "role": _("the person's role in the case"),
    "aliases": _("the person's other names"),
    "estimated_age": _("estimated age"),
    "other_languages": _("further languages"),
    "other_contacts": _("further contact lines"),
    "documents": _("identity documents"),
}

# Why a field is not kept, in the words of the mapping report.
NOT_KEPT: dict[str, Promise] = {
    "organisation": _("describes an organisation; Palermo keeps partner organisations in "
                      "the directory"),
    "salutation": _("Palermo keeps names without salutations"),
    "person_field": _("Palermo's record of a person has no such field"),
    "job_title": _("a position within an organisation; Palermo's record of a person has "
                   "none"),
    "address": _("Palermo keeps no postal address of a person"),
    "deprecated": _("deprecated by HTCDS 2.0"),
    "status_decider": _("Palermo records who decided the trafficking status, not the kind "
                        "of organisation"),
    "derived_age": _("Palermo derives it from the birth date and the day exploitation began, "
                     "and writes it in an export"),
    "platforms": _("Palermo's record of a victim has no field for websites and apps"),
    "location": _("a link to an organisation's record; Palermo keeps the countries of a "
                  "case, not places"),
    "case_owner": _("the case belongs to the importing user's agency"),
    "referral": _("Palermo's referrals go between agencies of this installation, with the "
                  "person's consent: make them on the person's page"),
    "comment": _("free text; Palermo keeps notes in the case's timeline, written by its "
                 "users"),
    "place": _("Palermo keeps the countries of a case, not places"),
    "support_plan": _("Palermo has no support plans"),
    "consent": _("Palermo records consent with each referral, not once for a person"),
}


def plain(text: str) -> str:
    """Text as compared: any run of spaces (no-break ones too) as one, trimmed, caseless."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Value:
    name: str
    label: str  # as the standard writes it, stray spaces included


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    section: str
    core: bool
    status: str
    type: str
    read: str
    code_list: str = ""
    values: tuple[Value, ...] = ()
    kept: str = ""  # a key of KEPT, or empty when not kept
    why: str = ""  # a key of NOT_KEPT
    table: str = ""  # a mapping vocabulary (palermo/vocab/htcds_*.yaml)
    vocabulary: str = ""  # a Palermo vocabulary whose codes are the values
    refined_by: str = ""
    exported: bool = False
    palermo: bool = False  # one of Palermo's own columns, not the standard's
    value_map: tuple[tuple[str, str], ...] = ()
    export_map: tuple[tuple[str, str], ...] = ()

    @property
    def many(self) -> bool:
        return self.read in READS_MANY

    @property
    def becomes(self) -> str:
        return str(KEPT[self.kept]) if self.kept else ""

    @property
    def reason(self) -> str:
        return str(NOT_KEPT[self.why]) if self.why else ""

    def value(self, cell: str) -> Value | None:
        """The value a cell names by its value name or its label."""
        return _value_index(self.name).get(plain(cell))


def _load(name: str) -> dict[str, Any]:
    text = resources.files("palermo.exchange").joinpath(name).read_text("utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@cache
def table() -> dict[str, Any]:
    """The standard's field table as shipped (tests compare it with the standard's files)."""
    return _load("htcds_fields.yaml")


@cache
def _palermo() -> dict[str, Any]:
    return _load("htcds_palermo.yaml")


def _read_kind(raw: dict[str, Any], treatment: dict[str, Any]) -> str:
    if "read" in treatment:
        return str(treatment["read"])
    kind, code_list = raw["type"], raw.get("code_list", "")
    if code_list == "iso639":
        return "language"
    if code_list == "iso3166":
        return "countries" if kind.startswith("Multiselect") else "country"
    return {"Date": "date", "Picklist": "picklist", "Multiselect Picklist": MULTI}.get(
        kind, "text")


@cache
def standard() -> tuple[Field, ...]:
    """Every field of the standard, in the standard's order, with Palermo's treatment."""
    treatments = _palermo()["fields"]
    fields = []
    for raw in table()["fields"]:
        treatment = treatments[raw["name"]]
        fields.append(Field(
            name=raw["name"], label=raw["label"], section=raw["section"], core=raw["core"],
            status=raw["status"], type=raw["type"], read=_read_kind(raw, treatment),
            code_list=raw.get("code_list", ""),
            values=tuple(Value(n, label) for n, label in raw.get("values", [])),
            kept=treatment.get("kept", ""), why=treatment.get("not_kept", ""),
            table=treatment.get("table", ""), vocabulary=treatment.get("vocabulary", ""),
            refined_by=treatment.get("refined_by", ""),
            exported=bool(treatment.get("exported")),
            value_map=tuple((treatment.get("values") or {}).items()),
            export_map=tuple((treatment.get("export") or {}).items())))
    return tuple(fields)


@cache
def palermo_columns() -> tuple[Field, ...]:
    return tuple(
        Field(name=raw["name"], label=raw["label"], section="Palermo", core=False, status="",
              type="", read=raw["read"], kept=raw["kept"],
              vocabulary=raw.get("vocabulary", ""), palermo=True)
        for raw in _palermo()["palermo_columns"])


@cache
def by_name() -> dict[str, Field]:
    return {f.name: f for f in (*standard(), *palermo_columns())}


def treatment(name: str) -> Field:
    return by_name()[name]


@cache
def _header_index() -> tuple[dict[str, Field], dict[str, tuple[Field, ...]]]:
    names = {plain(f.name): f for f in by_name().values()}
    for alias, name in _palermo()["aliases"].items():
        names[plain(alias)] = by_name()[name]
    labels: dict[str, tuple[Field, ...]] = {}
    for field in by_name().values():
        key = plain(field.label)
        labels[key] = (*labels.get(key, ()), field)
    return names, labels


def by_header(cell: str) -> tuple[tuple[Field, ...], str]:
    """The fields a header cell can mean and how it named them (``name`` or ``label``);
    a label several fields share (Type, Longitude, Latitude) gives all of them."""
    names, labels = _header_index()
    key = plain(cell)
    if not key:
        return (), ""
    if key in names:
        return (names[key],), "name"
    if key in labels:
        return labels[key], "label"
    return (), ""


@cache
def _value_index(field_name: str) -> dict[str, Value]:
    field = by_name()[field_name]
    index = {plain(v.label): v for v in field.values}
    index.update({plain(v.name): v for v in field.values})
    return index


def palermo_codes(field_name: str, value_name: str) -> list[str] | None:
    """What one value of a kept picklist becomes in Palermo (None: the mapping has no such
    value); an empty code (the unknown gender) becomes nothing."""
    field = by_name()[field_name]
    if field.table:
        vocabulary = registry.get(field.table)
        if value_name not in vocabulary:
            return None
        return list(vocabulary.get(value_name).extra.get("palermo_codes") or [])
    if field.vocabulary:
        return [value_name] if value_name in registry.get(field.vocabulary) else None
    mapped = dict(field.value_map)
    if value_name in mapped:
        return [mapped[value_name]] if mapped[value_name] else []
    return None


def export_value(field_name: str, code: str) -> str:
    """The value name a Palermo code is written as ("" when the standard has none)."""
    field = by_name()[field_name]
    if field.table:
        for term in registry.get(field.table):
            if code in (term.extra.get("export_codes") or []):
                return term.code
        return ""
    if field.vocabulary:
        return code if any(v.name == code for v in field.values) else ""
    return dict(field.export_map).get(code, "")


def label_of(field_name: str, value_name: str) -> str:
    """A value's label as people read it (the standard's, without its stray spaces)."""
    for value in by_name()[field_name].values:
        if value.name == value_name:
            return " ".join(value.label.split())
    return value_name


def split(cell: str) -> list[str]:
    """A multi-select cell's values: separated by semicolons, spaces around them ignored."""
    return [part.strip() for part in cell.split(SEPARATOR) if part.strip()]


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 is A, 26 is AA."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


CODE_PAIR = re.compile(r"^(?P<key>[a-z_]+):(?P<code>[A-Za-z0-9_.-]+)$")
