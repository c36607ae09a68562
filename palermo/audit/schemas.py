"""What the audit API reads and answers: entries of the log as the services return them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class AuditFilters(Schema):
    actor: str = ""
    agency: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    outcome: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 100
    offset: int = 0


class AuditEventOut(Schema):
    """An entry as it was written: who acted is the label kept with it, so an entry still
    names the account and agency after either is renamed."""

    seq: int
    at: dt.datetime
    actor: str
    agency: str
    action: str
    object_type: str
    object_id: str
    outcome: str
    ip: str | None
    reason: str
    hash: str

    @staticmethod
    def resolve_actor(event: Any) -> str:
        return str(event.actor_label)

    @staticmethod
    def resolve_agency(event: Any) -> str:
        return str(event.agency_label)


class ChainReportOut(Schema):
    ok: bool
    checked: int
    broken_seq: int | None
    problem: str
