"""Screening: one query (an MRZ, a document number, a VIN or plate, a name) against every
watch list, with an explanation per hit, an audit entry per check, and an alert per hit for
the agency that owns the record."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.db import connection, transaction
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.screening import alerts, outbox, person_keys
from palermo.screening.engine import mrz as mrz_engine
from palermo.screening.engine.documents import confusable_variants, normalise, vin_problem
from palermo.screening.engine.names import DEFAULT_THRESHOLD, explain_names
from palermo.screening.models import WatchedDocument, WatchedPerson, WatchedVehicle
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

MAX_NAME = 300
MAX_QUERY = 400
_YEAR = re.compile(r"[0-9]{4}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Query:
    mrz: str = ""
    document_number: str = ""
    issuing_state: str = ""
    vin: str = ""
    plate: str = ""
    plate_country: str = ""
    name: str = ""
    birth_date: str | None = None
    nationality: str | None = None
    sex: str | None = None


@dataclass
class Hit:
    kind: str
    score: float
    record: dict[str, Any]
    explanation: list[str]
    action: str = ""
    notice: dict[str, Any] | None = None


@dataclass
class Result:
    hits: list[Hit] = field(default_factory=list)
    mrz: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    took_ms: float = 0.0


def interpret(text: str) -> Query:
    """What the single field of the border page holds: an MRZ, a VIN, a number or a name."""
    text = text.strip()
    if not text:
        raise ServiceError(_("Type or scan something to check."), field="q")
    if len(text) > MAX_QUERY:
        raise ServiceError(_("At most %(n)d characters.") % {"n": MAX_QUERY}, field="q")
    compact = text.replace("\n", "").replace("\r", "")
    if "<" in compact and len(compact) >= 60:
        return Query(mrz=text)
    packed = normalise(text)
    if len(packed) == 17 and not vin_problem(packed):
        return Query(vin=packed)
    if any(c.isdigit() for c in packed) and 5 <= len(packed) <= 14 and " " not in text:
        return Query(document_number=packed)
    return Query(name=text)


def birth_date(value: str | None) -> str | None:
    """A queried birth date as the matcher compares it: a real day ``YYYY-MM-DD`` or a year
    ``YYYY``. Anything else is refused rather than ignored: the matcher would pass over a
    date it cannot read, and a true match would lose the score an agreeing date gives it."""
    text = (value or "").strip()
    if not text:
        return None
    if _YEAR.fullmatch(text):
        return text
    if _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise ServiceError(_("Give the birth date as YYYY-MM-DD or as a year (YYYY), not "
                         "“%(value)s”.") % {"value": text[:20]}, field="birth_date")


def _person_record(person: WatchedPerson) -> dict[str, Any]:
    return {"id": person.pk, "names": person.names, "birth_date": str(person.birth_date or ""),
            "nationalities": person.nationalities, "sex": person.sex,
            "reason": person.reason, "owner": person.owner_agency.name,
            "source": person.source, "case": person.case_reference,
            "owner_id": person.owner_agency_id}


_DOCUMENT_COLUMNS = ("id", "number", "issuing_state", "kind", "status", "source", "reported_on",
                     "owner_id", "owner")


def _find_documents(numbers: list[str]) -> list[dict[str, Any]]:
    """The listed documents with any of ``numbers``, with their owner's name: one query on
    the index of number. Plain SQL, because building the ORM's query cost several times
    what the database takes to answer it, on every check at the border."""
    documents = WatchedDocument._meta.db_table
    owner_model = cast("type[Model]", WatchedDocument._meta.get_field("owner_agency").related_model)
    owners = owner_model._meta.db_table
    marks = ", ".join(["%s"] * len(numbers))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, d.number, d.issuing_state, d.kind, d.status, d.source, "  # noqa: S608 -- our own tables; values are parameters
            f"d.reported_on, d.owner_agency_id, a.name FROM {documents} d "
            f"JOIN {owners} a ON a.id = d.owner_agency_id WHERE d.number IN ({marks})",
            numbers)
        return [dict(zip(_DOCUMENT_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


def _check_documents(number: str, state: str, hits: list[Hit]) -> None:
    number = normalise(number)
    if not number:
        return
    state = state.upper()
    # One query for the number and its misreadings.
    found = _find_documents([number, *confusable_variants(number)])
    exact = [d for d in found if d["number"] == number
             and (not state or d["issuing_state"] == state)]
    near = [d for d in found if d["number"] != number]
    statuses = registry.get("document_statuses")
    for document in exact:
        hits.append(Hit("document", 1.0, _document_record(document), [
            _("Document %(number)s issued by %(state)s is %(status)s.") % {
                "number": document["number"], "state": document["issuing_state"],
                "status": statuses.get(document["status"]).label(get_language() or "en")}],
            _("Hold the document and the traveller; call the owning agency.")))
    for document in near:
        hits.append(Hit("document", 0.8, _document_record(document), [
            _("Near match: %(listed)s differs from %(read)s by one character that is easy "
              "to misread. Check the document by eye.")
            % {"listed": document["number"], "read": number}],
            _("Compare the number on the document with the listed one.")))


def _document_record(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "number": row["number"], "issuing_state": row["issuing_state"],
            "kind": row["kind"], "status": row["status"], "owner": row["owner"],
            "source": row["source"], "reported_on": str(row["reported_on"] or ""),
            "owner_id": row["owner_id"]}


def _check_vehicles(query: Query, hits: list[Hit], warnings: list[str]) -> None:
    if not (query.vin or query.plate):
        return  # even an empty queryset is compiled to SQL before Django sees it is empty
    vehicles = WatchedVehicle.objects.select_related("owner_agency")
    rows: QuerySet[WatchedVehicle] = vehicles.none()
    if query.vin:
        vin = normalise(query.vin)
        problem = vin_problem(vin)
        if problem:
            warnings.append(_("VIN: %(problem)s") % {"problem": problem})
        rows = vehicles.filter(Q(vin=vin) | Q(vin__in=confusable_variants(vin)))
    elif query.plate:
        rows = vehicles.filter(plate=normalise(query.plate))
        if query.plate_country:
            rows = rows.filter(plate_country=query.plate_country.upper())
    for vehicle in rows:
        exact = vehicle.vin == normalise(query.vin) or bool(query.plate)
        hits.append(Hit("vehicle", 1.0 if exact else 0.8, {
            "id": vehicle.pk, "vin": vehicle.vin, "plate": vehicle.plate,
            "plate_country": vehicle.plate_country, "make": vehicle.make,
            "model": vehicle.model, "colour": vehicle.colour, "status": vehicle.status,
            "owner": vehicle.owner_agency.name, "owner_id": vehicle.owner_agency_id}, [
            _("Vehicle reported %(status)s.") % {"status": vehicle.status}
            if exact else _("Near match on the VIN: one easily misread character differs.")],
            _("Stop the vehicle; call the owning agency.")))


def _check_person(query: Query, hits: list[Hit]) -> None:
    name = query.name.strip()
    if not name:
        return
    if len(name) > MAX_NAME:
        raise ServiceError(_("A name has at most %(n)d characters.") % {"n": MAX_NAME},
                           field="name")
    found = person_keys.search(name, birth_date=query.birth_date,
                               nationality=query.nationality, sex=query.sex, limit=5).hits
    persons = {p.pk: p for p in WatchedPerson.objects.select_related("owner_agency")
               .filter(pk__in=[pid for pid, _score in found])}
    reasons = registry.get("watch_reasons")
    for person_id, score in found:
        if score < DEFAULT_THRESHOLD or person_id not in persons:
            continue
        person = persons[person_id]
        best = max(person.names, key=lambda n: explain_names(name, n)[0])
        _score, how = explain_names(name, best)
        explanation = [how]
        if query.birth_date and person.birth_date:
            agrees = person.birth_date.isoformat() == query.birth_date
            explanation.append(_("birth date agrees") if agrees else _("birth date differs"))
        explanation.append(_("Listed as: %(reason)s") % {
            "reason": reasons.get(person.reason).label(get_language() or "en")})
        hits.append(Hit("person", round(score, 3), _person_record(person), explanation,
                        person.action or _("Call the owning agency before letting the person "
                                           "through."), notice=notice_of(person.pk)))


def check(user: User, query: Query, *, post: str = "", reason: str = "",
          request: HttpRequest | None = None) -> Result:
    if not user.has_perm("screening.check"):
        raise NotAllowed(_("Your roles do not allow screening."))
    started = time.perf_counter()
    query.birth_date = birth_date(query.birth_date)
    result = Result()
    if query.mrz:
        parsed = mrz_engine.parse(query.mrz).translated(_)  # the engine speaks English
        result.mrz = {k: getattr(parsed, k) for k in (
            "format", "document_code", "issuing_state", "surname", "given_names",
            "document_number", "nationality", "birth_date", "sex", "expiry_date", "valid",
            "errors", "warnings")}
        if parsed.format is None:
            raise ServiceError("; ".join(parsed.errors), field="mrz")
        query.document_number = query.document_number or parsed.document_number or ""
        query.issuing_state = query.issuing_state or parsed.issuing_state or ""
        query.name = query.name or f"{parsed.given_names} {parsed.surname}".strip()
        query.birth_date = query.birth_date or parsed.birth_date
        query.nationality = query.nationality or parsed.nationality or None
        query.sex = query.sex or parsed.sex
        result.warnings += [*parsed.errors, *parsed.warnings]
        if parsed.expiry_date and parsed.expiry_date < dt.date.today().isoformat():
            result.warnings.append(_("The document expired on %(date)s.")
                                   % {"date": parsed.expiry_date})
    if not any((query.document_number, query.vin, query.plate, query.name)):
        raise ServiceError(_("Nothing to check: give an MRZ, a document, a vehicle or a name."),
                           field="query")
    _check_documents(query.document_number, query.issuing_state, result.hits)
    _check_vehicles(query, result.hits, result.warnings)
    _check_person(query, result.hits)
    result.hits.sort(key=lambda h: -h.score)
    result.took_ms = round((time.perf_counter() - started) * 1000, 2)
    _record(user, query, result, post, reason, request)
    noticed = [hit for hit in result.hits if hit.notice]
    for listener in _hit_listeners if noticed else ():
        listener(user, noticed, post, request)
    return result


def _record(user: User, query: Query, result: Result, post: str, reason: str,
            request: HttpRequest | None) -> None:
    """The check's audit entry and, on a hit, its alerts, in the group commit the process's
    concurrent checks share (audit.record's ``then``): the check answers once they are
    committed, and a failed write fails it closed. The owners' messages go afterwards, from
    the alerts as an outbox (outbox.py)."""
    summary = {"document": query.document_number, "state": query.issuing_state,
               "vin": query.vin, "plate": query.plate, "name": query.name[:100],
               "post": post, "hits": [(h.kind, h.record["id"], h.score) for h in result.hits]}
    detail = {k: v for k, v in summary.items() if v}
    raised: list[Any] = []
    if result.hits:
        read = {"document": query.document_number, "issuing_state": query.issuing_state,
                "vin": query.vin, "plate": query.plate, "name": query.name[:MAX_NAME],
                "birth_date": query.birth_date or "", "nationality": query.nationality or ""}
        raised = alerts.raise_alerts(user, result.hits, post=post, read=read)
    audit.record("screening.check", actor=user, request=request, object_type="screening",
                 reason=reason, outcome="success", detail=detail,
                 then=(lambda event: alerts.write_alerts(raised, event.seq)) if raised else None)
    outbox.hand_over([alert.pk for alert in raised])


# Another capability (notices) tells screening which notice a watched person is under; the
# lookup is registered at start-up so neither app imports the other's models.
_notice_lookup: list[Callable[[int], dict[str, Any] | None]] = []


def register_notice_lookup(lookup: Callable[[int], dict[str, Any] | None]) -> None:
    if lookup not in _notice_lookup:
        _notice_lookup.append(lookup)


# Notices hears of hits on a notice's subject (a detected trip) the same way.
_hit_listeners: list[Callable[[User, list[Hit], str, HttpRequest | None], None]] = []


def register_hit_listener(
        listener: Callable[[User, list[Hit], str, HttpRequest | None], None]) -> None:
    if listener not in _hit_listeners:
        _hit_listeners.append(listener)


def notice_of(watched_person_id: int) -> dict[str, Any] | None:
    for lookup in _notice_lookup:
        found = lookup(watched_person_id)
        if found:
            return found
    return None


def watch_person(*, names: list[str], birth_date: dt.date | None, sex: str,
                 nationalities: list[str], reason: str, action: str, owner_agency_id: int,
                 source: str) -> int:
    """Put a person on the watch list for another capability (a published notice). The
    person's name keys are filed with it (person_keys), so the next check finds it."""
    with transaction.atomic():
        person = WatchedPerson.objects.create(
            names=names, birth_date=birth_date, sex=sex, nationalities=nationalities,
            reason=reason, action=action, owner_agency_id=owner_agency_id, source=source)
    return int(person.pk)


def unwatch_person(person_id: int) -> None:
    # The person's name keys go with it (cascade), in the same transaction.
    WatchedPerson.objects.filter(pk=person_id).delete()
