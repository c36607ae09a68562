"""A case as FollowTheMoney entities (JSON lines), the format of OCCRP Aleph and
OpenSanctions: the case as an Event involving its persons, each Person with the identity the
user may see, their passports and other identity documents, and a link from each suspect to
each victim.

Every value is checked with followthemoney's own type for its property (phone, e-mail,
country, date, and the rest) and written as that type cleans it (countries become ISO
alpha-2 in lower case, phone numbers E.164). A value the type refuses is left out, so the
entity stays valid, and named in the export's report (``FtmExport.left_out``), which the
audit entry keeps without the values.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from followthemoney import model

from palermo.audit import services as audit
from palermo.cases.services import access, persons, reading, restricted
from palermo.cases.services.access import Sight
from palermo.exchange.services.common import require
from palermo.vocab import registry

if TYPE_CHECKING:
    from django.utils.functional import Promise
    from followthemoney.property import Property

    from palermo.access.models import User

GENDER = {"M": "male", "F": "female", "X": "other"}
TRAFFICKING = "crime.traffick"
# What a user calls the properties whose values can be refused, and why they would be.
FIELD_NAMES: dict[str, Promise] = {
    "phone": gettext_lazy("phone number"), "email": gettext_lazy("e-mail address"),
    "nationality": gettext_lazy("nationality"), "country": gettext_lazy("country"),
    "birthDate": gettext_lazy("birth date"), "startDate": gettext_lazy("opening date"),
    "number": gettext_lazy("document number"), "name": gettext_lazy("name"),
    "alias": gettext_lazy("other name"),
}
REASONS: dict[str, Promise] = {
    "phone": gettext_lazy("not a phone number in international form (+, country code, "
                          "number)"),
    "email": gettext_lazy("not an e-mail address"),
    "country": gettext_lazy("not a country code FollowTheMoney knows"),
    "date": gettext_lazy("not a date"),
}


@dataclass(frozen=True)
class LeftOut:
    """A value followthemoney's type refused, so it is not in the export."""

    entity_id: str
    schema: str
    prop: str
    type_name: str
    owner: str  # whose value, in the user's words ("Victim 1", "the case …")
    value: str

    @property
    def field(self) -> str:
        known = FIELD_NAMES.get(self.prop)
        return str(known) if known else str(_property(self.schema, self.prop).label)

    @property
    def reason(self) -> str:
        return str(REASONS.get(self.type_name, _("not a valid value for this field")))

    def __str__(self) -> str:
        return _("%(owner)s: the %(field)s “%(value)s” was left out, %(reason)s.") % {
            "owner": self.owner, "field": self.field, "value": self.value,
            "reason": self.reason}


@dataclass
class FtmExport:
    entities: list[dict[str, Any]] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    def entity(self, entity_id: str, schema: str, owner: str, **properties: list[str]) -> None:
        """Add an entity with the values its schema's types accept; report the others."""
        kept: dict[str, list[str]] = {}
        for name, values in properties.items():
            prop = _property(schema, name)
            for value in values:
                cleaned = prop.type.clean(value)
                if cleaned is None:
                    self.left_out.append(LeftOut(entity_id, schema, name, prop.type.name,
                                                 owner, str(value)))
                elif cleaned not in kept.setdefault(name, []):
                    kept[name].append(cleaned)
        self.entities.append({"id": entity_id, "schema": schema,
                              "properties": {k: v for k, v in kept.items() if v}})


def _property(schema: str, name: str) -> Property:
    spec = model.get(schema)
    prop = spec.get(name) if spec is not None else None
    if prop is None:  # a mistake in this module, not in the data
        raise LookupError(f"followthemoney has no property {schema}.{name}")
    return prop


def _id(*parts: object) -> str:
    return "plm-" + hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()[:24]  # noqa: S324


