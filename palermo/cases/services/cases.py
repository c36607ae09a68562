"""Opening a case, classifying it, the agencies and countries taking part, its status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.audit import services as audit
from palermo.cases.models import Case, CaseAgency, CaseCountry, CaseTerm
from palermo.cases.services.access import material_sight, may_edit
from palermo.cases.services.codes import TITLE, check_codes, check_length
from palermo.cases.services.errors import NotAllowed, ServiceError
from palermo.cases.services.timeline import add_event, vocab
from palermo.core.versioned import save_versioned
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import Agency, User

CLASSIFICATIONS = ("palermo_acts", "palermo_means", "palermo_purposes", "exploitation_types")


def _check_date(value: dt.date | None, field: str) -> None:
    if value is not None and value > timezone.localdate():
        raise ServiceError(_("The date cannot be in the future."), field=field)


def _require_edit(user: User, case: Case) -> None:
    if not may_edit(user, case):
        raise NotAllowed(_("Your agency does not take part in this case."))


def _next_number(country: str, year: int) -> int:
    last = Case.objects.filter(country=country, year=year).aggregate(n=Max("number"))["n"]
    return (last or 0) + 1


def open_case(
    *, actor: User, title: str, summary: str = "", sensitivity: str = "normal",
    opened_on: dt.date | None = None, classification: dict[str, list[str]] | None = None,
    countries: dict[str, list[str]] | None = None, tags: list[str] | None = None,
    request: HttpRequest | None = None,
) -> Case:
    """Open a case; the actor's agency takes part as its lead."""
    if not actor.has_perm("cases.create"):
        raise NotAllowed(_("Your roles do not allow opening cases."))
    title = check_length(title.strip(), TITLE, "title")
    if not title:
        raise ServiceError(_("A case needs a title."), field="title")
    check_codes("sensitivity_levels", [sensitivity], "sensitivity")
    opened_on = opened_on or timezone.localdate()
    _check_date(opened_on, "opened_on")
    country = actor.agency.country
    for _attempt in range(5):
        try:
            with transaction.atomic():
                number = _next_number(country, opened_on.year)
                case = Case.objects.create(
                    reference=f"{country}-{opened_on.year}-{number:05d}", country=country,
                    year=opened_on.year, number=number, title=title,
                    summary=summary.strip(), sensitivity=sensitivity, opened_on=opened_on,
                    lead_agency=actor.agency, created_by=actor, tags=tags or [],
                )
                CaseAgency.objects.create(case=case, agency=actor.agency, role="lead")
                _set_classification(case, classification or {})
                _set_countries(case, countries or {})
                add_event(case, "opened", N_("Case opened by %(agency)s."),
                          {"agency": actor.agency.name}, actor=actor)
                audit.record("case.create", actor=actor, request=request, object_type="case",
                             object_id=case.pk, detail={"reference": case.reference})
                return case
        except IntegrityError:
            continue  # another case took the number between our read and write
    raise ServiceError(_("Could not number the case; try again."))


def _set_classification(case: Case, classification: dict[str, list[str]]) -> None:
    for vocabulary in CLASSIFICATIONS:
        if vocabulary not in classification:
            continue
        codes = check_codes(vocabulary, classification[vocabulary], vocabulary)
        CaseTerm.objects.filter(case=case, vocabulary=vocabulary).exclude(
            code__in=codes).delete()
        existing = set(CaseTerm.objects.filter(case=case, vocabulary=vocabulary)
                       .values_list("code", flat=True))
        CaseTerm.objects.bulk_create(
            CaseTerm(case=case, vocabulary=vocabulary, code=code)
            for code in codes if code not in existing
        )


def _set_countries(case: Case, countries: dict[str, list[str]]) -> None:
    for role, codes in countries.items():
        check_codes("country_roles", [role], "countries")
        checked = check_codes("countries", [c.upper() for c in codes], f"countries_{role}")
        CaseCountry.objects.filter(case=case, role=role).exclude(country__in=checked).delete()
        existing = set(CaseCountry.objects.filter(case=case, role=role)
                       .values_list("country", flat=True))
        CaseCountry.objects.bulk_create(
            CaseCountry(case=case, role=role, country=c) for c in checked if c not in existing
        )


def classification_of(case: Case) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {name: [] for name in CLASSIFICATIONS}
    for term in case.terms.all():
        result.setdefault(term.vocabulary, []).append(term.code)
    return result


def countries_of(case: Case) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {term.code: [] for term in registry.get("country_roles")}
    for row in case.countries.all():
        result.setdefault(row.role, []).append(row.country)
    return result


def update(case: Case, *, actor: User, version: int, request: HttpRequest | None = None,
           **changes: Any) -> Case:
    """Change the case's description and classification; a stale ``version`` is refused."""
    _require_edit(actor, case)
    fields: dict[str, Any] = {k: changes[k] for k in ("title", "summary", "sensitivity", "tags")
                              if k in changes}
    if "summary" in fields and fields["summary"] != case.summary and \
            not material_sight(actor, case).shows(()):
        # The summary speaks of the whole case: only those who may read it may rewrite it.
        raise NotAllowed(_("You may not change this case's summary."))
    if "title" in fields:
        fields["title"] = check_length(fields["title"].strip(), TITLE, "title")
        if not fields["title"]:
            raise ServiceError(_("A case needs a title."), field="title")
    if "sensitivity" in fields:
        check_codes("sensitivity_levels", [fields["sensitivity"]], "sensitivity")
    with transaction.atomic():
        _save(case, version, fields, actor, request, "case.update",
              {"changed": sorted(set(changes))})
        _set_classification(case, changes.get("classification", {}))
        _set_countries(case, changes.get("countries", {}))
        add_event(case, "updated", N_("Case details changed."), actor=actor)
    case.refresh_from_db()
    return case


