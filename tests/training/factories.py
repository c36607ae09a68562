"""Training for tests: a course, a session that has begun, and a registered trainee."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from palermo.training.models import Course, Registration, TrainingSession
from palermo.training.services import courses, trainees


def course(trainer: Any, **fields: Any) -> Course:
    values = {"title": "Identifying victims at the border",
              "professions": ["border_officer", "police_officer"], "refresher_months": 24,
              **fields}
    return courses.create_course(actor=trainer, **values)


def session(trainer: Any, of: Course | None = None, **fields: Any) -> TrainingSession:
    today = timezone.localdate()
    values = {"starts_on": today - dt.timedelta(days=1), "ends_on": today,
              "place": "Ben Gurion Airport, Terminal 3", "capacity": 20,
              "trainers": "Tamar Trainer", **fields}
    return courses.create_session(of or course(trainer), actor=trainer, **values)


def registered(trainer: Any, at: TrainingSession, name: str = "Dana Levi",
               email: str = "dana@example.org", **fields: Any) -> Registration:
    values = {"profession": "border_officer", **fields}
    return trainees.register(at, actor=trainer, full_name=name, email=email, **values)
