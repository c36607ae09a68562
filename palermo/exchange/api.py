"""The exchange under /api/v1/exchange/: the published schema, the inbox other
installations deliver to (authenticated by the partner's key), and the outbox and inbox of
this installation's users, through the same services as the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.security import APIKeyHeader

from palermo.access.services.errors import ServiceError
from palermo.core.api import acting_user
from palermo.exchange import message
from palermo.exchange.schemas import (
    AcceptIn,
    ExportIn,
    HtcdsExportIn,
    HtcdsExportOut,
    HtcdsFieldsOut,
    PartnerOut,
    RejectIn,
    ReportOut,
)
from palermo.exchange.services import (
    ftm,
    htcds_export,
    htcds_fields,
    htcds_import,
    htcds_read,
    inbound,
    outbound,
    partners,
    receipts,
)
from palermo.guards import Permission, Published

if TYPE_CHECKING:
    from palermo.exchange.models import CaseReport, Partner

router = Router(tags=["exchange"])


class PartnerSignature(APIKeyHeader):
    """A delivery from another installation: the body signed with a trusted partner's key
    (``X-Palermo-Key`` names it, ``X-Palermo-Signature`` carries the signature)."""

    param_name = "X-Palermo-Signature"
    permission = "exchange.partner"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        partner = partners.trusted(request.headers.get("X-Palermo-Key", ""))
        if partner is None or not key:
            return None
        # Read here, within the message limit, rather than through Django's smaller limit
        # for form data.
        raw = request.read(message.MAX_BYTES + 1)
        if len(raw) > message.MAX_BYTES:
            raise HttpError(413, f"a message is at most {message.MAX_BYTES:,} bytes")
        if not message.verify_bytes(raw, key, message.public_key_from_text(
                partner.public_key)):
            return None
        return partner, raw


@router.get("/schema/{version}", auth=Published())
def schema(request: HttpRequest, version: str) -> HttpResponse:
    """The JSON Schema (draft 2020-12) of a message version."""
    try:  # a plain document: the JSON Schema itself, as partners validate against it
        return JsonResponse(message.schema(version))
    except message.MessageError as exc:
        raise HttpError(404, str(exc)) from None


@router.post("/inbox", response={202: ReportOut}, auth=PartnerSignature())
def inbox_delivery(request: HttpRequest) -> Status[CaseReport]:
    """Another installation delivers a signed message (or its receipt for one of ours); the
    same message twice is answered with the first record and changes nothing."""
    partner, raw = cast("tuple[Partner, bytes]", request.auth)  # type: ignore[attr-defined]
    raw = inbound.unseal(raw)
    try:
        data = message.parse(raw, formats=(message.FORMAT, message.RECEIPT))
    except message.MessageError as exc:
        raise ServiceError(str(exc), field=exc.path or "message") from None
    if data["format"] == message.RECEIPT:
        return Status(202, receipts.receive(data, partner))
    report, _new = inbound.receive(raw, via="http", request=request)
    return Status(202, report)


@router.get("/partners", response=list[PartnerOut], auth=Permission("exchange.view"))
def partner_list(request: HttpRequest) -> list[Partner]:
    """The trust store."""
    return list(partners.listing(acting_user(request)))


@router.get("/reports/", response=list[ReportOut], auth=Permission("exchange.view"))
def report_list(request: HttpRequest, direction: str = "in") -> list[CaseReport]:
    found = (inbound.outbox if direction == "out" else inbound.inbox)(acting_user(request))
    return list(found[:200])


@router.get("/reports/{report_id}", auth=Permission("exchange.view"))
def report_detail(request: HttpRequest, report_id: int, reason: str = "") -> dict[str, Any]:
    """The message as the user may see it: the signed message itself when they may see all of
    it; otherwise without its signature, the persons they may not see left out, those whose
    identity they may not see marked ``identity_withheld``, and the free text left out. A
    confidential report asks ``?reason=``."""
    seen = inbound.open_report(_get(request, report_id), actor=acting_user(request),
                               request=request, reason=reason)
    return seen.content  # a plain document: the exchange message itself, in its own format


def _get(request: HttpRequest, report_id: int) -> CaseReport:
    mine = inbound.inbox(acting_user(request)) | inbound.outbox(acting_user(request))
    return get_object_or_404(mine, pk=report_id)


@router.post("/cases/{case_id}/export", response={201: ReportOut},
             auth=Permission("exchange.send"))
def case_export(request: HttpRequest, case_id: int, payload: ExportIn, reason: str = ""
                ) -> Status[CaseReport]:
    """A highly restricted case asks ``?reason=``."""
    data = payload.dict()
    send = data.pop("send")
    report = outbound.export(case_id, actor=acting_user(request),
                             choice=outbound.Choice(**data), request=request, reason=reason)
    if send:
        report = outbound.send(report, actor=acting_user(request), request=request)
    return Status(201, report)


@router.get("/cases/{case_id}/ftm", auth=Permission("exchange.send"))
def case_ftm(request: HttpRequest, case_id: int, reason: str = "") -> HttpResponse:
    """The case as FollowTheMoney entities, one JSON object a line, for Aleph. A highly
    restricted case asks ``?reason=``. Values followthemoney refuses are left out and listed
    in the header ``X-Palermo-Left-Out`` (``[{"entity", "property"}]``)."""
    export = ftm.case_export(case_id, actor=acting_user(request), request=request, reason=reason)
    response = HttpResponse(ftm.as_lines(export.entities), content_type="application/x-ndjson")
    if export.left_out:  # values followthemoney refused: which, in a header
        response["X-Palermo-Left-Out"] = ftm.left_out_header(export)
    return response


@router.post("/reports/{report_id}/accept", response=ReportOut,
             auth=Permission("exchange.receive"))
def report_accept(request: HttpRequest, report_id: int, payload: AcceptIn) -> CaseReport:
    report = _get(request, report_id)
    inbound.accept(report, actor=acting_user(request), matches=payload.matches,
                   request=request)
    report.refresh_from_db()
    return report


@router.post("/reports/{report_id}/reject", response=ReportOut,
             auth=Permission("exchange.receive"))
def report_reject(request: HttpRequest, report_id: int, payload: RejectIn) -> CaseReport:
    return inbound.reject(_get(request, report_id), actor=acting_user(request),
                          reason=payload.reason, request=request)


@router.post("/import", response={200: ReportOut, 201: ReportOut},
             auth=Permission("exchange.receive"))
def report_import(request: HttpRequest) -> Status[CaseReport]:
    """A message file (the body) brought by hand, for air-gapped exchange."""
    # Read within the message limit, rather than through Django's smaller one for forms.
    raw = request.read(message.MAX_BYTES + 1)
    if len(raw) > message.MAX_BYTES:
        raise HttpError(413, f"a message is at most {message.MAX_BYTES:,} bytes")
    if not raw:
        raise ServiceError("the body is empty: send the message file", field="body")
    report, new = inbound.receive(raw, via="file", actor=acting_user(request), request=request)
    return Status(201 if new else 200, report)


@router.get("/htcds/fields", response=HtcdsFieldsOut, auth=Permission("exchange.view"))
def htcds_field_list(request: HttpRequest) -> dict[str, Any]:
    """Every field of HTCDS 2.0 by name, with what Palermo does with it, and Palermo's own
    columns."""
    return htcds_fields.table()


@router.post("/htcds/import", auth=Permission("exchange.receive"))
def htcds_file_import(request: HttpRequest, case: str = "", dry_run: bool = False,
                      date_order: str = "") -> HttpResponse:
    """An HTCDS 2.0 file (the body, CSV) into cases, with the mapping report: 200 when every
    value is good (written unless ``dry_run``), 422 with the report's problems otherwise.
    ``case`` adds the persons to that existing case (its reference); ``date_order`` (``dmy``
    or ``mdy``) says how the file writes dates with slashes."""
    if len(case) > 32:
        raise ServiceError("a case reference has at most 32 characters", field="case")
    raw = request.read(htcds_read.MAX_BYTES + 1)
    if not raw:
        raise ServiceError("the body is empty: send the CSV file", field="body")
    report = htcds_import.import_csv(raw, actor=acting_user(request), request=request,
                                     case=case, dry_run=dry_run, date_order=date_order)
    # A plain document: the mapping report, as the ``exchange`` command writes it too.
    return JsonResponse(report.as_dict(), status=422 if report.problems else 200)


@router.post("/htcds/export", response=HtcdsExportOut, auth=Permission("exchange.send"))
def htcds_file_export(request: HttpRequest, payload: HtcdsExportIn, reason: str = ""
                      ) -> htcds_export.Export:
    """One case (``case``, its reference) or the cases a search finds, as an HTCDS 2.0 file:
    the CSV in ``content`` and the export report (whose identities were left out, and why).
    A highly restricted case asks ``?reason=``."""
    user = acting_user(request)
    ids = htcds_export.select(user, reference=payload.case, query=payload.query,
                              status=payload.status, exploitation=payload.exploitation)
    return htcds_export.export(ids, actor=user, request=request,
                               identities=payload.identities, labels=payload.labels,
                               reason=reason)
