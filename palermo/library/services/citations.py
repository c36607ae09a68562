"""Citations between decisions: found in a decision's summary, reasoning and text whenever
they are written (``engine/citations``), stored as links to the decision with that case
number when the library holds it, else kept unresolved with the text as written; a decision
added later resolves the citations of it that were waiting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from palermo.core.checks import require
from palermo.library.engine import citations as detector
from palermo.library.models import Citation, JudicialDecision

if TYPE_CHECKING:
    from palermo.access.models import User


def case_key(case_number: str) -> str:
    return detector.case_key(case_number)


def refresh(decision: JudicialDecision) -> list[Citation]:
    """Find the decision's citations again and link those that can be (in the caller's
    transaction)."""
    decision.citations.all().delete()
    text = "\n".join(filter(None, [decision.summary, decision.reasoning, decision.full_text]))
    found = [f for f in detector.detect(text) if f.key != decision.citation_key]
    targets = {d.citation_key: d for d in JudicialDecision.objects.filter(
        citation_key__in=[f.key for f in found]).exclude(pk=decision.pk).order_by("-pk")}
    made = Citation.objects.bulk_create([
        Citation(citing=decision, cited=targets.get(f.key), text=f.text[:120], key=f.key[:120],
                 form=f.form) for f in found])
    Citation.objects.filter(cited=decision).exclude(key=decision.citation_key).update(cited=None)
    if decision.citation_key:
        Citation.objects.filter(key=decision.citation_key, cited__isnull=True).exclude(
            citing=decision).update(cited=decision)
    return made


def cites(user: User, decision: JudicialDecision) -> QuerySet[Citation]:
    """What the decision cites, in the order of its text; ``cited`` is None when unresolved."""
    require(user, "library.view")
    return decision.citations.select_related("cited").order_by("pk")


def cited_by(user: User, decision: JudicialDecision) -> QuerySet[Citation]:
    require(user, "library.view")
    return Citation.objects.filter(cited=decision).select_related("citing").order_by(
        "-citing__decision_date", "citing__pk")
