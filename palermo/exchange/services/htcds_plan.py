"""What the rows of an HTCDS file will write, decided before anything is written: the persons
(their identity, role and victim context) grouped into cases, and every problem a row gives,
named by row, column and field. Where Palermo's own column carries Palermo's exact codes and
agrees with the standard's coarser column, the exact codes are kept."""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.cases.services import persons
from palermo.cases.services.cases import CLASSIFICATIONS
from palermo.exchange.services import htcds_fields as fields
from palermo.exchange.services.htcds_read import Reading, Row
from palermo.exchange.services.htcds_values import CLASSIFICATION_KEYS
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

PERPETRATOR = ("per_RoleInProcess", "per_RoleDetails", "per_Organisation")
VICTIM_ONLY = ("vic_TraffickingStatus", "vic_RelationshipToTrafficker", "vic_MethodOfRecruitment",
               "vic_MethodsOfControl", "vic_TypeOfExploitation", "vic_ForcedLabourIndustry",
               "vic_TypeOfSexExploitation", "plm_MethodsOfControl", "plm_RecruitmentMethod",
               "plm_RelationshipToTrafficker", "plm_Industry")
CASE_COLUMNS = ("plm_CaseTitle", "plm_CaseOpenedOn", "plm_CaseStatus", "plm_CaseCloseReason",
                "plm_CaseSensitivity", "plm_CaseClassification", "plm_CaseCountries",
                "cas_Status", "cas_ReasonForCaseClosure")
IMPORTED = "htcds"


@dataclass
class PersonPlan:
    row: Row
    role: str
    new: persons.NewPerson
    context: dict[str, Any] = field(default_factory=dict)
    status: str = ""
    exploitation_started_on: dt.date | None = None


@dataclass
class CasePlan:
    key: str
    rows: list[Row] = field(default_factory=list)
    title: str = ""
    opened_on: dt.date | None = None
    status: str = "reported"
    close_reason: str = ""
    close_note: str = ""
    sensitivity: str = "normal"
    classification: dict[str, list[str]] = field(default_factory=dict)
    countries: dict[str, list[str]] = field(default_factory=dict)
    persons: list[PersonPlan] = field(default_factory=list)


def label(name: str) -> str:
    return fields.treatment(name).label


