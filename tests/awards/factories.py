"""Awards for tests: a cycle with a jury and its chair, and a nomination."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from palermo.awards.models import Cycle, Nomination
from palermo.awards.services import cycles, nominations
from palermo.vocab import registry

ALL_ELIGIBLE = {t.code: True for t in registry.get("award_eligibility")}
GOOD_MARKS = {"impact": 9, "innovation": 7, "cooperation": 8, "persistence": 10}


def cycle(manager: Any, *, chair: Any = None, jurors: tuple[Any, ...] = (),
          **fields: Any) -> Cycle:
    values = {"year": 2026, "title": "Presidential award against trafficking",
              "closes_on": timezone.localdate() + dt.timedelta(days=30), **fields}
    made = cycles.create(actor=manager, **values)
    if chair is not None:
        cycles.appoint(made, chair, actor=manager, chair=True)
    for juror in jurors:
        cycles.appoint(made, juror, actor=manager)
    return made


def nomination(at: Cycle, nominator: Any, name: str = "Rachel Stern", **fields: Any
               ) -> Nomination:
    values = {"nominee_organisation": "Hotline for Refugees and Migrants",
              "achievements": "Identified 40 victims of labour trafficking in 2025.", **fields}
    return nominations.submit(at, actor=nominator, nominee_name=name, **values)
