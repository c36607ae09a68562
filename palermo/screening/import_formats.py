"""Reading and checking watch-list files line by line: CSV, JSON Lines, FollowTheMoney.

A reader yields one :class:`Raw` per row: the line it starts on, its values by column name
(the documented column names whatever the format), and the faults found while reading it
(bytes that are not UTF-8, broken JSON, an FtM country code that has no ISO alpha-3).
:class:`Checker` then checks the values against the vocabularies and turns a good row into a
:class:`Row` of model field values. The column spec is in docs/screening-import.md.
"""

from __future__ import annotations

import csv
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
from django.utils.translation import gettext

from palermo.core import csvfile

COLUMNS = {
    "documents": ("number", "issuing_state", "status", "kind", "reported_on", "source",
                  "source_id", "notes"),
    "vehicles": ("vin", "plate", "plate_country", "make", "model", "colour", "status", "source",
                 "source_id"),
    "persons": ("names", "birth_date", "sex", "nationalities", "reason", "action", "source",
                "source_id"),
}
# Each entry is a set of alternatives: a vehicle file needs a vin column or a plate column.
REQUIRED = {
    "documents": (("number",), ("issuing_state",), ("status",)),
    "vehicles": (("vin", "plate"),),
    "persons": (("names",), ("reason",)),
}
# FtM schemata each kind takes, with the document kind they stand for.
FTM_SCHEMATA = {"documents": {"Passport": "passport", "Identification": "id_card"},
                "vehicles": {"Vehicle": ""}, "persons": {"Person": ""}}
FTM_SOURCE = "ftm"
# OpenSanctions topics, most urgent first: a wanted person needs action before a conviction.
FTM_REASONS = (("wanted", "wanted"), ("crime.traffick.human", "convicted_trafficker"),
               ("crime.traffick", "convicted_trafficker"))


