import datetime as dt

from ninja import Schema


class AuditEventOut(Schema):
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


class ChainReportOut(Schema):
    ok: bool
    checked: int
    broken_seq: int | None
    problem: str
