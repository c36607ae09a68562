"""The rows of a GLOTIP file as text cells, numbered as a spreadsheet numbers them: CSV in
UTF-8 (a byte-order mark is allowed) or the first sheet of an Excel workbook. A row is
``(number, cells)``; rows above the header (the preamble) come one by one, the header and what
follows through the CSV reader that refuses a quote left open (``palermo.core.csvfile``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator

from palermo.core import csvfile
from palermo.core.messages import N_, Joined, Message

COLUMNS = ("Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category",
           "Sex", "Age", "Year", "Unit of measurement", "txtVALUE", "Source")
# Names other files use for the same columns: "Unit" in files saved before dataUNODC renamed
# it, "VALUE" where a tool dropped the "txt" prefix.
ALIASES = {"unit": "Unit of measurement", "value": "txtVALUE"}
PREAMBLE_ROWS = 10  # the header is looked for this far down
_LINE_END = re.compile(r"\r\n|\r|\n")


class GlotipError(ValueError):
    """A problem in the file; ``row`` is the row as a spreadsheet numbers it. ``message``
    says what is wrong and ``summary`` also where (and how many more problems there are):
    Messages, English until the page showing them calls ``translated``."""

    def __init__(self, message: Message, *, row: int | None = None, column: str | None = None,
                 byte: int | None = None) -> None:
        where = []
        if row is not None:
            where.append(Message(N_("row %(row)d"), row=row))
        if column:
            where.append(Message(N_("column %(column)s"), column=column))
        if byte is not None:
            where.append(Message(N_("byte %(byte)d"), byte=byte))
        self.summary: Message = Joined(": ", Joined(", ", *where), message) if where \
            else message
        super().__init__(self.summary)
        self.message = message
        self.row = row
        self.column = column
        self.byte = byte
        self.problems: list[GlotipError] = [self]

    @classmethod
    def several(cls, problems: list[GlotipError], more: bool) -> GlotipError:
        first = problems[0]
        error = cls(first.message, row=first.row, column=first.column, byte=first.byte)
        error.problems = problems
        if len(problems) > 1 or more:
            error.summary = Message(N_("%(first)s (and more than %(n)d more problems)") if more
                                    else N_("%(first)s (and %(n)d more problems)"),
                                    first=first.summary, n=len(problems) - 1)
            error.args = (error.summary,)
        return error

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The summary in the language of ``gettext``."""
        return self.summary.translated(gettext)



def csv_rows(data: bytes) -> Iterator[tuple[int, list[str]]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GlotipError(Message(N_("the file is UTF-16; save it as CSV UTF-8")), byte=0)
    offset = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _encoding_error(data[offset:], exc, offset) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise GlotipError(Message(N_("a NUL character: this is not a text file")), row=line)
    # The preamble rows are read one by one: only from the header on do rows have the
    # header's width, which the CSV reader checks a row spread over several lines against.
    start = 0
    for line in range(1, PREAMBLE_ROWS + 1):
        if start >= len(text):
            return
        end = _LINE_END.search(text, start)
        stop = end.end() if end else len(text)
        delimiter, cells = split_line(text[start:stop])
        if known_names(cells):
            break
        yield line, cells
        start = stop
    else:
        return  # no header in the first rows: read() says so
    try:
        for record in csvfile.records(io.StringIO(text[start:], newline=""),
                                      delimiter=delimiter):
            yield record.line + line - 1, record.cells
    except csvfile.CsvFault as exc:  # a quote left open would swallow the rows after it
        raise GlotipError(exc.reason, row=exc.line + line - 1) from None


def split_line(raw: str) -> tuple[str, list[str]]:
    """A single line's cells, with the separator that finds the most column names in it (the
    header names no separator of its own; Excel writes ";" where the decimal mark is ",")."""
    splits = {delimiter: next(csv.reader([raw.rstrip("\r\n")], delimiter=delimiter), [])
              for delimiter in ",;\t"}
    delimiter = max(splits, key=lambda d: (len(known_names(splits[d])), raw.count(d)))
    return delimiter, splits[delimiter]


def known_names(cells: list[str]) -> list[str]:
    return [name for cell in cells if (name := canonical(cell))]


def canonical(name: str) -> str | None:
    wanted = name.strip().casefold()
    for column in COLUMNS:
        if column.casefold() == wanted:
            return column
    return ALIASES.get(wanted)


def _encoding_error(data: bytes, exc: UnicodeDecodeError, offset: int) -> GlotipError:
    start = exc.start
    line = data.count(b"\n", 0, start) + 1
    line_start = data.rfind(b"\n", 0, start) + 1
    header: list[str] = []
    for raw in data[:line_start].decode("utf-8", "replace").splitlines()[:PREAMBLE_ROWS]:
        _delimiter, cells = split_line(raw)
        if known_names(cells):
            header = [cell.strip() for cell in cells]
            break
    before = data[line_start:start].decode("utf-8", "replace")
    cells_before = next(csv.reader([before]), [""])
    column = (header[len(cells_before) - 1] if 0 < len(cells_before) <= len(header)
              else None)
    return GlotipError(
        Message(N_("byte 0x%(byte)02X is not valid UTF-8 (the file mixes encodings; save it "
                   "as CSV UTF-8)"), byte=data[start]), row=line, column=column,
        byte=start + offset)


def xlsx_rows(data: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise GlotipError(Message(N_("reading .xlsx needs the openpyxl package; save the "
                                     "file as CSV UTF-8"))) from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise GlotipError(Message(N_("not a readable Excel workbook (%(error)s)"),
                                  error=type(exc).__name__)) from None
    sheet = book.worksheets[0]
    for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield line, ["" if v is None else _excel_text(v) for v in values]


def _excel_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):  # a release date typed as a date in the preamble
        return value.strftime("%d/%m/%Y")
    return str(value)