def _person(export: FtmExport, card: persons.PersonCard, case_reference: str,
            ids: dict[int, str]) -> None:
    cp, person = card.case_person, card.case_person.person
    entity_id = ids[cp.pk]
    role = registry.get("person_roles").get(cp.role).label("en")
    if card.sight != Sight.IDENTITY:
        export.entity(entity_id, "Person", card.label, name=[card.label],
                      nationality=list(person.nationalities), topics=[TRAFFICKING],
                      description=[f"{role} in {case_reference}; identity withheld"])
        return
    contacts = [c.strip() for c in map(str, card.contacts) if c.strip()]
    export.entity(entity_id, "Person", card.label, name=[card.name or card.label],
                  alias=card.aliases,
                  birthDate=[person.birth_date.isoformat()] if person.birth_date else [],
                  nationality=list(person.nationalities),
                  gender=[GENDER[person.sex]] if person.sex else [],
                  phone=[c for c in contacts if c.startswith("+")],
                  email=[c for c in contacts if "@" in c],
                  topics=[TRAFFICKING], description=[f"{role} in {case_reference}"])
    for document in card.documents:
        schema = "Passport" if document.kind == "passport" else "Identification"
        owner = _("%(kind)s of %(person)s") % {"kind": document.kind, "person": card.label}
        export.entity(_id(entity_id, document.kind, document.number), schema, owner,
                      holder=[entity_id], number=[document.number],
                      country=[document.issuing_country] if document.issuing_country else [],
                      type=[document.kind])


def case_export(case_id: int, *, actor: User, request: HttpRequest | None = None,
                reason: str = "") -> FtmExport:
    """What the user sees of the case, as entities, with the report of the values left out;
    each identity is an audited read, with the reason a highly restricted case asks for."""
    require(actor, "exchange.send")
    case, sight = reading.get_openable(actor, case_id)
    reason = restricted.gate(actor, case, reason, request)
    cards = persons.cards(actor, case, sight, request=request, reason=reason)
    # The summary is users' words about the whole case: only for one who sees everyone.
    summary = case.summary if access.material_sight(actor, case, sight).shows([]) else ""
    ids = {c.case_person.pk: _id(case.reference, c.case_person.pk) for c in cards}
    export = FtmExport()
    for card in cards:
        _person(export, card, case.reference, ids)
    export.entity(_id(case.reference), "Event", _("the case %(reference)s")
                  % {"reference": case.reference}, name=[case.title],
                  summary=[summary] if summary else [], startDate=[case.opened_on.isoformat()],
                  country=sorted({row.country for row in case.countries.all()}),
                  involved=list(ids.values()), topics=[TRAFFICKING], recordId=[case.reference])
    suspects = [c for c in cards if registry.get("person_roles").get(c.case_person.role)
                .extra.get("intelligence")]
    victims = [c for c in cards if c.case_person.role == "victim"]
    for suspect in suspects:
        for victim in victims:
            export.entity(
                _id(case.reference, suspect.case_person.pk, victim.case_person.pk),
                "UnknownLink", suspect.label, subject=[ids[suspect.case_person.pk]],
                object=[ids[victim.case_person.pk]], role=["suspected trafficker of"])
    audit.record("exchange.ftm_export", actor=actor, request=request, object_type="case",
                 object_id=case.pk, reason=reason,
                 detail={"entities": len(export.entities),
                         "left_out": [{"entity": item.entity_id, "property": item.prop,
                                       "type": item.type_name} for item in export.left_out]})
    return export


def case_entities(case_id: int, *, actor: User, request: HttpRequest | None = None,
                  reason: str = "") -> list[dict[str, Any]]:
    """The entities of ``case_export`` alone."""
    return case_export(case_id, actor=actor, request=request, reason=reason).entities


def left_out_header(export: FtmExport) -> str:
    """The report for an HTTP header (``X-Palermo-Left-Out``): which property of which
    entity was left out, as JSON in ASCII, without the values."""
    return json.dumps([{"entity": item.entity_id, "property": item.prop}
                       for item in export.left_out], separators=(",", ":"))


def as_lines(entities: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"
                   for e in entities).encode("utf-8")