class FileError(Exception):
    """The file cannot be read on from here (missing columns, an unclosed quote)."""

    def __init__(self, line: int, field: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.field = field


@dataclass(slots=True)
class Raw:
    line: int
    data: dict[str, Any]
    errors: list[tuple[str, str]] = field(default_factory=list)


def undecodable(path: Path) -> dict[int, int]:
    """Line number -> byte offset of the first byte on that line that is not UTF-8.

    A first pass in C speed (a million rows in a fraction of a second), so the reading pass
    can use the text layer and still point at the very byte an editor's "go to" finds."""
    bad: dict[int, int] = {}
    line, offset = 1, 0
    with path.open("rb") as handle:
        # Chunks end on a line break, so no character is cut in two between chunks.
        while chunk := handle.read(1 << 20) + handle.readline():
            at = 0
            while at < len(chunk):
                try:
                    chunk[at:].decode("utf-8")
                    break
                except UnicodeDecodeError as exc:
                    where = at + exc.start
                    bad.setdefault(line + chunk.count(b"\n", 0, where), offset + where)
                    at = chunk.find(b"\n", where) + 1 or len(chunk)
            line += chunk.count(b"\n")
            offset += len(chunk)
    return bad


def _encoding_errors(bad: dict[int, int], first: int, last: int) -> list[tuple[str, str]]:
    return [("encoding", f"not UTF-8 at byte offset {bad[n]}")
            for n in range(first, last + 1) if n in bad]


def _text_lines(path: Path) -> Any:
    # utf-8-sig drops a spreadsheet's byte-order mark; only "\n" ends a line, as in the
    # byte count of undecodable(), so line numbers agree.
    return path.open(encoding="utf-8-sig", errors="replace", newline="\n")


class Reader:
    """One file of one kind. ``warnings`` and ``skipped`` are filled while reading."""

    def __init__(self, kind: str, path: Path) -> None:
        self.kind = kind
        self.path = path
        self.warnings: list[str] = []
        self.skipped = 0  # FtM entities of other schemata (addresses, sanctions...)

    def rows(self) -> Iterator[Raw]:
        raise NotImplementedError

    def check(self) -> None:
        """Raise FileError if the file cannot be split into rows, before anything is written.
        Only CSV can fail so: a quote left open runs into the rows after it."""


# No watch-list field is near this long; a longer one means a quote was left open and the
# rest of the file ran into it (csvfile.records then names the line where it opened). Set on
# every read, since the limit is global to the process and other libraries change it.
FIELD_LIMIT = 128 * 1024


class CsvReader(Reader):
    def rows(self) -> Iterator[Raw]:
        bad = undecodable(self.path)
        csv.field_size_limit(FIELD_LIMIT)
        with _text_lines(self.path) as handle:
            table = csvfile.records(handle)
            try:
                header = [name.strip().lower()
                          for name in next(table, csvfile.Record(1, 1, [])).cells]
                self._check_header(header)
                width = len(header)
                for first, last, cells in table:
                    if not cells:
                        continue
                    raw = Raw(first, dict(zip(header, map(str.strip, cells), strict=False)))
                    if bad:
                        raw.errors += _encoding_errors(bad, first, last)
                    if len(cells) != width:
                        raw.errors.append(("row", f"{len(cells)} fields, the header has {width}"))
                    yield raw
            except csvfile.CsvFault as exc:  # the rest of the file cannot be split into rows
                raise FileError(exc.line, "row", exc.reason.translated(gettext)) from None

    def check(self) -> None:
        # A pass of the csv module alone: seconds for a million rows, against the minutes
        # of an import that would otherwise commit batches up to the broken quote.
        csv.field_size_limit(FIELD_LIMIT)
        with _text_lines(self.path) as handle:
            try:
                deque(csvfile.records(handle), maxlen=0)
            except csvfile.CsvFault as exc:
                raise FileError(exc.line, "row", exc.reason.translated(gettext)) from None

    def _check_header(self, header: list[str]) -> None:
        missing = [" or ".join(names) for names in REQUIRED[self.kind]
                   if not any(name in header for name in names)]
        if missing:
            raise FileError(1, "header", f"missing columns: {', '.join(missing)}")
        known = {*COLUMNS[self.kind], "op"}
        unknown = [name for name in header if name not in known]
        if unknown:
            self.warnings.append(f"columns ignored: {', '.join(unknown)}")


class JsonLinesReader(Reader):
    def rows(self) -> Iterator[Raw]:
        bad = undecodable(self.path)
        with _text_lines(self.path) as handle:
            for number, text in enumerate(handle, start=1):
                if number in bad:
                    yield Raw(number, {}, _encoding_errors(bad, number, number))
                    continue
                if not text.strip():
                    continue
                try:
                    value = json.loads(text)
                except json.JSONDecodeError as exc:
                    yield Raw(number, {}, [("json", f"{exc.msg} at column {exc.colno}")])
                    continue
                if not isinstance(value, dict):
                    yield Raw(number, {}, [("json", "each line must be one JSON object")])
                    continue
                raw = self.convert(number, value)
                if raw is not None:
                    yield raw

    def convert(self, line: int, value: dict[str, Any]) -> Raw | None:
        """The object as stripped text, as a CSV row would give it."""
        raw = Raw(line, {})
        for key, item in value.items():
            key = str(key).lower()
            if isinstance(item, str):
                raw.data[key] = item.strip()
            elif item is None:
                raw.data[key] = ""
            elif isinstance(item, int | float) and not isinstance(item, bool):
                raw.data[key] = str(item)
            elif (isinstance(item, list) and key in {"names", "nationalities"}
                  and all(isinstance(part, str) for part in item)):
                raw.data[key] = [part.strip() for part in item]
            else:
                raw.errors.append((key, "must be text" if key not in {"names", "nationalities"}
                                   else "must be text or a list of texts"))
        return raw


class FtmReader(JsonLinesReader):
    """FollowTheMoney entities, one per line, as OpenSanctions publishes them; the lines of
    its delta files (``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}``) are understood too."""

    def convert(self, line: int, value: dict[str, Any]) -> Raw | None:
        op = ""
        if "entity" in value and isinstance(value["entity"], dict):
            op, value = str(value.get("op", "")), value["entity"]
        kinds = FTM_SCHEMATA[self.kind]
        schema = value.get("schema")
        if schema not in kinds:
            self.skipped += 1
            return None
        props = value.get("properties") or {}
        if not isinstance(props, dict):
            return Raw(line, {}, [("json", "properties must be an object")])
        raw = Raw(line, {"source": FTM_SOURCE, "source_id": str(value.get("id") or "")})
        if op.lower() in {"del", "delete", "remove"}:
            raw.data["op"] = "remove"
        if self.kind == "documents":
            raw.data.update(number=_first(props, "number", "passportNumber"),
                            issuing_state=_country(props, "country", "issuing_state", raw),
                            status=_first(props, "status") or "stolen", kind=kinds[schema],
                            notes=_first(props, "notes", "summary"))
        elif self.kind == "vehicles":
            raw.data.update(vin=_first(props, "vin"), plate=_first(props, "registrationNumber"),
                            plate_country=_country(props, "country", "plate_country", raw),
                            model=_first(props, "model"), status=_first(props, "status")
                            or "stolen")
        else:
            raw.data.update(names=_person_names(props), birth_date=_birth_date(props),
                            sex={"male": "M", "female": "F"}.get(_first(props, "gender"), ""),
                            nationalities=_countries(props, raw), reason=_reason(value, props))
        return raw


def _values(props: dict[str, Any], name: str) -> list[str]:
    found = props.get(name) or []
    return [str(item).strip() for item in (found if isinstance(found, list) else [found])
            if str(item).strip()]


def _first(props: dict[str, Any], *names: str) -> str:
    for name in names:
        found = _values(props, name)
        if found:
            return found[0]
    return ""


@cache
def alpha3(code: str) -> str | None:
    """FtM writes ISO 3166-1 alpha-2 in lower case; the watch lists hold alpha-3."""
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    return country.alpha_3 if country is not None else None


def _country(props: dict[str, Any], name: str, column: str, raw: Raw) -> str:
    code = _first(props, name)
    if not code:
        return ""
    converted = alpha3(code)
    if converted is None:
        raw.errors.append((column, f"unknown country code {code!r} (FtM {name})"))
        return ""
    return converted


def _countries(props: dict[str, Any], raw: Raw) -> list[str]:
    found: list[str] = []
    for name in ("nationality", "citizenship"):
        for code in _values(props, name):
            converted = alpha3(code)
            if converted is None:
                raw.errors.append(("nationalities", f"unknown country code {code!r} (FtM {name})"))
            elif converted not in found:
                found.append(converted)
    return found


def _person_names(props: dict[str, Any]) -> list[str]:
    # weakAlias is left out on purpose: OpenSanctions marks those as too vague to match on.
    names = _values(props, "name") + _values(props, "alias")
    if not names:
        whole = " ".join(_values(props, "firstName")[:1] + _values(props, "lastName")[:1])
        names = [whole] if whole else []
    return list(dict.fromkeys(names))


def _birth_date(props: dict[str, Any]) -> str:
    """One birth date, or none when the source gives several: a wrong year lowers a true
    match by 0.30 (see palermo/names/index.py), so an uncertain date is worse than no date."""
    dates = {value[:10] if len(value) >= 10 else value[:4] for value in _values(props, "birthDate")}
    return dates.pop() if len(dates) == 1 else ""


def _reason(entity: dict[str, Any], props: dict[str, Any]) -> str:
    topics = set(_values(props, "topics")) | set(_values(entity, "topics"))
    for topic, reason in FTM_REASONS:
        if topic in topics:
            return reason
    return _first(props, "reason") or "other"


def reader_for(kind: str, path: Path) -> Reader | None:
    """The reader for the file's extension, or None when the extension is not one we read."""
    name = path.name.lower()
    if name.endswith((".ftm.json", ".ftm.jsonl")):
        return FtmReader(kind, path)
    if name.endswith(".jsonl"):
        return JsonLinesReader(kind, path)
    if name.endswith(".csv"):
        return CsvReader(kind, path)
    return None
