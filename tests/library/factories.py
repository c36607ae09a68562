"""Library records made through the services, indexed at once (the index is written on
commit; the test's transaction never commits, so the callbacks are run on the spot)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.test import TestCase

from palermo.library import services


@contextmanager
def indexed() -> Iterator[None]:
    """Run the index updates that the block schedules for commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def decision(author: Any, **fields: Any) -> Any:
    values: dict[str, Any] = {
        "country": "ISR", "court": "Tel Aviv District Court", "court_level": "first_instance",
        "legal_system": "mixed", "case_number": "12345-06-19",
        "decision_date": dt.date(2021, 3, 14), "language": "en",
        "exploitation_types": ["ForcedLabour"],
        "charges": [{"defendant": "A", "charge": "Trafficking in persons",
                     "legislation": "Penal Law s. 377A", "verdict": "convicted"}],
        "full_text": "The defendants recruited workers by deception."}
    values.update(fields)
    with indexed():
        return services.create_decision(actor=author, **values)


def opinion(author: Any, **fields: Any) -> Any:
    values: dict[str, Any] = {"author": "Dr. R. Levi", "subject": "Indicators of forced labour",
                              "opinion_date": dt.date(2020, 1, 5), "language": "en",
                              "full_text": "Confiscation of passports is a strong indicator."}
    values.update(fields)
    with indexed():
        return services.create_opinion(actor=author, **values)


def guide(author: Any, **fields: Any) -> Any:
    values: dict[str, Any] = {"form": "forced_labour", "title": "Investigating forced labour",
                              "language": "en", "full_text": "Start with the payroll."}
    values.update(fields)
    with indexed():
        return services.create_guide(actor=author, **values)
