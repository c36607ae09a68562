"""A case leaves as a signed message: the user picks the recipients, the handling code and
the persons; victims' identities go only with the permission and an explicit tick; the
preview is exactly what leaves; the export is audited with every person included."""

from __future__ import annotations

import json
import urllib.error
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.cases.services import access, cases, persons, reading, restricted
from palermo.cases.services.access import Sight
from palermo.exchange import keys, message, sealing
from palermo.exchange.models import CaseReport, Direction, MessageState, Partner
from palermo.exchange.services import access as report_access
from palermo.exchange.services import delivery
from palermo.exchange.services.common import require
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

@dataclass
class Choice:
    partner_ids: list[int]
    handling_code: str = "H0"
    restriction: str = ""
    requested_action: str = ""
    person_ids: list[int] | None = None  # CasePerson ids; None: everyone the user sees
    identities: bool = False  # include victims' names, birth dates and documents
    documents: bool = True
    sealed: bool = False  # seal to the recipient's key, so only it can read the message
    partners: list[Partner] = field(default_factory=list)


def _check(actor: User, choice: Choice) -> None:
    require(actor, "exchange.send")
    if choice.handling_code not in registry.get("handling_codes"):
        raise ServiceError(_("Choose a handling code."), field="handling_code")
    needs = registry.get("handling_codes").get(choice.handling_code).extra.get(
        "needs_restriction")
    if needs and not choice.restriction.strip():
        raise ServiceError(_("State the restrictions that come with H3."), field="restriction")
    if choice.identities and not actor.has_perm("exchange.share_identity"):
        raise ServiceError(_("Your roles do not allow sharing victims' identities."),
                           field="identities")
    choice.partners = list(Partner.objects.filter(pk__in=choice.partner_ids, active=True))
    if not choice.partners:
        raise ServiceError(_("Choose at least one trusted partner."), field="partner_ids")
    if choice.sealed and (len(choice.partners) != 1 or not choice.partners[0].sealing_key):
        raise ServiceError(_("A sealed message goes to one partner whose sealing key is in "
                             "the trust store."), field="sealed")


def _person(card: persons.PersonCard, choice: Choice) -> tuple[dict[str, Any], bool]:
    cp, person = card.case_person, card.case_person.person
    entry: dict[str, Any] = {"ref": f"p{cp.pk}", "role": cp.role, "is_child": cp.is_child,
                             "sex": person.sex, "nationalities": person.nationalities}
    victim = cp.role == "victim"
    shares = card.sight == Sight.IDENTITY and (choice.identities or not victim)
    if shares:
        entry["names"] = [n for n in [card.name, *card.aliases] if n]
        if person.birth_date:
            entry["birth_date"] = person.birth_date.isoformat()
        if person.languages:
            entry["languages"] = person.languages
        if choice.documents:
            entry["documents"] = [
                {"kind": d.kind, "number": d.number, "issuing_state": d.issuing_country,
                 **({"expires_on": d.expires_on.isoformat()} if d.expires_on else {})}
                for d in card.documents]
            entry["contacts"] = [str(c) for c in card.contacts]
    else:
        entry["identity_withheld"] = True
    if person.estimated_age is not None and not person.birth_date:
        entry["estimated_age"] = person.estimated_age
    if victim:
        context = {"trafficking_status": cp.trafficking_status,
                   "recruitment_method": cp.recruitment_method,
                   "methods_of_control": cp.methods_of_control,
                   "relationship_to_trafficker": cp.relationship_to_trafficker,
                   "exploitation_types": cp.exploitation_types, "industry": cp.industry,
                   "exploitation_started_on": cp.exploitation_started_on.isoformat()
                   if cp.exploitation_started_on else ""}
        entry["victim"] = {k: v for k, v in context.items() if v}
    return entry, shares


