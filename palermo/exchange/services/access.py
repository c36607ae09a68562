"""Need-to-know in the exchange: what one user may see of a case report, sent or received.

A report names persons the way a case does, so the same rules judge them (see
cases/services/access.py): suspects, defendants and offenders are left out without
``cases.view_intelligence``; an identity needs ``person.view_identity``, and a child's
``person.view_child`` as well; otherwise the person shows by pseudonym ("Victim 2"). The
report's free text (summary, requested action, events' places and descriptions) and its
vehicles may speak of anyone in it: like a case's material, they are shown only to those who
see in full every person concerned. The signed file holds everything, so it goes only to
those who see everything. A report marked confidential, or about a highly restricted case of
ours, asks why before anything of it is shown, as the case would.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed
from palermo.audit import services as audit
from palermo.cases.services import restricted
from palermo.cases.services.access import Sight
from palermo.exchange.models import CaseReport
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.cases.models import Case

# Every field of a person entry (schema hst-1.0 $defs/person) that tells who they are. The
# rest (ref, role, sex, nationalities, estimated age, the child flag, victim context and
# perpetrator roles) is what a pseudonym keeps, as in a case.
IDENTITY_FIELDS = ("names", "birth_date", "documents", "contacts", "accounts", "languages")
# The message's classification, read as the sensitivity of a case: a confidential report is
# held like a highly restricted case, and becomes one when accepted.
SENSITIVITY = {"unclassified": "normal", "restricted": "normal",
               "confidential": "highly_restricted"}
CONFIDENTIAL = "confidential"
SESSION_KEY = "palermo_report_reason_{}"


class ReasonRequired(NotAllowed):
    """The report asks why before anything of it is shown; pages ask for the reason and come
    back, the API answers 403 with this message (the caller adds ``?reason=``)."""

    def __init__(self, report: CaseReport) -> None:
        self.report_id = report.pk
        super().__init__(_("Say why you open this case report: give a reason."),
                         field="reason")


def sensitivity(report: CaseReport) -> str:
    classification = (report.content.get("handling") or {}).get("classification", "")
    return SENSITIVITY.get(str(classification), "normal")


def classification_for(case: Case) -> str:
    """What a message about this case is marked: confidential when the case asks a reason."""
    return CONFIDENTIAL if restricted.needs_reason(case) else "restricted"


def asks_reason(report: CaseReport) -> bool:
    levels = registry.get("sensitivity_levels")
    if levels.get(sensitivity(report)).extra.get("asks_reason"):
        return True
    case = restricted.linked_case(report.case_id)
    return case is not None and restricted.needs_reason(case)


def remember(request: HttpRequest, report_id: int, reason: str) -> None:
    """A reason given on a page holds for the rest of the session's visit to that report."""
    restricted.remember(request, report_id, reason, key=SESSION_KEY)


def gate(user: User, report: CaseReport, reason: str,
         request: HttpRequest | None = None) -> str:
    """The reason to record with a read of this report ("" when it asks none): the one given,
    or the one given on a page earlier in the session. ``ReasonRequired`` without one."""
    if not asks_reason(report):
        return ""
    reason = restricted.given(reason, request, SESSION_KEY.format(report.pk))
    if not reason:
        raise ReasonRequired(report)
    if not user.has_perm("cases.coordinate"):
        case = restricted.linked_case(report.case_id)
        restricted.tell_coordinators(
            user, _("%(who)s opened restricted case report %(ref)s: %(reason)s")
            % {"who": user.full_name, "ref": report.case_reference, "reason": reason},
            reverse("exchange:report", args=[report.pk]), case)
    return reason


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def is_child(entry: dict[str, Any], case: dict[str, Any], created: dt.date) -> bool:
    """A child at the time of exploitation (under 18), as the sender flagged them or as their
    birth date says against the day exploitation began (else the case was opened, else the
    message was made); an estimated age under 18 counts too."""
    if entry.get("is_child"):
        return True
    day = (_date((entry.get("victim") or {}).get("exploitation_started_on"))
           or _date(case.get("opened_on")) or created)
    if entry.get("birth_date"):
        born = _date(entry["birth_date"])
        if born is None:
            return True  # unreadable: held as a child's, the stricter rule
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day)) < 18
    age = entry.get("estimated_age")
    return isinstance(age, int) and age < 18


def person_sight(user: User, entry: dict[str, Any], child: bool) -> Sight:
    roles = registry.get("person_roles")
    role = entry.get("role")
    # A role this installation no longer knows is held as intelligence: the stricter rule.
    intelligence = role not in roles or bool(roles.get(str(role)).extra.get("intelligence"))
    if intelligence:
        return Sight.IDENTITY if user.has_perm("cases.view_intelligence") else Sight.HIDDEN
    if not user.has_perm("person.view_identity"):
        return Sight.PSEUDONYM
    if child and not user.has_perm("person.view_child"):
        return Sight.PSEUDONYM
    return Sight.IDENTITY


