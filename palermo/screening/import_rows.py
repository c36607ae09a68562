"""Checking the values of one watch-list row against the vocabularies and turning a good
row into a :class:`Row` of model field values (readers are in import_formats)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from palermo.screening.engine.documents import normalise, vin_problem
from palermo.screening.import_formats import COLUMNS, Raw
from palermo.screening.services import MAX_NAME
from palermo.vocab import registry

REMOVE_OPS = {"remove", "delete", "del"}
UPSERT_OPS = {"", "add", "update", "upsert", "mod"}
SEXES = {"": "", "m": "M", "f": "F", "x": "X", "male": "M", "female": "F"}
LIMITS = {"kind": 16, "plate": 16, "make": 50, "model": 50, "colour": 30, "source": 100,
          "source_id": 100}


def _normalise(number: str) -> str:
    """engine.documents.normalise, without its per-character loop for the usual number that
    has nothing to remove (a million rows spent a fifth of the check time there)."""
    upper = number.upper()
    return upper if upper.isalnum() else normalise(number)


@dataclass(slots=True)
class Row:
    """A good row: model field values (only the columns the row gives, so an update leaves
    the others alone) and the keys that find the record it updates or removes."""

    line: int
    values: dict[str, Any]
    remove: bool = False
    source_key: tuple[str, str] | None = None
    pair: tuple[str, str] | None = None  # documents: (number, issuing_state)

    def merged(self, later: Row) -> Row:
        """Two rows for one record in one batch: the later wins, column by column."""
        return Row(later.line, {**self.values, **later.values}, later.remove,
                   later.source_key or self.source_key, later.pair or self.pair)


class Checker:
    """Checks a row's values; readers hand them over as stripped text (lists of text for
    names and nationalities), so the checks need no type tests on the hot path."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        # Sets, not the vocabularies: a million rows make a million lookups.
        self.countries = set(registry.get("countries").codes())
        self.statuses = set(registry.get("document_statuses").codes())
        self.reasons = set(registry.get("watch_reasons").codes())
        self.limits = [(key, limit) for key, limit in LIMITS.items() if key in COLUMNS[kind]]
        self.today = dt.date.today()
        self.year_only = 0
        self.fields = {"documents": self._document, "vehicles": self._vehicle,
                       "persons": self._person}[kind]

    def warnings(self) -> list[str]:
        if not self.year_only:
            return []
        return [f"{self.year_only} birth dates given as a year only were not stored "
                "(the watch list holds full dates)"]

    def row(self, raw: Raw) -> Row | None:
        """The row's values, or None with the faults added to ``raw.errors``."""
        if raw.errors:  # a row with bad bytes or broken JSON cannot be trusted further
            return None
        data, errors = raw.data, raw.errors
        op = data.get("op", "").lower()
        if op not in UPSERT_OPS and op not in REMOVE_OPS:
            errors.append(("op", f"unknown op {op!r}: 'remove', or leave it empty"))
        for key, limit in self.limits:
            if len(data.get(key, "")) > limit:
                errors.append((key, f"at most {limit} characters, this has {len(data[key])}"))
        remove = op in REMOVE_OPS
        values: dict[str, Any] = {}
        source, source_id = data.get("source", ""), data.get("source_id", "")
        if "source" in data:
            values["source"] = source
        if "source_id" in data:
            values["source_id"] = source_id
        self.fields(data, errors, values, remove)
        row = Row(raw.line, values, remove, (source, source_id) if source and source_id else None)
        if self.kind == "documents" and values["number"] and values["issuing_state"]:
            row.pair = (values["number"], values["issuing_state"])
        if remove and not row.source_key and not row.pair:
            also = " or by number and issuing_state" if self.kind == "documents" else ""
            errors.append(("source_id", f"a removal names the record by source and "
                                        f"source_id{also}"))
        return None if errors else row

    def _document(self, data: dict[str, Any], errors: list[tuple[str, str]],
                  values: dict[str, Any], remove: bool) -> None:
        values["number"] = number = _normalise(data.get("number", ""))
        values["issuing_state"] = state = data.get("issuing_state", "").upper()
        if remove:
            return
        if not number:
            errors.append(("number", "empty document number"))
        elif len(number) > 64:
            errors.append(("number", f"at most 64 characters, this has {len(number)}"))
        _code(errors, "issuing_state", state, self.countries, "country code")
        values["status"] = _code(errors, "status", data.get("status", "").lower(),
                                 self.statuses, "status")
        if "kind" in data:
            values["kind"] = data["kind"].lower() or "passport"
        if "reported_on" in data:
            values["reported_on"] = self._date(data, errors, "reported_on")
        if "notes" in data:
            values["notes"] = data["notes"]

    def _vehicle(self, data: dict[str, Any], errors: list[tuple[str, str]],
                 values: dict[str, Any], remove: bool) -> None:
        if remove:
            return
        vin, plate = _normalise(data.get("vin", "")), _normalise(data.get("plate", ""))
        if not vin and not plate:
            errors.append(("vin", "give a VIN or a plate"))
        problem = vin_problem(vin) if vin else None
        if problem:
            errors.append(("vin", problem))
        if len(plate) > LIMITS["plate"]:
            errors.append(("plate", f"at most 16 characters, this has {len(plate)}"))
        values.update(vin=vin, plate=plate)
        if "plate_country" in data:
            values["plate_country"] = _code(errors, "plate_country",
                                            data["plate_country"].upper(), self.countries,
                                            "country code", required=False)
        values.update((key, data[key]) for key in ("make", "model", "colour") if key in data)
        if "status" in data:
            values["status"] = _code(errors, "status", data["status"].lower() or "stolen",
                                     self.statuses, "status")

    def _person(self, data: dict[str, Any], errors: list[tuple[str, str]],
                values: dict[str, Any], remove: bool) -> None:
        if remove:
            return
        values["names"] = names = _list(data, "names")
        if not names:
            errors.append(("names", "at least one name"))
        if any(len(name) > MAX_NAME for name in names):
            errors.append(("names", f"a name has at most {MAX_NAME} characters"))
        if "birth_date" in data:
            values["birth_date"] = self._date(data, errors, "birth_date", year_ok=True)
        if "sex" in data:
            values["sex"] = SEXES.get(data["sex"].lower(), "")
            if data["sex"].lower() not in SEXES:
                errors.append(("sex", f"unknown sex {data['sex']!r}: M, F, X or empty"))
        if "nationalities" in data:
            values["nationalities"] = [
                _code(errors, "nationalities", code.upper(), self.countries, "country code")
                for code in _list(data, "nationalities")]
        values["reason"] = _code(errors, "reason", data.get("reason", "").lower(),
                                 self.reasons, "reason")
        if "action" in data:
            values["action"] = data["action"]

    def _date(self, data: dict[str, Any], errors: list[tuple[str, str]], key: str, *,
              year_ok: bool = False) -> dt.date | None:
        text = data[key]
        if not text:
            return None
        if year_ok and len(text) == 4 and text.isdigit():
            if int(text) > self.today.year:
                errors.append((key, f"{text} is in the future"))
            self.year_only += 1
            return None
        shape = "YYYY-MM-DD or YYYY" if year_ok else "YYYY-MM-DD"
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            errors.append((key, f"{text!r} is not a date ({shape})"))
            return None
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            errors.append((key, f"{text} is not a real date"))
            return None
        if day > self.today:
            errors.append((key, f"{text} is in the future"))
        return day


def _list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, "")
    items = value if isinstance(value, list) else value.split("|")
    return [item.strip() for item in items if item.strip()]


def _code(errors: list[tuple[str, str]], key: str, code: str, known: set[str], what: str, *,
          required: bool = True) -> str:
    if not code:
        if required:
            errors.append((key, f"missing {what}"))
    elif code not in known:
        listed = f" (known: {', '.join(sorted(known))})" if len(known) <= 10 else ""
        errors.append((key, f"unknown {what} {code!r}{listed}"))
    return code
