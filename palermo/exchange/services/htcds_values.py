"""How one cell of an HTCDS file is read: dates (year-month-day, or day and month in a
known order), countries and languages by code or name, and Palermo's own codes, pairs and
documents. A cell that cannot be read raises ``Bad`` with the reason in the user's words."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pycountry
from django.utils.translation import gettext as _

from palermo.exchange.services import htcds_fields as fields
from palermo.exchange.services.htcds_fields import Field
from palermo.vocab import registry

CLASSIFICATION_KEYS = {"acts": "palermo_acts", "means": "palermo_means",
                       "purposes": "palermo_purposes",
                       "exploitation_types": "exploitation_types"}
ISO_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
SLASHED = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")


class Bad(ValueError):
    """A cell that cannot be read; the message says why in the user's words."""


def parse_date(raw: str, order: str) -> dt.date:
    parts: tuple[int, int, int] | None = None
    if match := ISO_DATE.match(raw):
        parts = (int(match[1]), int(match[2]), int(match[3]))
    elif match := DOTTED.match(raw):
        parts = (int(match[3]), int(match[2]), int(match[1]))
    elif match := SLASHED.match(raw):
        first, second = int(match[1]), int(match[2])
        if not order and (first > 12 or second > 12):
            order = "dmy" if first > 12 else "mdy"  # only one way to read it
        if first != second and not order:
            raise Bad(_("“%(value)s” may be read as day/month or month/day: write it as "
                        "year-month-day (such as 1990-03-25), or say how the file writes "
                        "dates.") % {"value": raw})
        day, month = (second, first) if order == "mdy" else (first, second)
        parts = (int(match[3]), month, day)
    if parts is None:
        raise Bad(_("“%(value)s” is not a date: write it as year-month-day, such as "
                    "1990-03-25.") % {"value": raw})
    try:
        return dt.date(*parts)
    except ValueError:
        raise Bad(_("“%(value)s” is not a day of the calendar.") % {"value": raw}) from None


def _by_code(database: Any, text: str, keys: tuple[str, ...]) -> Any:
    """A code first, a name only then: "en" is English, not the language named "En"."""
    for key in keys:
        found = database.get(**{key: text})
        if found is not None:
            return found
    return database.lookup(text)


def country(raw: str) -> str:
    try:
        found = _by_code(pycountry.countries, raw.strip(), ("alpha_2", "alpha_3"))
    except LookupError:
        raise Bad(_("“%(value)s” is not a country: write its ISO 3166 code, such as UA or "
                    "UKR.") % {"value": raw}) from None
    return str(found.alpha_3)


def language(raw: str) -> str | None:
    """The ISO 639-1 code of a language named by any ISO 639 code or its English name (None:
    a language without one)."""
    try:
        found = _by_code(pycountry.languages, raw.strip().lower(),
                         ("alpha_2", "alpha_3", "bibliographic"))
    except LookupError:
        raise Bad(_("“%(value)s” is not a language: write its ISO 639-2 code, such as ukr.")
                  % {"value": raw}) from None
    code = getattr(found, "alpha_2", None)
    return str(code) if code else None


def code_of(found: Field, raw: str) -> str:
    if raw not in registry.get(found.vocabulary):
        raise Bad(_("“%(value)s” is not one of Palermo's codes for this column.")
                  % {"value": raw})
    return raw


def pair(found: Field, raw: str) -> tuple[str, str]:
    match = fields.CODE_PAIR.match(raw)
    if found.kept == "classification":
        keys = CLASSIFICATION_KEYS
    else:
        keys = {code: "countries" for code in registry.get("country_roles").codes()}
    if not match or match["key"] not in keys:
        raise Bad(_("“%(value)s” is not written as one of %(keys)s, a colon and a code.")
                  % {"value": raw, "keys": ", ".join(keys)})
    if match["code"] not in registry.get(keys[match["key"]]):
        raise Bad(_("“%(value)s”: “%(code)s” is not one of Palermo's codes for it.")
                  % {"value": raw, "code": match["code"]})
    return match["key"], match["code"]


def document(raw: str) -> dict[str, str]:
    kind, _sep, rest = raw.partition(":")
    issuer, _sep, number = rest.partition(":")
    if not (kind.strip() and number.strip()):
        raise Bad(_("“%(value)s” is not written as kind:country:number.") % {"value": raw})
    return {"kind": kind.strip(), "issuing_country": country(issuer),
            "number": number.strip()}
