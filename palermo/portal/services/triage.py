"""The coordinator's triage of the reports sent through the portal, inside the application.

Every function takes the acting user and requires ``portal.triage``. A reporter's contact
details are treated like a victim's identity: only ``portal.triage`` holders see them, and
opening a report (the only place they are shown) writes an audited read. Cases and agencies
are reached only through their own services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.cases.services import cases, reading, timeline
from palermo.portal.models import Report, ReportEntry, ReportImage
from palermo.portal.models.reports import LIMITS
from palermo.portal.services import images
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.cases.models import Case

PERMISSION = "portal.triage"


def _require(actor: User) -> None:
    if not actor.has_perm(PERMISSION):
        raise NotAllowed(_("Your roles do not allow triaging public reports."))


def queue(actor: User, status: str = "") -> QuerySet[Report]:
    _require(actor)
    reports = Report.objects.all()
    if status:
        registry.get("portal_report_statuses").get(status)
        reports = reports.filter(status=status)
    return reports.order_by("-received_at")


def count_new(actor: User) -> int:
    if not actor.has_perm(PERMISSION):
        return 0
    return Report.objects.filter(status="new").count()


def open_report(actor: User, report_id: int, *, request: HttpRequest | None = None) -> Report:
    """One report with its reporter's contact details: an audited read."""
    _require(actor)
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        raise Http404
    audit.record_read(actor, "portal_report", report.pk, request=request,
                      detail={"reference": report.reference,
                              "contact_shown": not report.anonymous})
    if report.status == "new":
        Report.objects.filter(pk=report.pk, status="new").update(
            status="in_triage", version=report.version + 1)
        report.refresh_from_db()
    return report


def get(actor: User, report_id: int) -> Report:
    """A report for an action on it (no contact details are shown from here)."""
    _require(actor)
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report


def entries(report: Report) -> list[ReportEntry]:
    return list(report.entries.all())


def image(actor: User, report_id: int, image_id: int, *, request: HttpRequest | None = None
          ) -> tuple[ReportImage, bytes]:
    _require(actor)
    found = ReportImage.objects.filter(pk=image_id, report_id=report_id).first()
    if found is None:
        raise Http404
    audit.record_read(actor, "portal_report_image", found.pk, request=request,
                      detail={"report": report_id})
    return found, images.read(found.stored_as)


def _change(report: Report, actor: User, version: int, action: str,
            request: HttpRequest | None, detail: dict[str, object], **fields: object) -> None:
    updated = Report.objects.filter(pk=report.pk, version=version).update(
        version=version + 1, **fields)
    if not updated:
        raise StaleWrite(_("Someone else changed this report meanwhile; reload and try again."))
    audit.record(action, actor=actor, request=request, object_type="portal_report",
                 object_id=report.pk, detail={"reference": report.reference, **detail})
    report.refresh_from_db()


def reply(report: Report, text: str, *, actor: User, request: HttpRequest | None = None
          ) -> ReportEntry:
    """A reply the reporter reads when they come back with their reference and phrase."""
    _require(actor)
    text = text.strip()
    if not text:
        raise ServiceError(_("A reply cannot be empty."), field="text")
    if len(text) > LIMITS["addition"]:
        raise ServiceError(_("A reply has at most %(limit)d characters.")
                           % {"limit": LIMITS["addition"]}, field="text")
    with transaction.atomic():
        entry = ReportEntry.objects.create(report=report, from_office=True, author_id=actor.pk,
                                           text=text)
        audit.record("portal.report.reply", actor=actor, request=request,
                     object_type="portal_report", object_id=report.pk,
                     detail={"reference": report.reference, "entry": entry.pk})
    return entry


def _summary(report: Report) -> str:
    parts = [_("Public report %(reference)s, received %(date)s.")
             % {"reference": report.reference, "date": report.received_at.date().isoformat()},
             report.what]
    for label, value in ((_("Where"), report.where), (_("When"), report.when),
                         (_("Who"), report.who)):
        if value:
            parts.append(f"{label}: {value}")
    return "\n\n".join(parts)


def link_case(report: Report, case_id: int, *, actor: User, version: int,
              request: HttpRequest | None = None) -> Case:
    """Add the report (without the reporter's contact details) to a case as a note."""
    _require(actor)
    case, _sight = reading.get_openable(actor, case_id)
    with transaction.atomic():
        timeline.add_note(case, _summary(report), actor=actor, request=request)
        _change(report, actor, version, "portal.report.link", request,
                {"case": case.reference}, status="linked", case_id=case.pk,
                case_reference=case.reference)
    return case


def open_case(report: Report, title: str, *, actor: User, version: int,
              request: HttpRequest | None = None) -> Case:
    _require(actor)
    with transaction.atomic():
        case = cases.open_case(actor=actor, title=title, summary=_summary(report),
                               request=request)
        _change(report, actor, version, "portal.report.open_case", request,
                {"case": case.reference}, status="case_opened", case_id=case.pk,
                case_reference=case.reference)
    return case


def refer(report: Report, agency_id: int, role: str, *, actor: User, version: int,
          request: HttpRequest | None = None) -> None:
    """Refer the report to an agency; when it belongs to a case, the agency joins the case
    in ``role`` (a code of case_agency_roles)."""
    _require(actor)
    agency = agencies.listing().filter(pk=agency_id, active=True).first()
    if agency is None:
        raise ServiceError(_("Choose an active agency."), field="agency")
    with transaction.atomic():
        if report.case_id:
            case, _sight = reading.get_openable(actor, report.case_id)
            try:
                with transaction.atomic():
                    cases.add_agency(case, agency, role, actor=actor, request=request)
            except ServiceError as exc:
                if exc.field != "agency":  # "already takes part" is fine: it is referred
                    raise
        _change(report, actor, version, "portal.report.refer", request,
                {"agency": agency.name}, status="referred", referred_to_id=agency.pk,
                referred_to_name=agency.name)


def close(report: Report, *, actor: User, version: int,
          request: HttpRequest | None = None) -> None:
    _require(actor)
    _change(report, actor, version, "portal.report.close", request, {}, status="closed")
