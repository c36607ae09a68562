"""A case as FollowTheMoney entities (JSON lines), the format of OCCRP Aleph and
OpenSanctions: the case as an Event involving its persons, each Person with the identity the
user may see, their passports and other identity documents, and a link from each suspect to
each victim. Countries are ISO alpha-2 in lower case there."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pycountry
from django.http import HttpRequest

from palermo.audit import services as audit
from palermo.cases.services import access, persons, reading, restricted
from palermo.cases.services.access import Sight
from palermo.exchange.services.common import require
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

GENDER = {"M": "male", "F": "female", "X": "other"}
TRAFFICKING = "crime.traffick"


def _id(*parts: object) -> str:
    return "plm-" + hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()[:24]  # noqa: S324


def _country(code: str) -> list[str]:
    found = pycountry.countries.get(alpha_3=code)
    return [found.alpha_2.lower()] if found else []


def _entity(entity_id: str, schema: str, **properties: list[str]) -> dict[str, Any]:
    return {"id": entity_id, "schema": schema,
            "properties": {k: v for k, v in properties.items() if v}}


def _person(card: persons.PersonCard, case_reference: str, ids: dict[int, str]
            ) -> Iterator[dict[str, Any]]:
    cp, person = card.case_person, card.case_person.person
    entity_id = ids[cp.pk]
    role = registry.get("person_roles").get(cp.role).label("en")
    nationality = [c for code in person.nationalities for c in _country(code)]
    if card.sight != Sight.IDENTITY:
        yield _entity(entity_id, "Person", name=[card.label], nationality=nationality,
                      topics=[TRAFFICKING], description=[f"{role} in {case_reference}; "
                                                         "identity withheld"])
        return
    yield _entity(entity_id, "Person", name=[card.name or card.label], alias=card.aliases,
                  birthDate=[person.birth_date.isoformat()] if person.birth_date else [],
                  nationality=nationality, gender=[GENDER[person.sex]] if person.sex else [],
                  phone=[c for c in map(str, card.contacts) if c.strip().startswith("+")],
                  email=[c for c in map(str, card.contacts) if "@" in c],
                  topics=[TRAFFICKING], description=[f"{role} in {case_reference}"])
    for document in card.documents:
        schema = "Passport" if document.kind == "passport" else "Identification"
        yield _entity(_id(entity_id, document.kind, document.number), schema,
                      holder=[entity_id], number=[document.number],
                      country=_country(document.issuing_country), type=[document.kind])


def case_entities(case_id: int, *, actor: User, request: HttpRequest | None = None,
                  reason: str = "") -> list[dict[str, Any]]:
    """What the user sees of the case, as entities; each identity is an audited read, with
    the reason a highly restricted case asks for."""
    require(actor, "exchange.send")
    case, sight = reading.get_openable(actor, case_id)
    reason = restricted.gate(actor, case, reason, request)
    cards = persons.cards(actor, case, sight, request=request, reason=reason)
    # The summary is users' words about the whole case: only for one who sees everyone.
    summary = case.summary if access.material_sight(actor, case, sight).shows([]) else ""
    ids = {c.case_person.pk: _id(case.reference, c.case_person.pk) for c in cards}
    entities = [e for card in cards for e in _person(card, case.reference, ids)]
    countries = sorted({c for row in case.countries.all() for c in _country(row.country)})
    entities.append(_entity(_id(case.reference), "Event", name=[case.title],
                            summary=[summary] if summary else [],
                            startDate=[case.opened_on.isoformat()], country=countries,
                            involved=list(ids.values()), topics=[TRAFFICKING],
                            recordId=[case.reference]))
    suspects = [c for c in cards if registry.get("person_roles").get(c.case_person.role)
                .extra.get("intelligence")]
    victims = [c for c in cards if c.case_person.role == "victim"]
    for suspect in suspects:
        for victim in victims:
            entities.append(_entity(
                _id(case.reference, suspect.case_person.pk, victim.case_person.pk),
                "UnknownLink", subject=[ids[suspect.case_person.pk]],
                object=[ids[victim.case_person.pk]], role=["suspected trafficker of"]))
    audit.record("exchange.ftm_export", actor=actor, request=request, object_type="case",
                 object_id=case.pk, reason=reason, detail={"entities": len(entities)})
    return entities


def as_lines(entities: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"
                   for e in entities).encode("utf-8")
