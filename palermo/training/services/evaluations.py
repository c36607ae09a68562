"""The end-of-session questionnaire (questions in vocab/training_evaluation_questions.yaml):
answers are recorded without the trainee's name and summed up per session."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.training.models import Evaluation, TrainingSession
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

SCALE = range(1, 6)
MAX_COMMENT = 2000


def questions() -> list[Any]:
    return list(registry.get("training_evaluation_questions"))


def record(session: TrainingSession, answers: dict[str, Any], *, actor: User,
           request: HttpRequest | None = None) -> Evaluation:
    require(actor, "training.manage")
    known = {q.code: q for q in questions()}
    cleaned: dict[str, Any] = {}
    for code, value in answers.items():
        if code not in known:
            raise ServiceError(_("Unknown question %(code)s.") % {"code": code}, field=code)
        if value in (None, ""):
            continue
        if known[code].extra.get("kind") == "scale":
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = 0
            if number not in SCALE:
                raise ServiceError(_("Answer from 1 to 5."), field=code)
            cleaned[code] = number
        else:
            comment = str(value).strip()
            if len(comment) > MAX_COMMENT:
                raise ServiceError(_("At most %(n)d characters.") % {"n": MAX_COMMENT},
                                   field=code)
            if comment:
                cleaned[code] = comment
    if not cleaned:
        raise ServiceError(_("Answer at least one question."), field=next(iter(known)))
    with transaction.atomic():
        evaluation = Evaluation.objects.create(session=session, answers=cleaned,
                                               recorded_by=actor)
        audit.record("evaluation.create", actor=actor, request=request,
                     object_type="evaluation", object_id=evaluation.pk,
                     detail={"session": session.pk})
    return evaluation


@dataclass
class QuestionResult:
    code: str
    kind: str
    answers: int = 0
    mean: float | None = None
    counts: dict[int, int] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)


def results(session: TrainingSession) -> tuple[int, list[QuestionResult]]:
    """How many filled in the questionnaire, and per question the mean and the spread of a
    scale, or the comments."""
    rows = list(session.evaluations.values_list("answers", flat=True))
    found = []
    for question in questions():
        kind = question.extra.get("kind", "scale")
        result = QuestionResult(question.code, kind)
        values = [row[question.code] for row in rows if question.code in row]
        result.answers = len(values)
        if kind == "scale":
            result.counts = {n: values.count(n) for n in SCALE}
            result.mean = round(sum(values) / len(values), 2) if values else None
        else:
            result.comments = [str(v) for v in values]
        found.append(result)
    return len(rows), found
