"""A screening check: the query against every list, an audit entry per check, and an alert
per hit for the agency that owns the record, written together."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.screening import alerts, outbox
from palermo.screening.engine import mrz as mrz_engine
from palermo.screening.services import registries
from palermo.screening.services.lookups import check_documents, check_vehicles
from palermo.screening.services.persons import check_person
from palermo.screening.services.query import MAX_NAME, Query, Result, birth_date

if TYPE_CHECKING:
    from palermo.access.models import User


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
    check_documents(query.document_number, query.issuing_state, result.hits)
    check_vehicles(query, result.hits, result.warnings)
    check_person(query, result.hits)
    result.hits.sort(key=lambda h: -h.score)
    result.took_ms = round((time.perf_counter() - started) * 1000, 2)
    _record(user, query, result, post, reason, request)
    registries.tell_hit_listeners(user, [hit for hit in result.hits if hit.notice], post,
                                  request)
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
