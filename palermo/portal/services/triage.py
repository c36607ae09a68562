"""The coordinator's triage of the reports sent through the portal, inside the application.

Every function takes the acting user and requires ``portal.triage``. A reporter's contact
details are treated like a victim's identity: only ``portal.triage`` holders see them, and
opening a report (the only place they are shown) writes an audited read. Cases and agencies
are reached only through their own services.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.cases.services import cases, reading
from palermo.core.versioned import save_versioned
from palermo.messaging.services import notify_agency
from palermo.portal.models import Report, ReportEntry, ReportImage
from palermo.portal.models.reports import LIMITS
from palermo.portal.services import images, into_case
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import Agency, User
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
    return into_case.with_pending(reports).order_by("-received_at")


def count_new(actor: User) -> int:
    if not actor.has_perm(PERMISSION):
        return 0
    return Report.objects.filter(status="new").count()


def count_with_additions(actor: User) -> int:
    """Reports in a case to which the reporter added something the case does not have."""
    if not actor.has_perm(PERMISSION):
        return 0
    return Report.objects.filter(into_case.has_pending()).count()


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
    save_versioned(report, version, fields, actor=actor, request=request, action=action,
                   object_type="portal_report", detail={"reference": report.reference, **detail},
                   stale=_("Someone else changed this report meanwhile. The page now shows it "
                           "as it stands: check it, then try again."))


def reply(report: Report, text: str, *, actor: User, request: HttpRequest | None = None
          ) -> ReportEntry:
    """A reply the reporter reads when they come back with their reference and phrase."""
    _require(actor)
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ServiceError(_("Write the reply to the reporter."), field="text")
    if len(text) > LIMITS["addition"]:
        raise ServiceError(_("A reply has at most %(limit)d characters; this one has "
                             "%(length)d.") % {"limit": LIMITS["addition"],
                                               "length": len(text)}, field="text")
    with transaction.atomic():
        entry = ReportEntry.objects.create(report=report, from_office=True, author_id=actor.pk,
                                           text=text)
        audit.record("portal.report.reply", actor=actor, request=request,
                     object_type="portal_report", object_id=report.pk,
                     detail={"reference": report.reference, "entry": entry.pk})
    return entry


def _carried_detail(case: Case, carried: into_case.Carried) -> dict[str, object]:
    return {"case": case.reference, "additions": carried.additions, "photos": carried.photos}


def link_case(report: Report, case_id: int, *, actor: User, version: int,
              request: HttpRequest | None = None) -> tuple[Case, into_case.Carried]:
    """Add the report, every addition and every photo (never the reporter's contact
    details) to a case as its notes and documents."""
    _require(actor)
    case, _sight = reading.get_openable(actor, case_id)
    with transaction.atomic():
        carried = into_case.carry(report, case, actor=actor, with_report=True,
                                  request=request)
        _change(report, actor, version, "portal.report.link", request,
                _carried_detail(case, carried), status="linked", case_id=case.pk,
                case_reference=case.reference)
    return case, carried


def open_case(report: Report, title: str, *, actor: User, version: int,
              request: HttpRequest | None = None) -> tuple[Case, into_case.Carried]:
    """A new case with the report as its summary and the reporter's additions and photos as
    its notes and documents."""
    _require(actor)
    with transaction.atomic():
        case = cases.open_case(actor=actor, title=title, summary=into_case.summary(report),
                               request=request)
        carried = into_case.carry(report, case, actor=actor, with_report=False,
                                  request=request)
        _change(report, actor, version, "portal.report.open_case", request,
                _carried_detail(case, carried), status="case_opened", case_id=case.pk,
                case_reference=case.reference)
    return case, carried


def carry_new(report: Report, *, actor: User, version: int,
              request: HttpRequest | None = None) -> tuple[Case, into_case.Carried]:
    """What the reporter added since the report reached its case, into that case."""
    _require(actor)
    if report.case_id is None:
        raise ServiceError(_("This report is not in a case yet: open a case from it or link "
                             "it to one."))
    case, _sight = reading.get_openable(actor, report.case_id)
    if not into_case.pending(report):
        raise ServiceError(_("Everything the reporter sent is already in case %(case)s.")
                           % {"case": case.reference})
    with transaction.atomic():
        carried = into_case.carry(report, case, actor=actor, with_report=False,
                                  request=request)
        _change(report, actor, version, "portal.report.to_case", request,
                _carried_detail(case, carried))
    return case, carried


@dataclass(frozen=True)
class Referred:
    """Where a referral left the report, for the confirmation."""

    agency: str
    case_reference: str
    role: str  # the agency's role in the case, in the reader's language; "" without a case
    joined: bool  # the agency joined the case now (rather than taking part already)


def _referral_text(report: Report, agency: Agency, actor: User, case: Case | None,
                   role: str) -> str:
    values = {"office": actor.agency.name, "reference": report.reference,
              "agency": agency.name}
    if case is not None and role:
        return _("%(office)s referred public report %(reference)s to %(agency)s. The report, "
                 "with what the reporter added and their photos, is in case %(case)s, in which "
                 "%(agency)s takes part as %(role)s: open the case to read it.") % {
            **values, "case": case.reference, "role": role}
    if case is not None:
        return _("%(office)s referred public report %(reference)s to %(agency)s. The report, "
                 "with what the reporter added and their photos, is in case %(case)s, in which "
                 "%(agency)s takes part: open the case to read it.") % {
            **values, "case": case.reference}
    parts = [_("%(office)s referred public report %(reference)s to %(agency)s. What the "
               "reporter wrote follows; their contact details, if they gave any, stay with "
               "%(office)s.") % values, into_case.summary(report)]
    parts += [_("The reporter added on %(date)s:") % {"date": e.at.date().isoformat()}
              + "\n" + e.text for e in report.entries.filter(from_office=False)
              if e.text != into_case.PHOTOS_ONLY]
    photos = report.images.count()
    if photos:
        parts.append(ngettext("The report has %(count)d photo: ask %(office)s for it.",
                              "The report has %(count)d photos: ask %(office)s for them.",
                              photos) % {"count": photos, "office": actor.agency.name})
    return "\n\n".join(parts)


def refer(report: Report, agency_id: int | None, role: str, *, actor: User, version: int,
          request: HttpRequest | None = None) -> Referred:
    """Refer the report to an agency, whose users are sent a message about it. When the
    report belongs to a case, the agency joins the case in ``role`` (a code of
    case_agency_roles) and reads the report there."""
    _require(actor)
    agency = agencies.listing().filter(pk=agency_id, active=True).first() \
        if agency_id else None
    # The page's form asks for both at once; these guard the service's other callers.
    if agency is None:
        raise ServiceError(_("Choose the agency to refer the report to."), field="agency")
    if report.case_id and not role:
        raise ServiceError(_("Choose the agency's role in the case."), field="role")
    language = (get_language() or "en")[:2]
    case, joined, role_label = None, False, ""
    with transaction.atomic():
        if report.case_id:
            case, _sight = reading.get_openable(actor, report.case_id)
            try:
                with transaction.atomic():
                    cases.add_agency(case, agency, role, actor=actor, request=request)
                joined = True
            except ServiceError as exc:
                if exc.field != "agency":  # "already takes part" is fine: it is referred
                    raise
            role_label = registry.label("case_agency_roles", role, language)
        notify_agency(agency, _("Public report %(reference)s referred to %(agency)s")
                      % {"reference": report.reference, "agency": agency.name},
                      _referral_text(report, agency, actor, case,
                                     role_label if joined else ""),
                      link_type="case" if case else "",
                      link_ref=case.reference if case else "")
        _change(report, actor, version, "portal.report.refer", request,
                {"agency": agency.name, "case": case.reference if case else ""},
                status="referred", referred_to_id=agency.pk, referred_to_name=agency.name)
    return Referred(agency.name, case.reference if case else "", role_label, joined)


def close(report: Report, *, actor: User, version: int,
          request: HttpRequest | None = None) -> None:
    _require(actor)
    _change(report, actor, version, "portal.report.close", request, {}, status="closed")