class Planner:
    def __init__(self, reading: Reading, actor: User, into_case: bool) -> None:
        self.reading, self.report, self.actor = reading, reading.report, actor
        self.into_case = into_case

    def fail(self, row: Row, name: str, message: str) -> None:
        self.report.fail(row.line, row.column(name) or self.reading.present.get(name, ""),
                         label(name), message)

    def note(self, row: Row, name: str, message: str) -> None:
        self.report.note(row.line, row.column(name), label(name), message)

    def plans(self) -> list[CasePlan]:
        grouped: dict[str, CasePlan] = {}
        for row in self.reading.rows:
            key = "" if self.into_case else (row.get("plm_CaseReference") or
                                             _("row %(row)d") % {"row": row.line})
            plan = grouped.setdefault(key, CasePlan(key))
            plan.rows.append(row)
            plan.persons.append(self.person(row))
        for plan in grouped.values():
            if self.into_case:
                self._not_for_an_existing_case(plan)
            else:
                self.case(plan)
        return list(grouped.values())

    # The persons.

    def person(self, row: Row) -> PersonPlan:
        role = self._role(row)
        plan = PersonPlan(row, role, persons.NewPerson(names=self._names(row)))
        new = plan.new
        new.birth_date = row.get("prs_Birthdate")
        if new.birth_date and not dt.date(1900, 1, 1) <= new.birth_date <= timezone.localdate():
            self.fail(row, "prs_Birthdate", _("a birth date is between 1900 and today."))
        new.estimated_age = row.get("plm_EstimatedAge")
        sex = fields.palermo_codes("prs_Gender", (row.get("prs_Gender") or [""])[0]) or []
        new.sex = sex[0] if sex else ""
        new.nationalities = _unique(row.get("prs_Citizenship", []))
        new.languages = _unique([*row.get("prs_PrimaryLanguage", []),
                                 *row.get("prs_SecondaryLanguage", []),
                                 *row.get("plm_OtherLanguages", [])])
        new.contacts = [c for c in (row.get("prs_MobilePhone"), row.get("prs_HomePhone"),
                                    row.get("prs_Email"), *row.get("plm_OtherContacts", []))
                        if c]
        for name in ("prs_MobilePhone", "prs_HomePhone", "prs_Email", "plm_OtherContacts"):
            if any(len(c) > 300 for c in _listed(row.get(name))):
                self.fail(row, name, _("a contact line has at most 300 characters."))
        new.documents = list(row.get("plm_Documents", []))
        number = row.get("prs_IdentityNumber")
        if number and not new.nationalities:
            self.fail(row, "prs_IdentityNumber", _(
                "Palermo keeps an identity number with the country that issued it: fill in "
                "the person's citizenship."))
        elif number:
            new.documents.insert(0, {"kind": "id_card", "number": number,
                                     "issuing_country": new.nationalities[0]})
        if role == "victim":
            self._victim(row, plan)
        else:
            for name in VICTIM_ONLY:
                if name in row.cells:
                    self.fail(row, name, _("only a victim has this; the person of this row "
                                           "is a %(role)s.") % {
                        "role": registry.label("person_roles", role,
                                           get_language() or "en").lower()})
        self._events(row, plan)
        return plan

    def _role(self, row: Row) -> str:
        role = row.get("plm_Role", [""])[0]
        perpetrator = [n for n in PERPETRATOR if n in row.cells]
        if not role:
            role = "suspect" if perpetrator else "victim"
        elif perpetrator and role == "victim":
            self.note(row, perpetrator[0], _("not kept: the person of this row is a victim."))
        term = registry.get("person_roles").get(role)
        if term.extra.get("intelligence") and not self.actor.has_perm("cases.view_intelligence"):
            self.fail(row, "plm_Role" if "plm_Role" in row.cells else perpetrator[0], _(
                "this row is a suspect, and your roles do not allow recording suspects."))
        return role

    def _names(self, row: Row) -> list[str]:
        parts = [row.get(n, "") for n in ("prs_FirstName", "prs_MiddleName", "prs_SecondName")]
        name = " ".join(" ".join(parts).split())
        if len(name) > persons.MAX_NAME:
            self.fail(row, "prs_FirstName", _("a name has at most %(n)d characters.")
                      % {"n": persons.MAX_NAME})
        aliases = row.get("plm_Aliases", [])
        return [name or _("[HTCDS file, row %(row)d]") % {"row": row.line}, *aliases]

    def _victim(self, row: Row, plan: PersonPlan) -> None:
        context = plan.context
        context["methods_of_control"] = self._refined(row, "vic_MethodsOfControl",
                                                      "plm_MethodsOfControl")
        context["exploitation_types"] = _unique(row.get("vic_TypeOfExploitation", []))
        for name, exact, key, vocabulary in (
                ("vic_MethodOfRecruitment", "plm_RecruitmentMethod", "recruitment_method",
                 "recruitment_methods"),
                ("vic_RelationshipToTrafficker", "plm_RelationshipToTrafficker",
                 "relationship_to_trafficker", "trafficker_relationships"),
                ("vic_ForcedLabourIndustry", "plm_Industry", "industry", "industries")):
            codes = self._refined(row, name, exact)
            chosen = next((c for c in codes if c != "other"), codes[0] if codes else "")
            if len(codes) > 1:
                language = get_language() or "en"
                self.note(row, name, _("Palermo keeps one: %(kept)s; not kept: %(rest)s.") % {
                    "kept": registry.label(vocabulary, chosen, language),
                    "rest": ", ".join(registry.label(vocabulary, c, language)
                                      for c in codes if c != chosen)})
            context[key] = chosen
        plan.context = {k: v for k, v in context.items() if v}
        status = fields.palermo_codes("vic_TraffickingStatus",
                                      (row.get("vic_TraffickingStatus") or [""])[0]) or []
        plan.status = status[0] if status else ""
        if plan.status not in ("", "possible_victim") and \
                not self.actor.has_perm("cases.assess"):
            self.fail(row, "vic_TraffickingStatus", _(
                "your roles do not allow deciding a trafficking status: leave it empty or "
                "“Possible victim of trafficking”, or ask someone who assesses victims to "
                "import the file."))

    def _refined(self, row: Row, name: str, exact: str) -> list[str]:
        """The codes a standard column gives, or Palermo's exact ones when its own column
        has them and they are written as the same values."""
        values = row.get(name, [])
        mapped = _unique([c for v in values for c in fields.palermo_codes(name, v) or []])
        codes = row.get(exact)
        if codes is None:
            return mapped
        if name not in self.reading.present:
            return list(codes)
        written = {fields.export_value(name, c) for c in codes} - {""}
        if written == set(values):
            return list(codes)
        self.note(row, exact, _("does not say what “%(field)s” says; read from that column.")
                  % {"field": label(name)})
        return mapped

    def _events(self, row: Row, plan: PersonPlan) -> None:
        kind = (row.get("hte_Type") or [""])[0]
        day = row.get("hte_Date")
        if day and kind == "Exploitation" and plan.role == "victim":
            if day > timezone.localdate():
                self.fail(row, "hte_Date", _("the day exploitation began cannot be in the "
                                             "future."))
            plan.exploitation_started_on = day
        elif day:
            self.note(row, "hte_Date", _("not kept: Palermo keeps the date of a victim's "
                                         "exploitation event only."))
        if row.get("hte_Country") and not kind:
            self.note(row, "hte_Country", _("not kept: without the event's type, the "
                                            "country is neither origin, transit nor "
                                            "destination."))

    # The cases.

    def case(self, plan: CasePlan) -> None:
        first = plan.rows[0]
        plan.title = self._same(plan, "plm_CaseTitle") or \
            _("HTCDS record %(key)s") % {"key": plan.key}
        plan.opened_on = self._same(plan, "plm_CaseOpenedOn")
        if plan.opened_on and plan.opened_on > timezone.localdate():
            self.fail(first, "plm_CaseOpenedOn", _("a case cannot open in the future."))
        statuses = [self._refined(r, "cas_Status", "plm_CaseStatus") for r in plan.rows]
        plan.status = self._agreed(plan, "cas_Status", [s[0] if s else "" for s in statuses]) \
            or "reported"
        plan.close_reason = self._same(plan, "plm_CaseCloseReason", first=True) or ""
        plan.close_note = self._same(plan, "cas_ReasonForCaseClosure") or ""
        if plan.status == "closed":
            plan.close_reason = plan.close_reason or "other"
        elif plan.close_reason or plan.close_note:
            self.note(first, "cas_ReasonForCaseClosure" if plan.close_note else
                      "plm_CaseCloseReason", _("not kept: the case is not closed."))
            plan.close_reason = plan.close_note = ""
        plan.sensitivity = self._same(plan, "plm_CaseSensitivity", first=True) or "normal"
        exact = self._same(plan, "plm_CaseClassification")
        if exact is not None:
            plan.classification = {name: [] for name in CLASSIFICATIONS}
            for key, code in exact:
                plan.classification[CLASSIFICATION_KEYS[key]].append(code)
        else:
            plan.classification = {
                "exploitation_types": _unique([c for p in plan.persons
                                               for c in p.context.get("exploitation_types", [])]),
                "palermo_purposes": _unique([c for r in plan.rows
                                             for v in r.get("vic_TypeOfSexExploitation", [])
                                             for c in fields.palermo_codes(
                                                 "vic_TypeOfSexExploitation", v) or []])}
        exact = self._same(plan, "plm_CaseCountries")
        pairs = exact if exact is not None else [
            (role, country) for r in plan.rows if r.get("hte_Country")
            for role in fields.palermo_codes("hte_Type", (r.get("hte_Type") or [""])[0]) or []
            for country in r.get("hte_Country")]
        plan.countries = {}
        for role, country in pairs:
            plan.countries.setdefault(role, [])
            if country not in plan.countries[role]:
                plan.countries[role].append(country)

    def _same(self, plan: CasePlan, name: str, first: bool = False) -> Any:
        """One case-level value, which every row of the case that gives it gives alike."""
        return self._agreed(plan, name, [r.get(name) for r in plan.rows], first=first)

    def _agreed(self, plan: CasePlan, name: str, values: list[Any], first: bool = False) -> Any:
        found: tuple[Row, Any] | None = None
        for row, value in zip(plan.rows, values, strict=True):
            if value in (None, "", []):
                continue
            if found is None:
                found = (row, value)
            elif value != found[1]:
                self.fail(row, name, _("differs from row %(row)d of the same case.")
                          % {"row": found[0].line})
        if found is None:
            return None
        value = found[1]
        return value[0] if first and isinstance(value, list) else value

    def _not_for_an_existing_case(self, plan: CasePlan) -> None:
        for name in (*CASE_COLUMNS, "plm_CaseReference", "hte_Country"):
            for row in plan.rows:
                if name in row.cells:
                    self.note(row, name, _("not kept: the rows are added to an existing "
                                           "case, whose own details stay as they are."))
                    break


def status_path(target: str) -> list[str]:
    """The statuses a new case goes through to reach ``target`` (case_statuses' ``next``)."""
    statuses = registry.get("case_statuses")
    start = "reported"
    paths: deque[list[str]] = deque([[start]])
    while paths:
        path = paths.popleft()
        if path[-1] == target:
            return path[1:]
        for following in statuses.get(path[-1]).extra.get("next") or []:
            if following not in path:
                paths.append([*path, following])
    return []


def _unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(codes))


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
