"""Read UNODC's GLOTIP data file (the data behind the Global Report on Trafficking in
Persons), ``data_glotip.csv`` or ``.xlsx`` as dataUNODC publishes it: two preamble rows (the
publisher, then the release date as dd/mm/yyyy) above the header ``Iso3_code, Country,
Region, Subregion, Indicator, Dimension, Category, Sex, Age, Year, Unit of measurement,
txtVALUE, Source``. A file without the preamble, or with ``Unit`` for the unit column, reads
the same. CSV is UTF-8 (a byte-order mark is allowed).

The file is refused whole at the first problem, with the row (counted as a spreadsheet counts
them, preamble included) and the column (or the byte) at fault: unknown or missing columns,
bytes that are not UTF-8, bad codes, sexes, years or values, and a figure given twice with two
different values. A value published as "<5" (UNODC's rule for counts 1 to 4) is kept as
censored, never turned into a number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pycountry

from palermo.core.messages import N_, Message
from palermo.insights.engine.glotip_tables import (
    ALIASES,
    COLUMNS,
    PREAMBLE_ROWS,
    GlotipError,
    canonical,
    csv_rows,
    known_names,
    xlsx_rows,
)

__all__ = ["ALIASES", "COLUMNS", "GlotipError", "GlotipFile", "Row", "Value", "parse",
           "parse_value", "read"]

REQUIRED = ("Indicator", "Year", "txtVALUE")
SEXES = ("Female", "Male", "Other", "Unknown", "Total")
GLOBAL_NAMES = {"world", "global"}
MAX_ROWS = 500_000
MAX_PROBLEMS = 50  # reported at once, so a bad file can be fixed in one pass
_CENSORED = re.compile(r"^\s*<\s*(\d+)\s*$")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # "1,234" as Excel writes text numbers
_DAY_FIRST = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SUBNATIONAL = re.compile(r"^([A-Z]{3})_[A-Z0-9_]+$")  # e.g. GBR_E_W, England and Wales
_XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Value:
    """A figure: ``number`` when exact; else ``below`` when published as "<below"."""

    number: Decimal | None
    below: int | None = None

    @property
    def censored(self) -> bool:
        return self.below is not None

    def __str__(self) -> str:
        return f"<{self.below}" if self.below is not None else f"{self.number}"


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

    def key(self) -> tuple[object, ...]:
        """What the figure is of: two rows with the same key must give the same value."""
        texts = (self.country if not self.iso3 else "", self.region, self.subregion,
                 self.indicator, self.dimension, self.category, self.sex, self.age, self.unit)
        return (self.iso3, self.year, *(text.casefold() for text in texts))


@dataclass
class GlotipFile:
    """The figures of a file and what its preamble says. ``repeated`` counts rows that gave a
    figure already given, with the same value: they are read once."""

    rows: list[Row]
    publisher: str = ""
    released: dt.date | None = None
    repeated: int = 0
    preamble: list[str] = field(default_factory=list)


def parse(data: bytes, file_name: str = "") -> list[Row]:
    """All figures of the file, or GlotipError for the first fault."""
    return read(data, file_name).rows


def read(data: bytes, file_name: str = "") -> GlotipFile:
    """The whole file, or GlotipError naming every fault (up to MAX_PROBLEMS)."""
    if data.startswith(_XLSX_MAGIC) or file_name.lower().endswith(".xlsx"):
        table = xlsx_rows(data)
    else:
        table = csv_rows(data)
    preamble: list[tuple[int, str]] = []
    header: tuple[int, list[str]] | None = None
    for line, cells in table:
        if known_names(cells):
            header = (line, cells)
            break
        text = " ".join(cell.strip() for cell in cells if cell.strip())
        if text:
            preamble.append((line, text))
        if line >= PREAMBLE_ROWS:
            break
    if header is None:
        if preamble:
            raise GlotipError(Message(N_("no header row: none of the first %(n)d rows names "
                                         "the columns %(columns)s"),
                                      n=PREAMBLE_ROWS, columns=", ".join(COLUMNS)),
                              row=preamble[0][0])
        raise GlotipError(Message(N_("the file is empty")))
    result = GlotipFile(rows=[], preamble=[text for _line, text in preamble])
    _read_preamble(preamble, result)
    header_line, header_cells = header
    columns = _header(header_cells, header_line)
    width = len(header_cells)
    problems: list[GlotipError] = []
    seen: dict[tuple[object, ...], Row] = {}
    for line, cells in table:
        if not any(cell.strip() for cell in cells):
            continue
        if len(result.rows) + len(problems) >= MAX_ROWS:
            raise GlotipError(Message(N_("more than %(n)d rows"), n=MAX_ROWS), row=line)
        try:
            row = _row(line, cells, columns, width)
            earlier = seen.setdefault(row.key(), row)
            if earlier is not row:
                if earlier.value != row.value:
                    raise GlotipError(
                        Message(N_("the same figure as row %(other)d (same place, indicator, "
                                   "dimension, category, sex, age, year and unit) with another "
                                   "value: %(here)s here, %(there)s there"),
                                other=earlier.line, here=str(row.value),
                                there=str(earlier.value)),
                        row=line, column=columns.name("txtVALUE"))
                result.repeated += 1
                continue
            result.rows.append(row)
        except GlotipError as problem:
            problems.append(problem)
            if len(problems) > MAX_PROBLEMS:
                raise GlotipError.several(problems[:MAX_PROBLEMS], more=True) from None
    if problems:
        raise GlotipError.several(problems, more=False)
    if not result.rows:
        raise GlotipError(Message(N_("the file has a header but no figures")),
                          row=header_line)
    return result


def _read_preamble(preamble: list[tuple[int, str]], into: GlotipFile) -> None:
    """The release date is the first date in the preamble; the publisher its first other
    line."""
    for line, text in preamble:
        found = _DAY_FIRST.search(text) or _ISO_DAY.search(text)
        if found and into.released is None:
            day, month, year = (found.groups() if found.re is _DAY_FIRST
                                else tuple(reversed(found.groups())))
            try:
                into.released = dt.date(int(year), int(month), int(day))
            except ValueError:
                raise GlotipError(Message(N_("“%(text)s” is not a release date (dd/mm/yyyy)"),
                                          text=found.group()), row=line) from None
        elif not into.publisher:
            into.publisher = text


class _Columns:
    """Where each column is, and the name the file gives it (errors name that one)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.names: dict[str, str] = {}

    def name(self, column: str) -> str:
        return self.names.get(column, column)


