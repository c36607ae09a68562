"""The mapping report of an HTCDS import, the same on the page, in the API's JSON and from
the command: every column of the file with what it became (or why not), every field of the
standard by name with Palermo's treatment, every problem by row, column and field, and what
was imported."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as default
from typing import Any

from django.utils.translation import gettext as _

from palermo.exchange.services import htcds_fields as fields

KEPT, NOT_KEPT, PALERMO, UNKNOWN, NO_HEADER = "kept", "not_kept", "palermo", "unknown", "none"


@dataclass
class Column:
    letter: str
    headers: list[str]  # the header cells as the file writes them
    outcome: str  # KEPT, NOT_KEPT, PALERMO, UNKNOWN or NO_HEADER
    field: str = ""  # the field's name
    label: str = ""
    becomes: str = ""  # what it became, or why it was not kept
    note: str = ""
    filled: int = 0  # rows with a value in it
    values: dict[str, str] = default(default_factory=dict)  # value -> what it became

    @property
    def header(self) -> str:
        return " / ".join(h for h in self.headers if h.strip())

    @property
    def read(self) -> bool:
        return self.outcome in (KEPT, PALERMO)


@dataclass
class Problem:
    row: int  # the row of the spreadsheet (the line of the file it starts on); 0: the file
    column: str  # its letter
    field: str  # the field's label, as people read it
    message: str

    def __str__(self) -> str:
        if not self.row:
            return self.message
        if not self.column:
            return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}
        return _("Row %(row)d, column %(column)s (%(field)s): %(message)s") % {
            "row": self.row, "column": self.column, "field": self.field,
            "message": self.message}


@dataclass
class ImportedCase:
    key: str  # the file's case reference, or the row
    reference: str  # the case it became
    persons: int
    case_id: int | None = None


@dataclass
class MappingReport:
    columns: list[Column] = default(default_factory=list)
    problems: list[Problem] = default(default_factory=list)  # any one means nothing is written
    notes: list[Problem] = default(default_factory=list)  # values read but not kept
    header_rows: int = 1
    date_order: str = ""
    rows: int = 0
    cases: list[ImportedCase] = default(default_factory=list)
    persons: int = 0
    imported: bool = False
    dry_run: bool = False

    @property
    def errors(self) -> list[str]:
        return [str(p) for p in self.problems]

    @property
    def remarks(self) -> list[str]:
        return [str(p) for p in self.notes]

    def fields(self) -> list[dict[str, Any]]:
        """Every field of the standard by name: where the file has it and what Palermo does
        with it."""
        where = {c.field: c.letter for c in self.columns if c.field}
        return [{"name": f.name, "label": f.label, "section": f.section, "core": f.core,
                 "column": where.get(f.name, ""), "kept": bool(f.kept),
                 "becomes": f.becomes or f.reason} for f in fields.standard()]

    def as_dict(self) -> dict[str, Any]:
        return {
            "standard": "HTCDS", "version": fields.table()["version"],
            "imported": self.imported, "dry_run": self.dry_run,
            "header_rows": self.header_rows, "date_order": self.date_order,
            "rows": self.rows, "persons": self.persons,
            "cases": [asdict(c) for c in self.cases],
            "errors": self.errors, "notes": self.remarks,
            "problems": [asdict(p) for p in self.problems],
            "columns": [asdict(c) for c in self.columns],
            "fields": self.fields(),
        }

    def lines(self) -> list[str]:
        """The report as plain lines, for the command."""
        out = [_("HTCDS %(version)s file: %(rows)d rows of data under %(headers)d header "
                 "rows.") % {"version": fields.table()["version"], "rows": self.rows,
                             "headers": self.header_rows}]
        for column in self.columns:
            head = column.header or "—"
            if column.outcome == KEPT:
                what = _("kept: %(what)s") % {"what": column.becomes}
            elif column.outcome == PALERMO:
                what = _("Palermo's own column: %(what)s") % {"what": column.becomes}
            elif column.outcome == NOT_KEPT:
                what = _("not kept: %(why)s") % {"why": column.becomes}
            elif column.outcome == NO_HEADER:
                what = _("no header: not read")
            else:
                what = _("not an HTCDS 2.0 field: not read")
            out.append(f"  {column.letter} {head}: {what}")
            if column.note:
                out.append(f"      {column.note}")
            out.extend(f"      {value} → {became}" for value, became in column.values.items())
        out.extend(f"  ! {line}" for line in self.errors)
        out.extend(f"  - {line}" for line in self.remarks)
        if self.problems:
            out.append(_("Nothing was imported."))
        elif self.dry_run:
            out.append(_("Every value is good: %(persons)d persons would be added. Nothing "
                         "was written.") % {"persons": self.persons})
        else:
            out.extend(_("Case %(ref)s (%(key)s): %(persons)d persons.") % {
                "ref": c.reference, "key": c.key, "persons": c.persons} for c in self.cases)
        return out

    def fail(self, row: int, column: str, field_label: str, message: str) -> None:
        self.problems.append(Problem(row, column, field_label, message))

    def note(self, row: int, column: str, field_label: str, message: str) -> None:
        self.notes.append(Problem(row, column, field_label, message))
