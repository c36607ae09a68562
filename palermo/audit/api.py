"""Audit routes: search the log (auditors) and check its chain."""

from django.http import HttpRequest
from ninja import Query, Router

from palermo.audit import services
from palermo.audit.models import AuditEvent
from palermo.audit.schemas import AuditEventOut, AuditFilters, ChainReportOut
from palermo.guards import Permission

router = Router(tags=["audit"])


@router.get("/events", response=list[AuditEventOut], auth=Permission("audit.view"))
def events(request: HttpRequest, filters: Query[AuditFilters]) -> list[AuditEvent]:
    data = filters.dict()
    limit = max(1, min(int(data.pop("limit")), 1000))
    offset = max(0, int(data.pop("offset")))
    return list(services.search(services.AuditQuery(**data))[offset:offset + limit])


@router.get("/verify", response=ChainReportOut, auth=Permission("audit.view"))
def verify(request: HttpRequest) -> services.ChainReport:
    return services.verify_chain()
