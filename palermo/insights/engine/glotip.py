"""Read UNODC's GLOTIP data file (the data behind the Global Report on Trafficking in
Persons): CSV in UTF-8 (a byte-order mark is allowed) or an Excel workbook.

The file is refused whole at the first problem, with the row and the column (or the byte) at
fault: unknown or missing columns, bytes that are not UTF-8 (a file saved partly in another
encoding is refused rather than guessed at), bad codes, years or values. A value published as
"<5" (UNODC's rule for counts 1 to 4) is kept as censored, never turned into a number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pycountry
from django.utils.translation import gettext as _

from palermo.web import csvfile

COLUMNS = ("Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category",
           "Sex", "Age", "Year", "Unit", "txtVALUE", "Source")
REQUIRED = ("Indicator", "Year", "txtVALUE")
GLOBAL_NAMES = {"world", "global"}
MAX_ROWS = 500_000
MAX_PROBLEMS = 50  # reported at once, so a bad file can be fixed in one pass
_CENSORED = re.compile(r"^\s*<\s*(\d+)\s*$")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_XLSX_MAGIC = b"PK\x03\x04"


class GlotipError(ValueError):
    """A problem in the file; ``row`` counts the header as row 1, as a spreadsheet does."""

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None,
                 byte: int | None = None) -> None:
        where = []
        if row is not None:
            where.append(_("row %(row)d") % {"row": row})
        if column:
            where.append(_("column %(column)s") % {"column": column})
        if byte is not None:
            where.append(_("byte %(byte)d") % {"byte": byte})
        self.where = ", ".join(where)
        super().__init__(f"{self.where}: {message}" if where else message)
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
            extra = {"first": str(first), "n": len(problems) - 1}
            error.args = ((_("%(first)s (and more than %(n)d more problems)") if more
                           else _("%(first)s (and %(n)d more problems)")) % extra,)
        return error


@dataclass(frozen=True)
class Value:
    """A figure: ``number`` when exact; else ``below`` when published as "<below"."""

    number: Decimal | None
    below: int | None = None

    @property
    def censored(self) -> bool:
        return self.below is not None

    def __str__(self) -> str:
        return f"<{self.below}" if self.below is not None else str(self.number)


@dataclass(frozen=True)
class Row:
    line: int
    iso3: str
    country: str
    region: str
    subregion: str
    indicator: str
    dimension: str
    category: str
    sex: str
    age: str
    year: int
    unit: str
    value: Value
    source: str

    @property
    def level(self) -> str:
        """"country" when it has an ISO code; else "global", "subregion" or "region"."""
        if self.iso3:
            return "country"
        if self.country.strip().lower() in GLOBAL_NAMES or not (self.region or self.subregion):
            return "global"
        return "subregion" if self.subregion else "region"


def parse(data: bytes, file_name: str = "") -> list[Row]:
    """All rows of the file, or GlotipError for the first fault."""
    if data.startswith(_XLSX_MAGIC) or file_name.lower().endswith(".xlsx"):
        table = _xlsx_rows(data)
    else:
        table = _csv_rows(data)
    header = next(table, None)
    if header is None:
        raise GlotipError(_("the file is empty"))
    positions = _header(header)
    rows: list[Row] = []
    problems: list[GlotipError] = []
    for line, cells in enumerate(table, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) + len(problems) >= MAX_ROWS:
            raise GlotipError(_("more than %(n)d rows") % {"n": MAX_ROWS}, row=line)
        try:
            rows.append(_row(line, cells, positions, len(header)))
        except GlotipError as problem:
            problems.append(problem)
            if len(problems) > MAX_PROBLEMS:
                raise GlotipError.several(problems[:MAX_PROBLEMS], more=True) from None
    if problems:
        raise GlotipError.several(problems, more=False)
    if not rows:
        raise GlotipError(_("the file has a header but no figures"))
    return rows


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GlotipError(_("the file is UTF-16; save it as CSV UTF-8"), byte=0)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        offset = 3
    else:
        offset = 0
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _encoding_error(data, exc, offset) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise GlotipError(_("a NUL character: this is not a text file"), row=line)
    # The header names no separator of its own, so whichever it uses most is the one
    # (Excel writes ";" where the decimal mark is a comma).
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        for record in csvfile.records(io.StringIO(text, newline=""), delimiter=delimiter):
            yield record.cells
    except csvfile.CsvFault as exc:  # a quote left open would swallow the rows after it
        raise GlotipError(exc.reason, row=exc.line) from None


def _encoding_error(data: bytes, exc: UnicodeDecodeError, offset: int) -> GlotipError:
    start = exc.start
    line = data.count(b"\n", 0, start) + 1
    line_start = data.rfind(b"\n", 0, start) + 1
    header = data.split(b"\n", 1)[0].decode("utf-8", "replace").strip().split(",")
    before = data[line_start:start].decode("utf-8", "replace")
    field = next(csv.reader([before]), [""])
    column = header[len(field) - 1].strip().strip('"') if 0 < len(field) <= len(header) else None
    return GlotipError(
        _("byte 0x%(byte)02X is not valid UTF-8 (the file mixes encodings; save it as CSV "
          "UTF-8)") % {"byte": data[start]}, row=line, column=column, byte=start + offset)


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise GlotipError(_("reading .xlsx needs the openpyxl package; save the file as "
                            "CSV UTF-8")) from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise GlotipError(_("not a readable Excel workbook (%(error)s)")
                          % {"error": type(exc).__name__}) from None
    sheet = book.worksheets[0]
    for values in sheet.iter_rows(values_only=True):
        yield ["" if v is None else _excel_text(v) for v in values]


def _excel_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header(header: list[str]) -> dict[str, int]:
    names = [name.strip() for name in header]
    while names and not names[-1]:
        names.pop()
    known = {c.lower(): c for c in COLUMNS}
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        canonical = known.get(name.lower())
        if canonical is None:
            raise GlotipError(_("unknown column “%(name)s”; the columns are %(columns)s")
                              % {"name": name, "columns": ", ".join(COLUMNS)},
                              row=1, column=_letter(index))
        if canonical in positions:
            raise GlotipError(_("column “%(name)s” appears twice") % {"name": name},
                              row=1, column=_letter(index))
        positions[canonical] = index
    missing = [c for c in COLUMNS if c not in positions]
    if missing:
        raise GlotipError(_("missing columns %(names)s") % {"names": ", ".join(missing)},
                          row=1)
    return positions


def _row(line: int, cells: list[str], positions: dict[str, int], width: int) -> Row:
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        raise GlotipError(_("%(cells)d cells for %(columns)d columns")
                          % {"cells": len(cells), "columns": width}, row=line)

    def cell(name: str) -> str:
        index = positions[name]
        return cells[index].strip() if index < len(cells) else ""

    for name in REQUIRED:
        if not cell(name):
            raise GlotipError(_("empty"), row=line, column=name)
    iso3 = cell("Iso3_code").upper()
    if iso3 and not _known_country(iso3):
        raise GlotipError(_("“%(code)s” is not an ISO 3166-1 alpha-3 code") % {"code": iso3},
                          row=line,
                          column="Iso3_code")
    year_text = cell("Year")
    if not year_text.isdigit() or not 1900 <= int(year_text) <= 2200:
        raise GlotipError(_("“%(text)s” is not a year") % {"text": year_text}, row=line,
                          column="Year")
    return Row(line=line, iso3=iso3, country=cell("Country"), region=cell("Region"),
               subregion=cell("Subregion"), indicator=cell("Indicator"),
               dimension=cell("Dimension"), category=cell("Category"), sex=cell("Sex"),
               age=cell("Age"), year=int(year_text), unit=cell("Unit"),
               value=parse_value(cell("txtVALUE"), line), source=cell("Source"))


def parse_value(text: str, line: int | None = None) -> Value:
    censored = _CENSORED.match(text)
    if censored:
        return Value(number=None, below=int(censored.group(1)))
    if not _NUMBER.match(text):
        raise GlotipError(_("“%(text)s” is neither a number nor a censored value such as "
                            "“<5”") % {"text": text},
                          row=line, column="txtVALUE")
    try:
        return Value(number=Decimal(text))
    except InvalidOperation:
        raise GlotipError(_("“%(text)s” is not a number") % {"text": text}, row=line,
                          column="txtVALUE") from None


def _known_country(code: str) -> bool:
    # X-prefixed codes are user-assigned; UNODC uses XKX for Kosovo.
    return len(code) == 3 and ((code.startswith("X") and code.isalpha())
                               or pycountry.countries.get(alpha_3=code) is not None)


def _letter(index: int) -> str:
    """A spreadsheet column letter and, for the reader, nothing more."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
