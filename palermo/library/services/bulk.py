"""Bulk import of judicial decisions: every file of a folder (its fields read from the text),
or a CSV of metadata naming a file on each line. Each record is saved whole or not at all;
the report names every file imported and every file refused, with the reason.

A file larger than the upload limit is refused from its size alone, before it is read."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core import csvfile
from palermo.core.checks import require
from palermo.library.engine import extract, language, prefill
from palermo.library.services.records import create_decision
from palermo.library.values import from_json as values_from_json

if TYPE_CHECKING:
    from django.http import HttpRequest

    from palermo.access.models import User

REQUIRED = ("file", "country", "court")
OPTIONAL = ("case_number", "decision_date", "court_level", "legal_system", "language",
            "parties", "exploitation_types", "sector", "summary", "reasoning")
LISTS = {"exploitation_types"}  # several codes, separated by ";" or spaces
SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt"}
MAX_CSV_BYTES = 5 * 2**20


@dataclass(frozen=True)
class Source:
    """One file to import: its name, its size, a way to read it, and the CSV's values."""

    name: str
    size: int
    read: Callable[[], bytes]
    values: dict[str, str] = field(default_factory=dict)
    line: int = 0


@dataclass
class Report:
    imported: list[tuple[str, int]] = field(default_factory=list)  # (file, decision id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    def lines(self) -> list[str]:
        return ([f"imported {name}: decision {pk}" for name, pk in self.imported]
                + [f"failed {name}: {reason}" for name, reason in self.failed])


def read_csv(data: bytes) -> list[dict[str, str]]:
    """The CSV's rows; a file that is not UTF-8 or lacks a required column is refused whole,
    naming the byte or the columns."""
    if len(data) > MAX_CSV_BYTES:
        raise ServiceError(_("The CSV is larger than %(mb)d MB.") % {"mb": MAX_CSV_BYTES // 2**20},
                           field="csv")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ServiceError(_("The CSV is not UTF-8 (byte %(at)d).") % {"at": exc.start},
                           field="csv") from None
    try:
        table = list(csvfile.records(io.StringIO(text, newline="")))
    except csvfile.CsvFault as exc:  # nothing is imported from a file whose rows run together
        raise ServiceError(_("The CSV cannot be read: %(problem)s.")
                           % {"problem": exc.message.translated(_)}, field="csv") from None
    columns = [c.strip() for c in table[0].cells] if table else []
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ServiceError(_("The CSV lacks the columns: %(columns)s.")
                           % {"columns": ", ".join(missing)}, field="csv")
    unknown = [c for c in columns if c and c not in REQUIRED + OPTIONAL]
    if unknown:
        raise ServiceError(_("The CSV has unknown columns: %(columns)s.")
                           % {"columns": ", ".join(unknown)}, field="csv")
    rows = []
    for record in table[1:]:
        if any(cell.strip() for cell in record.cells[len(columns):]):
            raise ServiceError(_("Line %(line)d of the CSV has more values than the header "
                                 "has columns.") % {"line": record.line}, field="csv")
        if record.cells:  # a blank line is no row, as for csv.DictReader
            rows.append({name: (record.cells[i].strip() if i < len(record.cells) else "")
                         for i, name in enumerate(columns)})
    return rows


def folder_sources(folder: Path) -> list[Source]:
    """Every document in the folder and below it, in name order."""
    return [Source(str(p.relative_to(folder)), p.stat().st_size, p.read_bytes)
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix.lower() in SUFFIXES]


def csv_sources(rows: list[dict[str, str]], find: Callable[[str], Path | Any | None]
                ) -> list[Source]:
    """A source per CSV line (line 2 is the first after the header); ``find`` gives a path
    or an uploaded file for a name, or None."""
    out = []
    for line, row in enumerate(rows, start=2):
        name = row.get("file", "")
        found = find(name) if name else None
        if isinstance(found, Path):
            out.append(Source(name, found.stat().st_size, found.read_bytes, row, line))
        elif found is not None:
            out.append(Source(name, found.size, found.read, row, line))
        else:
            out.append(Source(name, -1, bytes, row, line))
    return out


def _fields(source: Source, text: str) -> dict[str, Any]:
    read = prefill.prefill(text)
    values: dict[str, Any] = {k: v for k, v in source.values.items() if k != "file" and v}
    for name in LISTS & set(values):
        values[name] = [c for c in values[name].replace(";", " ").split() if c]
    fields: dict[str, Any] = {"full_text": text, "source_file": source.name[:255],
                              "language": language.detect(text),
                              "court": read.court, "case_number": read.case_number[:64],
                              "decision_date": read.decision_date}
    fields.update(values)
    if isinstance(fields.get("decision_date"), str):
        fields.update(values_from_json({"decision_date": fields["decision_date"]}))
    return fields


def _one(source: Source, *, actor: User, country: str, request: HttpRequest | None) -> int:
    where = f"line {source.line}: " if source.line else ""
    if source.size < 0:
        raise ServiceError(where + _("no file named “%(name)s” was given")
                           % {"name": source.name or "—"})
    if source.size > extract.MAX_BYTES:
        raise ServiceError(where + _("the file is larger than %(mb)d MB")
                           % {"mb": extract.MAX_BYTES // 2**20})
    try:
        text = extract.extract(source.name, source.read())
    except extract.ExtractionError as exc:
        raise ServiceError(where + str(exc).removeprefix(f"{source.name}: ")) from None
    try:
        fields = _fields(source, text)
    except ServiceError as exc:
        raise ServiceError(f"{where}{exc.field}: {exc.message}") from None
    fields.setdefault("country", country)
    if not fields.get("country"):
        raise ServiceError(where + _("no country: give one for the folder or in the CSV"))
    if not fields.get("court"):
        raise ServiceError(where + _("no court could be read from the text; name it in a CSV"))
    try:
        with transaction.atomic():
            return create_decision(actor=actor, request=request, **fields).pk
    except ServiceError as exc:
        named = f"{exc.field}: " if exc.field else ""
        raise ServiceError(where + named + exc.message) from None


def import_sources(sources: Iterable[Source], *, actor: User, country: str = "",
                   request: HttpRequest | None = None,
                   progress: Callable[[int], None] = lambda done: None) -> Report:
    require(actor, "library.edit")
    report = Report()
    for done, source in enumerate(sources, start=1):
        try:
            report.imported.append((source.name, _one(source, actor=actor, country=country,
                                                      request=request)))
        except ServiceError as exc:
            report.failed.append((source.name, exc.message))
        progress(done)
    audit.record("library.import", actor=actor, request=request, object_type="library",
                 outcome="success" if not report.failed else "failure",
                 detail={"imported": [pk for _name, pk in report.imported],
                         "failed": [{"file": n, "error": e} for n, e in report.failed][:200]})
    return report