@dataclass(frozen=True)
class PersonView:
    """A person of a report as one user may see them."""

    ref: str
    role: str
    label: str  # "Victim 2"
    sight: Sight
    is_child: bool
    entry: dict[str, Any]  # the message's entry, identity fields removed below IDENTITY
    withheld_by_sender: bool

    @property
    def shows_identity(self) -> bool:
        return self.sight == Sight.IDENTITY and not self.withheld_by_sender


@dataclass
class ReportView:
    """A report as one user may see it. ``content`` is the message with what the user may not
    see taken out; it keeps its signature only when nothing was (``complete``)."""

    report: CaseReport
    content: dict[str, Any]
    persons: list[PersonView]
    complete: bool
    text_withheld: bool
    hidden: int  # persons left out entirely (never shown to the user, only audited)
    reason: str = ""
    identities: list[str] = field(default_factory=list)  # refs whose identity is shown


def _label(role: str, counters: dict[str, int]) -> str:
    counters[role] = counters.get(role, 0) + 1
    roles = registry.get("person_roles")
    name = roles.get(role).label(get_language() or "en") if role in roles else _("Person")
    return f"{name} {counters[role]}"


def judge(user: User, report: CaseReport) -> ReportView:
    """What the user may see of the report; nothing asked, nothing audited (``view`` does
    both)."""
    content = copy.deepcopy(report.content)
    case = content.setdefault("case", {})
    created = _date(str(content.get("created", ""))[:10]) or timezone.localdate()
    counters: dict[str, int] = {}
    shown, entries, hidden = [], [], 0
    in_full: set[str] = set()
    everyone: set[str] = set()
    for entry in case.get("persons") or []:
        ref, role = str(entry.get("ref", "")), str(entry.get("role", ""))
        everyone.add(ref)
        child = is_child(entry, case, created)
        sight = person_sight(user, entry, child)
        label = _label(role, counters)
        if sight == Sight.HIDDEN:
            hidden += 1
            continue
        withheld = not any(entry.get(name) for name in IDENTITY_FIELDS)
        if sight == Sight.IDENTITY:
            in_full.add(ref)
        elif not withheld:
            entry = {k: v for k, v in entry.items() if k not in IDENTITY_FIELDS}
            entry["identity_withheld"] = True
        entries.append(entry)
        shown.append(PersonView(ref, role, label, sight, child, entry, withheld))
    case["persons"] = entries

    def shows(concerned: Iterable[Any]) -> bool:
        refs = {str(r) for r in concerned} or everyone
        return refs <= in_full

    visible = {p.ref for p in shown}
    text_withheld = False
    if not shows([]):
        text_withheld = bool(case.pop("summary", None)) | bool(
            content.pop("requested_action", None))
    for event in case.get("events") or []:
        concerned = event.get("persons") or []
        if not shows(concerned):
            event.pop("place", None)
            event.pop("description", None)
        if "persons" in event:
            event["persons"] = [r for r in concerned if str(r) in visible]
    if "vehicles" in case:
        # A plate or a VIN identifies whoever drives the vehicle.
        case["vehicles"] = [v for v in case["vehicles"] if shows(v.get("persons") or [])]
    # Whatever was taken out, the signature no longer matches: it goes only with the whole.
    complete = content == report.content
    if not complete:
        content.pop("signature", None)
    return ReportView(report, content, shown, complete, text_withheld, hidden,
                      identities=[p.ref for p in shown if p.shows_identity])


def view(user: User, report: CaseReport, *, request: HttpRequest | None = None,
         reason: str = "") -> ReportView:
    """The report as the user may see it, after the reason it may ask for; the read is
    audited with the reason and the persons whose identity it shows."""
    reason = gate(user, report, reason, request)
    seen = judge(user, report)
    seen.reason = reason
    audit.record_read(user, "case_report", report.pk, request=request, reason=reason,
                      detail={"message_id": report.message_id, "identities": seen.identities,
                              "pseudonyms": [p.ref for p in seen.persons
                                             if p.sight == Sight.PSEUDONYM],
                              "left_out": seen.hidden})
    return seen


def may_take_file(user: User, report: CaseReport, *, request: HttpRequest | None = None,
                  reason: str = "") -> ReportView:
    """The signed file cannot be cut down without breaking its signature: it goes only to a
    user who sees every person in it in full. Refused otherwise, and the refusal audited."""
    reason = gate(user, report, reason, request)
    seen = judge(user, report)
    seen.reason = reason
    if not seen.complete:
        audit.record("case_report.download", actor=user, request=request,
                     object_type="case_report", object_id=report.pk, outcome="denied",
                     reason=reason, detail={"message_id": report.message_id})
        raise NotAllowed(_("The signed file names persons you may not see in full, so it is "
                           "not given to you. Open the report to see what you may."))
    audit.record("case_report.download", actor=user, request=request,
                 object_type="case_report", object_id=report.pk, reason=reason,
                 detail={"message_id": report.message_id, "identities": seen.identities})
    return seen
