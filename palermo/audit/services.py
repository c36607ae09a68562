"""Writing, checking and searching the audit log.

Every other capability records through :func:`record` (or :func:`record_read` for a read of
a person's record); nothing else writes the table.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from palermo.audit import group_commit
from palermo.audit.models import AuditEvent, Outcome

if TYPE_CHECKING:
    from palermo.access.models import User

GENESIS = "0" * 64
# Any constant works; it only has to be the same for every writer of the chain.
_CHAIN_LOCK_KEY = 7_242_000_001


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    from django.conf import settings

    proxies = settings.PALERMO_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _digest(fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _hashed_fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "at": event.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "agency_label": event.agency_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": event.outcome,
        "ip": event.ip,
        "reason": event.reason,
        "detail": event.detail,
        "prev_hash": event.prev_hash,
    }


def compute_hash(event: AuditEvent) -> str:
    return _digest(_hashed_fields(event))


def _lock_chain() -> tuple[int, str]:
    """Serialise writers of the chain and return its last (seq, hash), inside a transaction.
    Plain SQL: the ORM's query building cost more than the query on every audited request."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
        cursor.execute(f"SELECT seq, hash FROM {AuditEvent._meta.db_table} "  # noqa: S608 -- our table
                       "ORDER BY seq DESC LIMIT 1")
        last = cursor.fetchone()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def _append(events: Sequence[AuditEvent],
            extras: Sequence[Callable[[], object]] = ()) -> None:
    """Chain ``events`` after the last entry and write them in one statement; then the
    ``extras`` (writes the entries brought), in the same transaction."""
    with transaction.atomic():
        seq, prev_hash = _lock_chain()
        at = timezone.now().astimezone(dt.UTC)
        for event in events:
            seq += 1
            event.seq, event.at, event.prev_hash = seq, at, prev_hash
            event.hash = prev_hash = compute_hash(event)
        _insert(events)
        for extra in extras:
            extra()


_COLUMNS = ("seq", "at", "actor_id", "actor_label", "agency_label", "action", "object_type",
            "object_id", "outcome", "ip", "reason", "detail", "prev_hash", "hash")


# The columns whose database form is not the value itself: the field's own preparation makes
# it (a time, an address, JSON), as the ORM would. The rest are numbers and text, passed as
# they are; preparing all fourteen cost more than the INSERT on every check at the border.
_PREPARED = ("at", "ip", "detail")


def _insert(events: Sequence[AuditEvent]) -> None:
    """One INSERT of every entry, without the ORM's query building."""
    by_column = {f.column: f for f in AuditEvent._meta.concrete_fields}
    prepare = {name: by_column[name].get_db_prep_save for name in _PREPARED}
    values: list[Any] = []
    for event in events:
        for name in _COLUMNS:
            value = getattr(event, name)
            values.append(prepare[name](value, connection) if name in prepare else value)
    row = "(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {AuditEvent._meta.db_table} ({', '.join(_COLUMNS)}) "  # noqa: S608 -- our table and columns
            f"VALUES {', '.join([row] * len(events))} RETURNING id", values)
        for event, (pk,) in zip(events, cursor.fetchall(), strict=True):
            event.pk = pk
            event._state.adding = False


def _event(action: str, *, actor: User | None, request: HttpRequest | None,
           object_type: str, object_id: object, outcome: str, reason: str,
           detail: dict[str, Any] | None, actor_label: str) -> AuditEvent:
    agency = getattr(actor, "agency", None) if actor is not None else None
    return AuditEvent(
        actor=actor,
        actor_label=(actor.email if actor is not None else (actor_label or "system"))[:254],
        agency_label=(agency.name if agency is not None else "")[:200],
        action=action,
        object_type=object_type,
        object_id=str(object_id) if object_id not in (None, "") else "",
        outcome=str(outcome),
        ip=client_ip(request),
        reason=reason,
        detail=detail or {},
    )


