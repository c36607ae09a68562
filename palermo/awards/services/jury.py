"""The jury's work: each juror declares conflicts of interest (and then cannot score that
nomination), scores eligible nominations against vocab/award_criteria.yaml (0 to 10 per
criterion, weighted), writes deliberation notes; the chair names the laureates from the
ranking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.awards.models import Conflict, Cycle, Laureate, Nomination, Note, Score
from palermo.awards.services.common import in_state, require_juror
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

MARKS = range(0, 11)


def criteria() -> list[Any]:
    return list(registry.get("award_criteria"))


def weighted(marks: dict[str, int]) -> float:
    """The weighted mean over the criteria, on the same 0 to 10 scale."""
    terms = criteria()
    total_weight = sum(float(t.extra["weight"]) for t in terms)
    return round(sum(marks[t.code] * float(t.extra["weight"]) for t in terms) / total_weight, 2)


def declare_conflict(nomination: Nomination, *, actor: User, reason: str,
                     request: HttpRequest | None = None) -> Conflict:
    """A conflict withdraws the juror's score of this nomination, if any."""
    require_juror(nomination.cycle, actor)
    in_state(nomination.cycle, Cycle.State.JURY)
    if not reason.strip():
        raise ServiceError(_("Say what the conflict is."), field="reason")
    with transaction.atomic():
        conflict, _created = Conflict.objects.update_or_create(
            nomination=nomination, juror=actor, defaults={"reason": reason.strip()})
        withdrawn, _kinds = Score.objects.filter(nomination=nomination, juror=actor).delete()
        audit.record("nomination.conflict", actor=actor, request=request,
                     object_type="nomination", object_id=nomination.pk,
                     reason=reason.strip(), detail={"score_withdrawn": bool(withdrawn)})
    return conflict


def has_conflict(nomination: Nomination, user: User) -> bool:
    return nomination.conflicts.filter(juror=user).exists()


def score(nomination: Nomination, marks: dict[str, Any], *, actor: User, comment: str = "",
          request: HttpRequest | None = None) -> Score:
    require_juror(nomination.cycle, actor)
    in_state(nomination.cycle, Cycle.State.JURY)
    if has_conflict(nomination, actor):
        raise NotAllowed(_("You declared a conflict of interest on this nomination."))
    if nomination.eligible is not True:
        raise ServiceError(_("Only a nomination found eligible is scored."), field="eligible")
    cleaned: dict[str, int] = {}
    for term in criteria():
        value = marks.get(term.code)
        try:
            number = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = -1
        if number not in MARKS:
            raise ServiceError(_("Give a mark from 0 to 10 for “%(criterion)s”.")
                               % {"criterion": term.label(get_language() or "en")},
                               field=term.code)
        cleaned[term.code] = number
    unknown = sorted(set(marks) - set(cleaned))
    if unknown:
        raise ServiceError(_("Unknown criterion %(code)s.") % {"code": unknown[0]},
                           field=unknown[0])
    with transaction.atomic():
        found, created = Score.objects.update_or_create(
            nomination=nomination, juror=actor,
            defaults={"marks": cleaned, "total": weighted(cleaned),
                      "comment": comment.strip(), "scored_at": timezone.now()})
        audit.record("nomination.score", actor=actor, request=request,
                     object_type="nomination", object_id=nomination.pk,
                     detail={"marks": cleaned, "total": found.total, "first": created})
    return found


@dataclass
class Ranked:
    nomination: Nomination
    mean: float | None
    scores: int
    conflicts: int
    laureate: bool


def ranking(cycle: Cycle, *, actor: User, request: HttpRequest | None = None) -> list[Ranked]:
    """Eligible nominations by their mean score, best first; unscored ones last."""
    if not actor.has_perm("awards.manage"):
        require_juror(cycle, actor)
    nominations = list(cycle.nominations.filter(eligible=True)
                       .prefetch_related("scores", "conflicts")
                       .select_related("cycle"))
    named = set(Laureate.objects.filter(nomination__cycle=cycle)
                .values_list("nomination_id", flat=True))
    rows = []
    for nomination in nominations:
        totals = [s.total for s in nomination.scores.all()]
        rows.append(Ranked(nomination, round(sum(totals) / len(totals), 2) if totals else None,
                           len(totals), len(nomination.conflicts.all()),
                           nomination.pk in named))
    audit.record_reads(actor, "nomination", [(r.nomination.pk, {"ranking": True})
                                             for r in rows], request=request)
    return sorted(rows, key=lambda r: (r.mean is None, -(r.mean or 0), r.nomination.pk))


def add_note(cycle: Cycle, *, actor: User, text: str,
             request: HttpRequest | None = None) -> Note:
    require_juror(cycle, actor)
    in_state(cycle, Cycle.State.JURY)
    if not text.strip():
        raise ServiceError(_("Write the note."), field="text")
    with transaction.atomic():
        note = Note.objects.create(cycle=cycle, author=actor, text=text.strip())
        audit.record("award_note.create", actor=actor, request=request,
                     object_type="award_cycle", object_id=cycle.pk, detail={"note": note.pk})
    return note


def notes(cycle: Cycle, *, actor: User) -> list[Note]:
    if not actor.has_perm("awards.manage"):
        require_juror(cycle, actor)
    return list(cycle.notes.select_related("author"))


def name_laureate(nomination: Nomination, *, actor: User, citation: str,
                  request: HttpRequest | None = None) -> Laureate:
    """The chair names a laureate from among the scored eligible nominations."""
    cycle = nomination.cycle
    if not require_juror(cycle, actor).chair:
        raise NotAllowed(_("Only the chair of the jury names the laureates."))
    in_state(cycle, Cycle.State.JURY)
    if has_conflict(nomination, actor):
        raise NotAllowed(_("You declared a conflict of interest on this nomination."))
    if nomination.eligible is not True or not nomination.scores.exists():
        raise ServiceError(_("A laureate is chosen from the scored eligible nominations."),
                           field="nomination")
    if not citation.strip():
        raise ServiceError(_("Write the citation read at the ceremony."), field="citation")
    if Laureate.objects.filter(nomination=nomination).exists():
        raise ServiceError(_("This nominee is a laureate already."), field="nomination")
    with transaction.atomic():
        laureate = Laureate.objects.create(nomination=nomination, citation=citation.strip(),
                                           named_by=actor)
        audit.record("nomination.laureate", actor=actor, request=request,
                     object_type="nomination", object_id=nomination.pk)
    return laureate


def awaiting(user: User) -> int:
    """How many eligible nominations before the user's juries they have neither scored nor
    declared a conflict on."""
    if not user.has_perm("awards.jury"):
        return 0
    return (Nomination.objects.filter(cycle__jurors__user=user, cycle__state=Cycle.State.JURY,
                                      eligible=True)
            .exclude(scores__juror=user).exclude(conflicts__juror=user).distinct().count())