def change_status(case: Case, status: str, *, actor: User, version: int,
                  reason: str = "", note: str = "", request: HttpRequest | None = None) -> Case:
    _require_edit(actor, case)
    allowed = registry.get("case_statuses").get(case.status).extra.get("next") or []
    if status not in allowed:
        statuses = registry.get("case_statuses")
        language = get_language() or "en"
        raise ServiceError(_("A case cannot go from “%(old)s” to “%(new)s”.") % {
            "old": statuses.get(case.status).label(language),
            "new": statuses.get(status).label(language) if status in statuses else status},
            field="status")
    fields: dict[str, Any] = {"status": status}
    if status == "closed":
        check_codes("case_close_reasons", [reason], "reason", _("Reason for closing"))
        fields.update(close_reason=reason, close_note=note.strip(),
                      closed_on=timezone.localdate())
    return _transition(case, actor, version, fields, request, note)


def reopen(case: Case, *, actor: User, version: int, note: str,
           request: HttpRequest | None = None) -> Case:
    _require_edit(actor, case)
    if case.status != "closed":
        raise ServiceError(_("Only a closed case can be reopened."), field="status")
    if not note.strip():
        raise ServiceError(_("Say why the case is reopened."), field="note")
    fields = {"status": "under_investigation", "close_reason": "", "closed_on": None}
    return _transition(case, actor, version, fields, request, note)


def set_status(case: Case, status: str, *, actor: User, version: int, reason: str = "",
               note: str = "", request: HttpRequest | None = None) -> Case:
    """The one entry point for the pages and the API: a closed case is reopened (its note
    says why), any other moves to ``status``."""
    if case.status == "closed":
        return reopen(case, actor=actor, version=version, note=note, request=request)
    return change_status(case, status, actor=actor, version=version, reason=reason, note=note,
                         request=request)


def _transition(case: Case, actor: User, version: int, fields: dict[str, Any],
                request: HttpRequest | None, note: str) -> Case:
    old = case.status
    with transaction.atomic():
        _save(case, version, fields, actor, request, "case.status",
              {"from": old, "to": fields["status"],
               "close_reason": fields.get("close_reason", "")}, reason=note)
        add_event(case, "status", N_("Status changed from %(old)s to %(new)s."),
                  {"old": vocab("case_statuses", old),
                   "new": vocab("case_statuses", fields["status"])},
                  actor=actor, text=note.strip())
    case.refresh_from_db()  # the event marked the case active
    return case


def _save(case: Case, version: int, fields: dict[str, Any], actor: User,
          request: HttpRequest | None, action: str, detail: dict[str, Any],
          reason: str = "") -> None:
    """A versioned write of the case that also marks it active, as every change does."""
    save_versioned(case, version, {**fields, "last_activity_at": timezone.now()}, actor=actor,
                   request=request, action=action, object_type="case", detail=detail,
                   reason=reason,
                   stale=_("Someone else changed this case since you opened it. Reload the "
                           "page to see their change, then make yours again."))


def add_agency(case: Case, agency: Agency, role: str, *, actor: User,
               request: HttpRequest | None = None) -> CaseAgency:
    _require_edit(actor, case)
    check_codes("case_agency_roles", [role], "role")
    with transaction.atomic():
        participant, created = CaseAgency.objects.get_or_create(
            case=case, agency=agency, left_at=None, defaults={"role": role})
        if not created:
            raise ServiceError(_("%(agency)s already takes part in this case.")
                               % {"agency": agency.name}, field="agency")
        if role == "lead":
            Case.objects.filter(pk=case.pk).update(lead_agency=agency)
        add_event(case, "agency", N_("%(agency)s joined the case."), {"agency": agency.name},
                  actor=actor)
        audit.record("case.agency_add", actor=actor, request=request, object_type="case",
                     object_id=case.pk, detail={"agency": agency.name, "role": role})
    return participant


def remove_agency(case: Case, participant: CaseAgency, *, actor: User,
                  request: HttpRequest | None = None) -> None:
    _require_edit(actor, case)
    if participant.left_at is not None:
        return
    if CaseAgency.objects.filter(case=case, left_at__isnull=True).count() == 1:
        raise ServiceError(_("A case keeps at least one agency."), field="agency")
    with transaction.atomic():
        participant.left_at = timezone.now()
        participant.save(update_fields=["left_at"])
        if case.lead_agency_id == participant.agency_id:
            Case.objects.filter(pk=case.pk).update(lead_agency=None)
        add_event(case, "agency", N_("%(agency)s left the case."),
                  {"agency": participant.agency.name}, actor=actor)
        audit.record("case.agency_remove", actor=actor, request=request, object_type="case",
                     object_id=case.pk, detail={"agency": participant.agency.name})


@dataclass(frozen=True)
class Elements:
    """Whether the Palermo Protocol's three elements are established (Art. 3)."""

    act: bool
    means: bool
    purpose: bool
    means_not_needed: bool  # every victim is a child: Art. 3(c)

    @property
    def established(self) -> bool:
        return self.act and (self.means or self.means_not_needed) and self.purpose

    @property
    def missing(self) -> list[str]:
        found = [("act", self.act), ("means", self.means or self.means_not_needed),
                 ("purpose", self.purpose)]
        return [name for name, present in found if not present]


def elements(case: Case) -> Elements:
    classification = classification_of(case)
    victims = [cp for cp in case.persons.all() if cp.role == "victim"]
    return Elements(
        act=bool(classification["palermo_acts"]),
        means=bool(classification["palermo_means"]),
        purpose=bool(classification["palermo_purposes"] or classification["exploitation_types"]),
        means_not_needed=bool(victims) and all(cp.is_child for cp in victims),
    )