def _header(header: list[str], line: int) -> _Columns:
    names = [name.strip() for name in header]
    while names and not names[-1]:
        names.pop()
    columns = _Columns()
    for index, name in enumerate(names):
        column = canonical(name)
        if column is None:
            raise GlotipError(Message(N_("unknown column “%(name)s”; the columns are "
                                         "%(columns)s"), name=name, columns=", ".join(COLUMNS)),
                              row=line, column=_letter(index))
        if column in columns.index:
            raise GlotipError(Message(N_("column “%(name)s” appears twice"), name=name),
                              row=line, column=_letter(index))
        columns.index[column] = index
        columns.names[column] = name
    missing = [c for c in COLUMNS if c not in columns.index]
    if missing:
        raise GlotipError(Message(N_("missing columns %(names)s"), names=", ".join(missing)),
                          row=line)
    return columns


def _row(line: int, cells: list[str], columns: _Columns, width: int) -> Row:
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        raise GlotipError(Message(N_("%(cells)d cells for %(columns)d columns"),
                                  cells=len(cells), columns=width), row=line)

    def cell(name: str) -> str:
        index = columns.index[name]
        return cells[index].strip() if index < len(cells) else ""

    for name in REQUIRED:
        if not cell(name):
            raise GlotipError(Message(N_("empty")), row=line, column=columns.name(name))
    iso3 = cell("Iso3_code").upper()
    if iso3 and not _known_country(iso3):
        raise GlotipError(Message(N_("“%(code)s” is not an ISO 3166-1 alpha-3 code"),
                                  code=iso3), row=line, column=columns.name("Iso3_code"))
    year_text = cell("Year")
    if not year_text.isdigit() or not 1900 <= int(year_text) <= 2200:
        raise GlotipError(Message(N_("“%(text)s” is not a year"), text=year_text), row=line,
                          column=columns.name("Year"))
    sex = cell("Sex")
    known_sex = {s.casefold(): s for s in SEXES}.get(sex.casefold()) if sex else ""
    if known_sex is None:
        raise GlotipError(Message(N_("“%(text)s” is not a sex GLOTIP uses (%(sexes)s)"),
                                  text=sex, sexes=", ".join(SEXES)),
                          row=line, column=columns.name("Sex"))
    return Row(line=line, iso3=iso3, country=cell("Country"), region=cell("Region"),
               subregion=cell("Subregion"), indicator=cell("Indicator"),
               dimension=cell("Dimension"), category=cell("Category"), sex=known_sex,
               age=cell("Age"), year=int(year_text), unit=cell("Unit of measurement"),
               value=parse_value(cell("txtVALUE"), line, columns.name("txtVALUE")),
               source=cell("Source"))


def parse_value(text: str, line: int | None = None, column: str = "txtVALUE") -> Value:
    censored = _CENSORED.match(text)
    if censored:
        return Value(number=None, below=int(censored.group(1)))
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        raise GlotipError(Message(N_("“%(text)s” is neither a number nor a censored value "
                                     "such as “<5”"), text=text),
                          row=line, column=column)
    try:
        return Value(number=Decimal(text))
    except InvalidOperation:
        raise GlotipError(Message(N_("“%(text)s” is not a number"), text=text), row=line,
                          column=column) from None


def _known_country(code: str) -> bool:
    # X-prefixed codes are user-assigned; UNODC uses XKX for Kosovo, and a country's code
    # with a suffix for a part of it that reports apart (GBR_E_W, England and Wales).
    part = _SUBNATIONAL.match(code)
    if part:
        code = part.group(1)
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
