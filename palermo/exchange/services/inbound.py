"""A case report arrives (as a file or over HTTP): it is read, checked against its schema and
our vocabularies, its signature verified against the trust store, and kept for review; the
same message twice changes nothing. Accepting it creates or updates the case linked to the
sender's reference in one transaction, with proposed duplicate persons confirmed by the user,
never merged silently."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.cases.services import cases, duplicates, persons, reading
from palermo.exchange import keys, message, sealing
from palermo.exchange.models import CaseReport, Direction, LinkedCase, MessageState, Partner
from palermo.exchange.services import access, outbound, receipts, vocabulary
from palermo.exchange.services.common import require
from palermo.exchange.services.partners import trusted_keys
from palermo.web import badinput

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.cases.models import Case


def _refuse(exc: message.MessageError) -> ServiceError:
    """The first few places at fault, each with its JSON path."""
    shown = exc.errors[:5] or [str(exc)]
    more = len(exc.errors) - len(shown)
    text = "; ".join(shown) + (_(" (and %(n)d more)") % {"n": more} if more > 0 else "")
    return ServiceError(text, field=exc.path or "message")


def unseal(raw: bytes) -> bytes:
    """A message sealed to one of our agencies, opened; any other bytes as they came."""
    if len(raw) > message.MAX_BYTES or sealing.SEALED.encode() not in raw[:4096]:
        return raw
    try:
        envelope = badinput.loads(raw)
        if not sealing.is_sealed(envelope):
            return raw
        return sealing.open_sealed(envelope, keys.sealing_keys())
    except ValueError:
        return raw  # not JSON, or nested too deep: parse() says where
    except message.MessageError as exc:
        raise _refuse(exc) from None


def read(raw: bytes) -> tuple[dict[str, Any], Partner]:
    """The message, valid and signed by a trusted partner, or a ServiceError saying why."""
    raw = unseal(raw)
    try:
        data = message.parse(raw)
        message.validate(data)
        key_id = message.verify(data, trusted_keys())
        vocabulary.check(data)
    except message.MessageError as exc:
        raise _refuse(exc) from None
    addressed = [r for r in data["recipients"]
                 if agencies.listing().filter(name=r["agency"], country=r["country"]).exists()]
    if not addressed:
        raise ServiceError(_("The message is not addressed to an agency of this "
                             "installation."), field="$.recipients")
    return data, Partner.objects.get(key_id=key_id)


def receive(raw: bytes, *, via: str, actor: User | None = None,
            request: HttpRequest | None = None) -> tuple[CaseReport, bool]:
    """Keep a received message for review; (the report, whether it is new)."""
    if actor is not None:
        require(actor, "exchange.receive")
    data, partner = read(raw)
    existing = CaseReport.objects.filter(direction=Direction.IN,
                                         message_id=data["message_id"]).first()
    if existing is not None:
        if existing.content != data:
            raise ServiceError(_("Another message with this id was received before; this one "
                                 "differs from it and is refused."), field="$.message_id")
        return existing, False
    with transaction.atomic():
        report = CaseReport.objects.create(
            direction=Direction.IN, message_id=data["message_id"],
            sender_agency=data["sender"]["agency"], sender_country=data["sender"]["country"],
            recipients=data["recipients"], handling_code=data["handling"]["code"],
            case_reference=data["case"]["reference"], content=data, partner=partner,
            state=MessageState.RECEIVED, created_by=actor)
        audit.record("exchange.receive", actor=actor, request=request, object_type="case_report",
                     object_id=report.pk,
                     detail={"message_id": report.message_id, "via": via,
                             "sender": f"{partner.agency} ({partner.country})",
                             "persons": len(data["case"]["persons"])})
    return report, True


def inbox(user: User) -> QuerySet[CaseReport]:
    require(user, "exchange.view")
    return CaseReport.objects.filter(direction=Direction.IN).defer("content")


def outbox(user: User) -> QuerySet[CaseReport]:
    require(user, "exchange.view")
    return CaseReport.objects.filter(direction=Direction.OUT,
                                     sender_agency=user.agency.name).defer("content")


def open_report(report: CaseReport, *, actor: User, request: HttpRequest | None = None,
                reason: str = "") -> access.ReportView:
    """A report names persons: the user sees what the rules let them, and the read is
    audited (see services/access.py)."""
    require(actor, "exchange.view")
    return access.view(actor, report, request=request, reason=reason)


def signed_file(report: CaseReport, *, actor: User, request: HttpRequest | None = None,
                reason: str = "") -> bytes:
    """The file that travels, for a user who may see everything in it."""
    require(actor, "exchange.view")
    access.may_take_file(actor, report, request=request, reason=reason)
    return outbound.as_file(report)


def _birth(person: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(person["birth_date"]) if person.get("birth_date") else None


def may_review(report: CaseReport, user: User) -> bool:
    """Whether ``user`` may accept or reject ``report`` now: the pages offer the review, and
    ``accept`` and ``reject`` refuse, on this one answer."""
    return report.is_reviewable() and user.has_perm("exchange.receive")


def proposals(report: CaseReport, *, actor: User, seen: access.ReportView | None = None
              ) -> dict[str, list[duplicates.Candidate]]:
    """For each received person whose identity the user sees: the local persons likely to be
    the same. None for the others: a match found by a name the user may not read would
    tell them who it is."""
    require(actor, "exchange.receive")
    seen = seen or access.judge(actor, report)
    found = {}
    for person in seen.persons:
        if person.shows_identity and person.entry.get("names"):
            entry = person.entry
            found[person.ref] = duplicates.candidates(
                actor, entry["names"], _birth(entry), entry.get("nationalities"))
    return found


def _new_person(entry: dict[str, Any], report: CaseReport) -> persons.NewPerson:
    names = entry.get("names") or [
        _("[identity withheld by %(country)s: %(ref)s]")
        % {"country": report.sender_country, "ref": entry["ref"]}]
    return persons.NewPerson(
        names=names, birth_date=_birth(entry), estimated_age=entry.get("estimated_age"),
        sex=entry.get("sex", ""), nationalities=entry.get("nationalities", []),
        languages=entry.get("languages", []), contacts=entry.get("contacts", []),
        documents=[{"kind": d.get("kind", "passport"), "number": d["number"],
                    "issuing_country": d["issuing_state"]} for d in entry.get("documents", [])])


def _case_for(report: CaseReport, actor: User, request: HttpRequest | None
              ) -> tuple[Case, LinkedCase]:
    content = report.content["case"]
    link = LinkedCase.objects.select_for_update().filter(
        sender_country=report.sender_country, sender_reference=report.case_reference).first()
    if link is not None:
        case, _sight = reading.get_openable(actor, link.case_id)
        return case, link
    summary = _("Reported by %(agency)s (%(country)s), their reference %(ref)s.") % {
        "agency": report.sender_agency, "country": report.sender_country,
        "ref": report.case_reference}
    classification = content.get("classification") or {}
    case = cases.open_case(
        actor=actor, title=content["title"], request=request,
        summary=f"{summary}\n\n{content.get('summary', '')}".strip(),
        classification={"palermo_acts": classification.get("acts", []),
                        "palermo_means": classification.get("means", []),
                        "palermo_purposes": classification.get("purposes", []),
                        "exploitation_types": content.get("exploitation_types", [])},
        countries=content.get("countries") or {}, tags=["exchange"],
        sensitivity=access.sensitivity(report))
    link = LinkedCase.objects.create(sender_country=report.sender_country,
                                     sender_reference=report.case_reference, case_id=case.pk)
    return case, link


def accept(report: CaseReport, *, actor: User, matches: dict[str, int | None],
           request: HttpRequest | None = None) -> Case:
    """Create or update the linked case. ``matches`` maps a sender's person ref to the local
    person the user confirmed as the same (one of the proposals), or None for a new one."""
    require(actor, "exchange.receive")
    if not report.is_reviewable():
        raise ServiceError(_("Only a received report waiting for review is accepted."),
                           field="state")
    offered = {ref: {c.person.pk: c.person for c in found}
               for ref, found in proposals(report, actor=actor).items()}
    with transaction.atomic():
        case, link = _case_for(report, actor, request)
        for entry in report.content["case"]["persons"]:
            ref = entry["ref"]
            if ref in link.persons:
                continue  # an update of the sender's case: this person came before
            chosen = matches.get(ref)
            if chosen is not None and chosen not in offered.get(ref, {}):
                raise ServiceError(_("Person %(ref)s: the confirmed match is not one of the "
                                     "proposals.") % {"ref": ref}, field=f"match_{ref}")
            added = persons.add_to_case(
                case, _new_person(entry, report), entry["role"], actor=actor, request=request,
                existing=offered[ref][chosen] if chosen is not None else None,
                exploitation_started_on=dt.date.fromisoformat(
                    entry["victim"]["exploitation_started_on"])
                if entry.get("victim", {}).get("exploitation_started_on") else None)
            context = {k: v for k, v in (entry.get("victim") or {}).items()
                       if k in vocabulary.VICTIM_CODES and k != "trafficking_status"}
            if context:
                persons.update_victim_context(added, actor=actor, version=added.version,
                                              request=request, **context)
            link.persons[ref] = added.pk
        link.save(update_fields=["persons"])
        CaseReport.objects.filter(pk=report.pk).update(
            state=MessageState.ACCEPTED, case_id=case.pk, persons=[
                {"ref": r, "case_person": pk} for r, pk in link.persons.items()],
            reviewed_by=actor, reviewed_at=timezone.now())
        audit.record("exchange.accept", actor=actor, request=request, object_type="case_report",
                     object_id=report.pk,
                     detail={"case": case.reference, "message_id": report.message_id,
                             "matched": {r: m for r, m in matches.items() if m}})
    report.refresh_from_db()
    receipts.deliver(report, actor=actor)
    return case


def reject(report: CaseReport, *, actor: User, reason: str,
           request: HttpRequest | None = None) -> CaseReport:
    require(actor, "exchange.receive")
    if not report.is_reviewable():
        raise ServiceError(_("Only a received report waiting for review is rejected."),
                           field="state")
    if not reason.strip():
        raise ServiceError(_("Say why the report is rejected."), field="reason")
    with transaction.atomic():
        CaseReport.objects.filter(pk=report.pk).update(
            state=MessageState.REJECTED, state_reason=reason.strip(), reviewed_by=actor,
            reviewed_at=timezone.now())
        audit.record("exchange.reject", actor=actor, request=request, object_type="case_report",
                     object_id=report.pk, reason=reason.strip())
    report.refresh_from_db()
    receipts.deliver(report, actor=actor)
    return report
