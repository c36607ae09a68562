"""What a screening check is asked and what it answers: the query, read from the border
page's single field or from its parts, and the hits with their explanations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.screening.engine.documents import normalise, vin_problem

MAX_NAME = 300
MAX_QUERY = 400
_YEAR = re.compile(r"[0-9]{4}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Query:
    mrz: str = ""
    document_number: str = ""
    issuing_state: str = ""
    vin: str = ""
    plate: str = ""
    plate_country: str = ""
    name: str = ""
    birth_date: str | None = None
    nationality: str | None = None
    sex: str | None = None


@dataclass
class Hit:
    kind: str
    score: float
    record: dict[str, Any]
    explanation: list[str]
    action: str = ""
    notice: dict[str, Any] | None = None


@dataclass
class Result:
    hits: list[Hit] = field(default_factory=list)
    mrz: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    took_ms: float = 0.0


def interpret(text: str) -> Query:
    """What the single field of the border page holds: an MRZ, a VIN, a number or a name."""
    text = text.strip()
    if not text:
        raise ServiceError(_("Type or scan something to check."), field="q")
    if len(text) > MAX_QUERY:
        raise ServiceError(_("At most %(n)d characters.") % {"n": MAX_QUERY}, field="q")
    compact = text.replace("\n", "").replace("\r", "")
    if "<" in compact and len(compact) >= 60:
        return Query(mrz=text)
    packed = normalise(text)
    if len(packed) == 17 and not vin_problem(packed):
        return Query(vin=packed)
    if any(c.isdigit() for c in packed) and 5 <= len(packed) <= 14 and " " not in text:
        return Query(document_number=packed)
    return Query(name=text)


def birth_date(value: str | None) -> str | None:
    """A queried birth date as the matcher compares it: a real day ``YYYY-MM-DD`` or a year
    ``YYYY``. Anything else is refused rather than ignored: the matcher would pass over a
    date it cannot read, and a true match would lose the score an agreeing date gives it."""
    text = (value or "").strip()
    if not text:
        return None
    if _YEAR.fullmatch(text):
        return text
    if _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise ServiceError(_("Give the birth date as YYYY-MM-DD or as a year (YYYY), not "
                         "“%(value)s”.") % {"value": text[:20]}, field="birth_date")
