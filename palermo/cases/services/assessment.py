"""Victim identification by trafficking indicators (ILO 2012 and sets for sexual
exploitation, domestic servitude, begging and children, in vocab/trafficking_indicators.yaml).

The rule is deliberately simple and shown to the user in full: strong indicators weigh 3,
medium 2, weak 1. Two strong indicators, or one strong and two medium, propose an identified
victim; any strong indicator, two medium or three weak propose a possible victim. The score is
advice; a person decides the status (``persons.decide_status``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.audit import services as audit
from palermo.cases.models import CasePerson, IndicatorAssessment
from palermo.cases.services.access import Sight, person_sight, sight_of
from palermo.cases.services.codes import check_codes
from palermo.cases.services.errors import NotAllowed, ServiceError
from palermo.cases.services.timeline import add_event, person
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

WEIGHTS = {"strong": 3, "medium": 2, "weak": 1}
FULL_SCORE = 12  # weight at which the score reaches 1.0
STRENGTHS = {"strong": gettext_lazy("strong"), "medium": gettext_lazy("medium"),
             "weak": gettext_lazy("weak")}


@dataclass(frozen=True)
class IndicatorGroup:
    code: str
    label: str
    indicators: list[tuple[str, str, str]]  # code, label, strength in words


def indicator_groups() -> list[IndicatorGroup]:
    """The indicators in the order the assessment page asks them, group by group."""
    indicators = registry.get("trafficking_indicators")
    language = get_language() or "en"
    return [IndicatorGroup(code, group.label(language),
                           [(t.code, t.label(language), str(STRENGTHS[t.extra["strength"]]))
                            for t in indicators if t.extra["group"] == code])
            for code, group in indicators.groups.items()]


@dataclass(frozen=True)
class Advice:
    score: float
    proposed_status: str
    proposed_referrals: list[str]
    explanation: list[str]


def advise(present: list[str], *, is_child: bool = False) -> Advice:
    indicators = registry.get("trafficking_indicators")
    present = check_codes("trafficking_indicators", present, "indicators")
    strengths = Counter(indicators.get(code).extra["strength"] for code in present)
    weight = sum(WEIGHTS[s] * n for s, n in strengths.items())
    strong, medium, weak = strengths["strong"], strengths["medium"], strengths["weak"]
    child_strong = any(indicators.get(c).extra["set"] == "child" and
                       indicators.get(c).extra["strength"] == "strong" for c in present)
    if strong >= 2 or (strong and medium >= 2) or (is_child and child_strong):
        status = "identified_victim"
    elif strong or medium >= 2 or weak >= 3:
        status = "possible_victim"
    else:
        status = "not_a_victim"
    language = get_language() or "en"
    explanation = []
    for code in present:
        term = indicators.get(code)
        strength = term.extra["strength"]
        explanation.append(f"{term.label(language)} ({STRENGTHS[strength]}, "
                           f"+{WEIGHTS[strength]})")
    referrals: list[str] = []
    for code in present:
        for reason in indicators.get(code).extra.get("suggests_referral_codes") or []:
            if reason not in referrals:
                referrals.append(reason)
    return Advice(round(min(1.0, weight / FULL_SCORE), 2), status, referrals, explanation)


def assess(case_person: CasePerson, present: list[str], *, actor: User,
           request: HttpRequest | None = None) -> IndicatorAssessment:
    if not actor.has_perm("cases.assess") or \
            person_sight(actor, sight_of(actor, case_person.case), case_person) == Sight.HIDDEN:
        raise NotAllowed(_("Your roles do not allow assessing this person."))
    if case_person.role != "victim":
        raise ServiceError(_("Indicators are assessed for a (possible) victim."), field="role")
    if not present:
        raise ServiceError(_("Tick at least one indicator that is present. An assessment with "
                             "none ticked is not kept: if no indicator is present, decide the "
                             "status instead."), field="indicators")
    advice = advise(present, is_child=case_person.is_child)
    with transaction.atomic():
        assessment = IndicatorAssessment.objects.create(
            case_person=case_person, present=present, score=advice.score,
            proposed_status=advice.proposed_status,
            proposed_referrals=advice.proposed_referrals, explanation=advice.explanation,
            assessed_by=actor,
        )
        add_event(case_person.case, "assessment",
                  N_("%(who)s: indicator assessment, score %(score)s."),
                  {"who": person(case_person), "score": f"{advice.score:.2f}"},
                  actor=actor, case_person=case_person)
        audit.record("case_person.assess", actor=actor, request=request,
                     object_type="person", object_id=case_person.person_id,
                     detail={"case": case_person.case.reference, "score": advice.score,
                             "indicators": present})
    return assessment
