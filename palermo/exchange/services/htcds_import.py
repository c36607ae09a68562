"""An HTCDS 2.0 file into cases, all or nothing: each row a person, opened as a case of its own
or grouped by Palermo's case reference column, or added to one existing case. Persons are
added through the cases services, so their names, birth dates, documents and contacts have
the need-to-know of any person, and every write is audited as any other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.cases.services import access, cases, persons, reading
from palermo.exchange.services.common import require
from palermo.exchange.services.htcds_plan import (
    IMPORTED,
    CasePlan,
    PersonPlan,
    Planner,
    label,
    status_path,
)
from palermo.exchange.services.htcds_read import Reading, read
from palermo.exchange.services.htcds_report import ImportedCase, MappingReport

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.cases.models import Case

# The column to blame when a service refuses a value it names by its own field.
BLAME = {"names": "prs_FirstName", "birth_date": "prs_Birthdate", "sex": "prs_Gender",
         "estimated_age": "plm_EstimatedAge", "nationalities": "prs_Citizenship",
         "languages": "prs_PrimaryLanguage", "contacts": "prs_Email",
         "documents": "prs_IdentityNumber", "exploitation_started_on": "hte_Date",
         "role": "plm_Role", "title": "plm_CaseTitle", "opened_on": "plm_CaseOpenedOn",
         "sensitivity": "plm_CaseSensitivity", "status": "cas_Status",
         "reason": "plm_CaseCloseReason", "trafficking_status": "vic_TraffickingStatus",
         "methods_of_control": "vic_MethodsOfControl",
         "recruitment_method": "vic_MethodOfRecruitment",
         "relationship_to_trafficker": "vic_RelationshipToTrafficker",
         "exploitation_types": "vic_TypeOfExploitation", "industry": "vic_ForcedLabourIndustry"}


class _Undo(Exception):
    """Leaves the transaction, undoing every write (a refusal, or a dry run)."""


def existing_case(actor: User, reference: str) -> Case:
    """The case named by its reference that the user may add persons to."""
    reference = reference.strip()
    found = next((c for c in reading.search(actor, query=reference)
                  if c.reference.casefold() == reference.casefold()), None)
    if found is None:
        raise ServiceError(_("There is no case %(ref)s that you may open.")
                           % {"ref": reference}, field="case")
    if not (actor.has_perm("cases.edit") and access.sight_of(actor, found).can_edit):
        raise ServiceError(_("Your agency does not take part in case %(ref)s: you may not add "
                             "persons to it.") % {"ref": found.reference}, field="case")
    return found


def import_csv(content: bytes, *, actor: User, request: HttpRequest | None = None,
               case: str = "", dry_run: bool = False, date_order: str = "") -> MappingReport:
    """Read the file and, when every value is good, write it (``dry_run``: write nothing, say
    what would be written). ``case`` adds every row's person to that existing case."""
    require(actor, "exchange.receive")
    into = existing_case(actor, case) if case.strip() else None
    if into is None and not actor.has_perm("cases.create"):
        raise NotAllowed(_("Your roles do not allow opening cases: name an existing case to "
                           "add the persons to."))
    found = read(content, date_order=date_order)
    report = found.report
    report.dry_run = dry_run
    # Planned even when some cells could not be read, so that every problem is told at once.
    plans = Planner(found, actor, into_case=into is not None).plans()
    if report.problems:
        return report
    try:
        with transaction.atomic():
            _write(plans, found, actor, request, into)
            if dry_run:
                raise _Undo
    except _Undo:
        if dry_run:
            for made in report.cases:
                made.reference = into.reference if into else ""
                made.case_id = into.pk if into else None
        else:
            report.cases, report.persons = [], 0
        return report
    report.imported = True
    return report


def _write(plans: list[CasePlan], found: Reading, actor: User,
           request: HttpRequest | None, into: Case | None) -> None:
    report = found.report
    for plan in plans:
        case = into or _open(plan, actor, request, report)
        for person in plan.persons:
            _add(case, person, actor, request, report)
        if into is None and plan.status != "reported":
            _to_status(case, plan, actor, request, report)
        report.cases.append(ImportedCase(plan.key, case.reference, len(plan.persons), case.pk))
        report.persons += len(plan.persons)
    if not report.dry_run:
        audit.record("exchange.htcds_import", actor=actor, request=request,
                     object_type="case", object_id=into.pk if into else "",
                     detail={"cases": [c.reference for c in report.cases],
                             "persons": report.persons, "rows": report.rows,
                             "columns_not_kept": [c.field or c.letter for c in report.columns
                                                  if not c.read and c.filled]})


def _refused(report: MappingReport, row: int, name: str, column: str,
             exc: ServiceError) -> _Undo:
    report.fail(row, column, label(name) if name else "", exc.message)
    return _Undo()


def _open(plan: CasePlan, actor: User, request: HttpRequest | None,
          report: MappingReport) -> Case:
    row = plan.rows[0]
    try:
        return cases.open_case(
            actor=actor, request=request, title=plan.title,
            summary=_("Imported from an HTCDS 2.0 file."), sensitivity=plan.sensitivity,
            opened_on=plan.opened_on, classification=plan.classification,
            countries=plan.countries, tags=[IMPORTED])
    except ServiceError as exc:
        name = BLAME.get(exc.field or "", "plm_CaseReference")
        raise _refused(report, row.line, name, row.column(name), exc) from None


def _add(case: Case, person: PersonPlan, actor: User, request: HttpRequest | None,
         report: MappingReport) -> None:
    row = person.row
    step = "role"
    try:
        added = persons.add_to_case(case, person.new, person.role, actor=actor,
                                    request=request,
                                    exploitation_started_on=person.exploitation_started_on)
        if person.context:
            step = "context"
            added = persons.update_victim_context(added, actor=actor, version=added.version,
                                                  request=request, **person.context)
        if person.status and person.status != added.trafficking_status:
            step = "trafficking_status"
            persons.decide_status(added, person.status, actor=actor, request=request,
                                  reason=_("Imported from an HTCDS 2.0 file."))
    except ServiceError as exc:
        name = BLAME.get(exc.field or "", BLAME.get(step, ""))
        raise _refused(report, row.line, name, row.column(name), exc) from None


def _to_status(case: Case, plan: CasePlan, actor: User, request: HttpRequest | None,
               report: MappingReport) -> None:
    row = plan.rows[0]
    try:
        for status in status_path(plan.status):
            closing = status == "closed"
            case = cases.change_status(
                case, status, actor=actor, version=case.version, request=request,
                reason=plan.close_reason if closing else "",
                note=plan.close_note if closing else "")
    except ServiceError as exc:
        raise _refused(report, row.line, "cas_Status", row.column("cas_Status"), exc) from None
