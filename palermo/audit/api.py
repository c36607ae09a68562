"""Audit routes: search the log (auditors) and check its chain."""

import datetime as dt

from django.http import HttpRequest
from ninja import Query, Router, Schema

from palermo.audit import services
from palermo.audit.schemas import AuditEventOut, ChainReportOut
from palermo.guards import Permission

router = Router(tags=["audit"])


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


@router.get("/events", response=list[AuditEventOut], auth=Permission("audit.view"))
def events(request: HttpRequest, filters: Query[AuditFilters]) -> list[dict]:
    data = filters.dict()
    limit = max(1, min(int(data.pop("limit")), 1000))
    offset = max(0, int(data.pop("offset")))
    rows = services.search(services.AuditQuery(**data))[offset:offset + limit]
    return [
        {"seq": e.seq, "at": e.at, "actor": e.actor_label, "agency": e.agency_label,
         "action": e.action, "object_type": e.object_type, "object_id": e.object_id,
         "outcome": e.outcome, "ip": e.ip, "reason": e.reason, "hash": e.hash}
        for e in rows
    ]


@router.get("/verify", response=ChainReportOut, auth=Permission("audit.view"))
def verify(request: HttpRequest) -> services.ChainReport:
    return services.verify_chain()
