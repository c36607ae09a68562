"""Reading an HTCDS 2.0 file (CSV, as the toolkit's spreadsheet saves it or a program writes
it) into rows of values, with the mapping report: one header row of field names or labels, or
the toolkit's two (names, then labels); picklist values by value name or by label, multi-selects
separated by semicolons; dates as year-month-day, or day and month in the order the file uses.
Nothing is written here."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.core import csvfile
from palermo.exchange.services import htcds_fields as fields
from palermo.exchange.services.htcds_fields import Field
from palermo.exchange.services.htcds_report import (
    KEPT,
    NO_HEADER,
    NOT_KEPT,
    PALERMO,
    UNKNOWN,
    Column,
    MappingReport,
)
from palermo.exchange.services.htcds_values import (
    SLASHED,
    Bad,
    code_of,
    country,
    document,
    language,
    pair,
    parse_date,
)
from palermo.vocab import registry

MAX_BYTES = 20 * 1024 * 1024
FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what an export quotes so no sheet runs it
DATE_ORDERS = ("dmy", "mdy")


@dataclass
class Cell:
    column: str
    raw: str
    value: Any


@dataclass
class Row:
    line: int
    cells: dict[str, Cell] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        cell = self.cells.get(name)
        return default if cell is None else cell.value

    def column(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.column if cell else ""


@dataclass
class Reading:
    rows: list[Row]
    report: MappingReport
    present: dict[str, str]  # field name -> the letter of its column


def _decode(content: bytes) -> str:
    if len(content) > MAX_BYTES:
        raise ServiceError(_("The file is larger than 20 MB."), field="file")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ServiceError(_("The file is not UTF-8 (byte %(at)d). Save it from the "
                             "spreadsheet as “CSV UTF-8”.") % {"at": exc.start},
                           field="file") from None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    for candidate in (",", "\t", ";"):
        if candidate in first:
            return candidate
    return ","


def _records(text: str) -> list[csvfile.Record]:
    try:
        return list(csvfile.records(io.StringIO(text, newline=""),
                                    delimiter=_delimiter(text)))
    except csvfile.CsvFault as exc:  # a quote left open: refused whole, naming where
        raise ServiceError(_("The file cannot be read: %(problem)s.")
                           % {"problem": exc.message.translated(_)}, field="file") from None


def _one(found: tuple[Field, ...]) -> Field | None:
    return found[0] if len(found) == 1 else None


def _resolve(index: int, first: str, second: str | None, report: MappingReport
             ) -> Field | None:
    """The field a column holds, from its one or two header cells."""
    letter = fields.column_letter(index)
    found1, how1 = fields.by_header(first)
    found2, how2 = fields.by_header(second or "")
    if found1 and found2 and set(found1) & set(found2):
        both = [f for f in found1 if f in found2]
        if len(both) == 1:
            return both[0]
    one1, one2 = _one(found1), _one(found2)
    if one1 and one2 and one1 != one2:
        if {how1, how2} != {"name", "label"}:
            report.fail(0, letter, first, _(
                "Column %(column)s: the two header rows name different fields (%(one)s, "
                "%(two)s).") % {"column": letter, "one": one1.name, "two": one2.name})
            return None
        # The toolkit's own sheet names some columns for one field and labels them for
        # another; whoever filled it in typed what the label asked for.
        named, labelled = (one1, one2) if how1 == "name" else (one2, one1)
        report.columns.append(Column(
            letter, [first, second or ""], KEPT, labelled.name, labelled.label,
            note=_("the header rows disagree: the name says %(named)s, the label "
                   "“%(label)s”; read as %(chosen)s, as the label says") % {
                "named": named.name, "label": labelled.label, "chosen": labelled.name}))
        return labelled
    chosen = one1 or one2
    if chosen:
        return chosen
    shared = found1 or found2
    if shared:
        report.fail(0, letter, first or second or "", _(
            "Column %(column)s: the label “%(label)s” belongs to several HTCDS fields "
            "(%(fields)s); write the field's name in the header instead.") % {
            "column": letter, "label": first if found1 else second,
            "fields": ", ".join(f.name for f in shared)})
    return None


def _is_label_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    matched = sum(1 for c in filled if fields.by_header(c)[0])
    return len(filled) >= 2 and matched * 2 >= len(filled)


def _headers(table: list[csvfile.Record], report: MappingReport) -> list[tuple[int, Field]]:
    first = table[0].cells
    second = table[1].cells if len(table) > 1 and _is_label_row(table[1].cells) else None
    report.header_rows = 2 if second is not None else 1
    width = max(len(first), len(second or []))
    chosen: list[tuple[int, Field]] = []
    taken: dict[str, str] = {}
    for index in range(width):
        one = first[index] if index < len(first) else ""
        two = (second[index] if index < len(second) else "") if second is not None else None
        letter = fields.column_letter(index)
        before = len(report.columns)
        found = _resolve(index, one, two, report)
        headers = [one] if two is None else [one, two]
        if found is None:
            outcome = NO_HEADER if not "".join(headers).strip() else UNKNOWN
            report.columns.append(Column(letter, headers, outcome))
            continue
        if found.name in taken:
            report.fail(0, letter, found.label, _(
                "Columns %(first)s and %(second)s both hold %(field)s.") % {
                "first": taken[found.name], "second": letter, "field": found.name})
            continue
        taken[found.name] = letter
        if len(report.columns) == before:
            report.columns.append(Column(letter, headers, KEPT, found.name, found.label))
        column = report.columns[-1]
        column.outcome = PALERMO if found.palermo else KEPT if found.kept else NOT_KEPT
        column.becomes = found.becomes or found.reason
        chosen.append((index, found))
    if not chosen and not report.problems:
        _not_htcds(first)
    return chosen


def _looks_like_ctdc(header: list[str]) -> bool:
    """The CTDC data set shares a few column names with HTCDS's labels (gender,
    citizenship) but has many of its own (ageBroad, isForcedLabour) and no field names."""
    from palermo.exchange.services import ctdc

    own = [c for c in header if c.strip() in ctdc.columns() and not fields.by_header(c)[0]]
    named = [c for c in header if fields.by_header(c)[1] == "name"]
    return len(own) >= 2 and not named


def _not_htcds(header: list[str]) -> None:
    if _looks_like_ctdc(header):
        raise ServiceError(_("This file has the columns of the CTDC data set (such as gender, "
                             "ageBroad, isForcedLabour), not the fields of HTCDS 2.0: import "
                             "it as a CTDC file."), field="file")
    raise ServiceError(_("No column of this file is an HTCDS 2.0 field (such as prs_FirstName "
                         "or “First Name”, vic_MethodsOfControl or “Methods of Control”)."),
                       field="file")


def read(content: bytes, *, date_order: str = "") -> Reading:
    """The file's rows of values and its mapping report; the report's problems name each bad
    cell by row, column and field."""
    if date_order and date_order not in DATE_ORDERS:
        raise ServiceError(_("Choose how the file writes dates."), field="date_order")
    table = _records(_decode(content))
    if not table or not any(c.strip() for c in table[0].cells):
        raise ServiceError(_("The file is empty: its first row should name the HTCDS "
                             "fields."), field="file")
    if _looks_like_ctdc(table[0].cells):
        _not_htcds(table[0].cells)
    report = MappingReport(date_order=date_order)
    chosen = _headers(table, report)
    body = table[report.header_rows:]
    if not date_order:
        report.date_order = _date_order(body, chosen, report)
    rows = []
    for record in body:
        row = _row(record, chosen, report)
        if row is not None:
            rows.append(row)
    if not rows and not report.problems:
        raise ServiceError(_("The file has its header but no rows of data."), field="file")
    report.rows = len(rows)
    present = {f.name: fields.column_letter(i) for i, f in chosen}
    return Reading(rows, report, present)


def _row(record: csvfile.Record, chosen: list[tuple[int, Field]], report: MappingReport
         ) -> Row | None:
    cells = record.cells
    row = Row(record.line)
    columns = {c.field: c for c in report.columns if c.field}
    filled = [(i, f, _unquoted(cells[i].strip())) for i, f in chosen
              if i < len(cells) and cells[i].strip()]
    if not filled:
        return None  # an empty row, or only the toolkit's row number
    for index, found, raw in filled:
        letter = fields.column_letter(index)
        column = columns[found.name]
        column.filled += 1
        if not (found.kept or found.palermo):
            continue
        try:
            value = _value(found, raw, report.date_order, row.line, letter, report)
        except Bad as exc:
            report.fail(row.line, letter, found.label, str(exc))
            continue
        row.cells[found.name] = Cell(letter, raw, value)
        _seen(column, found, value)
    return row


def _unquoted(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA else cell


def _seen(column: Column, found: Field, value: Any) -> None:
    """Each picklist value once in the report, with what it became."""
    if found.read not in ("picklist", fields.MULTI):
        return
    for name in value:
        if fields.label_of(found.name, name) in column.values:
            continue
        codes = fields.palermo_codes(found.name, name) or []
        target = _target_vocabulary(found)
        language = get_language() or "en"
        words = [registry.label(target, c, language) if target else c for c in codes]
        column.values[fields.label_of(found.name, name)] = ", ".join(words) or _("not kept")


def _target_vocabulary(found: Field) -> str:
    if found.table:
        return registry.get(found.table).refers["palermo_codes"]
    return found.vocabulary


def _value(found: Field, raw: str, order: str, line: int, letter: str,
           report: MappingReport) -> Any:
    kind = found.read
    if kind in ("picklist", fields.MULTI):
        parts = fields.split(raw) if kind == fields.MULTI else [raw]
        values = []
        for part in parts:
            value = found.value(part)
            if value is None:
                raise Bad(_("“%(value)s” is not one of this field's values.") % {"value": part})
            if value.name not in values:
                values.append(value.name)
        return values
    if kind == "date":
        return parse_date(raw, order)
    if kind in ("country", "countries"):
        return [country(part) for part in (fields.split(raw) if kind == "countries" else [raw])]
    if kind in ("language", "languages"):
        found_codes = []
        for part in fields.split(raw) if kind == "languages" else [raw]:
            code = language(part)
            if code is None:
                report.note(line, letter, found.label, _(
                    "“%(value)s” is kept by no two-letter ISO 639-1 code, as Palermo keeps "
                    "languages: not kept.") % {"value": part})
            else:
                found_codes.append(code)
        return found_codes
    if kind in ("code", "codes"):
        return [code_of(found, part) for part in (fields.split(raw) if kind == "codes" else [raw])]
    if kind == "pairs":
        return [pair(found, part) for part in fields.split(raw)]
    if kind == "list":
        parts = fields.split(raw)
        if found.kept == "documents":
            return [document(part) for part in parts]
        return parts
    if kind == "number":
        if not raw.isdigit() or int(raw) > 120:
            raise Bad(_("“%(value)s” is not an age in years.") % {"value": raw})
        return int(raw)
    return raw


def _date_order(body: list[csvfile.Record], chosen: list[tuple[int, Field]],
                report: MappingReport) -> str:
    """How the file writes day and month when it writes them with slashes, from the dates
    that can only be read one way; a file that writes them both ways is refused."""
    seen: dict[str, tuple[int, str, str, str]] = {}
    for record in body:
        for index, found in chosen:
            if found.read != "date" or index >= len(record.cells):
                continue
            match = SLASHED.match(record.cells[index].strip())
            if not match or int(match[1]) == int(match[2]):
                continue
            order = "dmy" if int(match[1]) > 12 else "mdy" if int(match[2]) > 12 else ""
            if order and order not in seen:
                seen[order] = (record.line, fields.column_letter(index),
                               record.cells[index].strip(), found.label)
    if len(seen) == 2:
        later, earlier = sorted(seen.values(), reverse=True)
        report.fail(later[0], later[1], later[3], _(
            "“%(value)s” and “%(other)s” (row %(row)d) write day and month in different "
            "orders: write every date as year-month-day.") % {
            "value": later[2], "other": earlier[2], "row": earlier[0]})
        return ""
    return next(iter(seen), "")