def build(case_id: int, *, actor: User, choice: Choice, request: HttpRequest | None = None,
          reason: str = "") -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The unsigned message and the list of persons in it (for the audit entry)."""
    built, included, _reason = _build(case_id, actor=actor, choice=choice, request=request,
                                      reason=reason)
    return built, included


def _build(case_id: int, *, actor: User, choice: Choice, request: HttpRequest | None,
           reason: str) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    _check(actor, choice)
    case, sight = reading.get_openable(actor, case_id)
    reason = restricted.gate(actor, case, reason, request)
    cards = persons.cards(actor, case, sight, request=request, reason=reason)
    if choice.person_ids is not None:
        cards = [c for c in cards if c.case_person.pk in set(choice.person_ids)]
    entries, included = [], []
    for card in cards:
        entry, shared = _person(card, choice)
        entries.append(entry)
        included.append({"person": card.case_person.person_id, "role": card.case_person.role,
                         "identity": shared})
    classified = cases.classification_of(case)
    # The summary is users' words about the whole case: it leaves only with a user who may
    # read it, one who sees every person of the case in full.
    summary = case.summary if access.material_sight(actor, case, sight).shows([]) else ""
    built: dict[str, Any] = {
        "format": message.FORMAT, "version": message.CURRENT,
        "message_id": str(uuid.uuid4()),
        "created": timezone.now().isoformat(timespec="seconds"),
        "sender": {"agency": actor.agency.name, "country": actor.agency.country},
        "recipients": [{"agency": p.agency, "country": p.country} for p in choice.partners],
        "handling": {"code": choice.handling_code,
                     "classification": report_access.classification_for(case),
                     **({"restriction": choice.restriction.strip()}
                        if choice.restriction.strip() else {})},
        "requested_action": choice.requested_action.strip(),
        "case": {
            "reference": case.reference, "title": case.title,
            **({"summary": summary} if summary else {}),
            "opened_on": case.opened_on.isoformat(), "status": case.status,
            "classification": {"acts": classified["palermo_acts"],
                               "means": classified["palermo_means"],
                               "purposes": classified["palermo_purposes"]},
            "exploitation_types": classified["exploitation_types"],
            "countries": {k: v for k, v in cases.countries_of(case).items()
                          if k in ("origin", "transit", "destination")},
            "events": [], "persons": entries, "vehicles": [],
        },
    }
    message.validate(built)
    return built, included, reason


def export(case_id: int, *, actor: User, choice: Choice,
           request: HttpRequest | None = None, reason: str = "") -> CaseReport:
    """Sign the message with the actor's agency's key and keep it in the outbox."""
    built, included, reason = _build(case_id, actor=actor, choice=choice, request=request,
                                     reason=reason)
    signed = message.sign(built, keys.signing_key(actor.agency_id))
    with transaction.atomic():
        report = CaseReport.objects.create(
            direction=Direction.OUT, message_id=signed["message_id"],
            sender_agency=actor.agency.name, sender_country=actor.agency.country,
            recipients=signed["recipients"], handling_code=choice.handling_code,
            case_reference=signed["case"]["reference"], case_id=case_id, content=signed,
            state=MessageState.EXPORTED, persons=included, created_by=actor,
            sealed=choice.sealed,
            partner=choice.partners[0] if len(choice.partners) == 1 else None)
        audit.record("exchange.export", actor=actor, request=request, object_type="case",
                     object_id=case_id, reason=reason,
                     detail={"message_id": report.message_id, "handling": choice.handling_code,
                             "recipients": signed["recipients"], "persons": included})
    return report


def as_file(report: CaseReport) -> bytes:
    """The file that travels: the signed message, sealed to the recipient when asked."""
    plain = json.dumps(report.content, ensure_ascii=False, indent=1).encode("utf-8")
    if not report.sealed or report.partner is None:
        return plain
    key = sealing.public_key_from_text(report.partner.sealing_key)
    return sealing.as_bytes(sealing.seal(plain, key))


def send(report: CaseReport, *, actor: User, request: HttpRequest | None = None
         ) -> CaseReport:
    """Deliver to each recipient partner's inbox over HTTP, signing the request body."""
    require(actor, "exchange.send")
    wanted = {(r["agency"], r["country"]) for r in report.recipients}
    partners = [p for p in Partner.objects.filter(active=True).exclude(endpoint="")
                if (p.agency, p.country) in wanted]
    if not partners:
        raise ServiceError(_("No recipient of this message has an inbox address; send the "
                             "file instead."), field="partner")
    body = as_file(report)
    failures = []
    for partner in partners:
        try:
            delivery.post(partner.endpoint, body, agency_id=actor.agency_id)
        except (urllib.error.URLError, OSError) as exc:
            failures.append(f"{partner}: {getattr(exc, 'reason', exc)}")
    state = MessageState.FAILED if failures else MessageState.DELIVERED
    with transaction.atomic():
        CaseReport.objects.filter(pk=report.pk).update(state=state,
                                                        state_reason="; ".join(failures))
        audit.record("exchange.send", actor=actor, request=request, object_type="case",
                     object_id=report.case_id, outcome="failure" if failures else "success",
                     detail={"message_id": report.message_id,
                             "partners": [p.pk for p in partners], "failures": failures})
    report.refresh_from_db()
    return report