def record(
    action: str,
    *,
    actor: User | None = None,
    request: HttpRequest | None = None,
    object_type: str = "",
    object_id: object = "",
    outcome: str = Outcome.SUCCESS,
    reason: str = "",
    detail: dict[str, Any] | None = None,
    actor_label: str = "",
    then: group_commit.Then | None = None,
) -> AuditEvent:
    """Append one entry to the chain. Call it inside the transaction of the change it records,
    so the change and its entry are kept or lost together. Outside a transaction the entry
    joins a group commit (see group_commit) and is committed when this returns; ``then``
    (given the chained entry) makes the change's writes in that same commit, so a change
    need not open a transaction of its own to be kept or lost with its entry."""
    request_user = getattr(request, "user", None)
    if actor is None and request_user is not None and request_user.is_authenticated:
        actor = request_user
    event = _event(action, actor=actor, request=request, object_type=object_type,
                   object_id=object_id, outcome=outcome, reason=reason, detail=detail,
                   actor_label=actor_label)
    if transaction.get_connection().in_atomic_block:
        _append([event], [functools.partial(then, event)] if then else [])
    else:
        group_commit.append(event, _append, then)
    return event


def record_read(
    actor: User, object_type: str, object_id: object, *, request: HttpRequest | None = None,
    reason: str = "", detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """A user saw a person's record (or another sensitive record)."""
    return record(
        f"{object_type}.read", actor=actor, request=request, object_type=object_type,
        object_id=object_id, reason=reason, detail=detail,
    )


def count() -> int:
    return AuditEvent.objects.count()


def all_events() -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)


def record_reads(
    actor: User, object_type: str, reads: Sequence[tuple[object, dict[str, Any]]], *,
    request: HttpRequest | None = None, reason: str = "",
) -> list[AuditEvent]:
    """One entry per record read (``(object_id, detail)`` pairs), chained and written in one
    statement: a page showing twenty persons costs two queries, not eighty."""
    if not reads:
        return []
    events = [
        _event(f"{object_type}.read", actor=actor, request=request, object_type=object_type,
               object_id=object_id, outcome=Outcome.SUCCESS, reason=reason, detail=detail,
               actor_label="")
        for object_id, detail in reads
    ]
    _append(events)
    return events


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_seq: int | None = None
    problem: str = ""


def verify_chain(events: Iterable[AuditEvent] | None = None) -> ChainReport:
    """Recompute every hash in order and name the first entry that does not fit."""
    if events is None:
        events = all_events()
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    for event in events:
        if event.seq != expected_seq:
            what = "deleted" if event.seq > expected_seq else "out of order"
            return ChainReport(
                False, checked, expected_seq,
                f"entry {expected_seq} is missing ({what}): the next entry is {event.seq}",
            )
        if event.prev_hash != prev_hash:
            return ChainReport(
                False, checked, event.seq,
                f"entry {event.seq} does not follow entry {event.seq - 1}: "
                "its previous hash differs (inserted or replaced)",
            )
        if compute_hash(event) != event.hash:
            return ChainReport(
                False, checked, event.seq,
                f"entry {event.seq} was changed after it was written: its hash does not match",
            )
        prev_hash, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
    return ChainReport(True, checked)


@dataclass
class AuditQuery:
    actor: str = ""
    agency: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    outcome: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


def search(query: AuditQuery) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.all()
    if query.actor:
        events = events.filter(actor_label__icontains=query.actor)
    if query.agency:
        events = events.filter(agency_label__icontains=query.agency)
    if query.action:
        events = events.filter(Q(action=query.action) | Q(action__startswith=f"{query.action}."))
    if query.object_type:
        events = events.filter(object_type=query.object_type)
    if query.object_id:
        events = events.filter(object_id=query.object_id)
    if query.outcome:
        events = events.filter(outcome=query.outcome)
    if query.since:
        events = events.filter(at__date__gte=query.since)
    if query.until:
        events = events.filter(at__date__lte=query.until)
    return events.order_by("-seq")


CSV_COLUMNS = [
    "seq", "at", "actor_label", "agency_label", "action", "object_type", "object_id",
    "outcome", "ip", "reason", "hash",
]


def export_csv(
    query: AuditQuery, *, actor: User, request: HttpRequest | None = None
) -> Iterator[str]:
    """Rows of CSV text; the export itself is recorded first, with the filters used."""
    filters = {k: str(v) for k, v in query.__dict__.items() if v}
    record("audit.export", actor=actor, request=request, object_type="audit", detail=filters)
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for event in search(query).iterator(chunk_size=2000):
        writer.writerow([
            event.seq, event.at.isoformat(), event.actor_label, event.agency_label,
            event.action, event.object_type, event.object_id, event.outcome, event.ip or "",
            event.reason, event.hash,
        ])
        yield flush()
