"""Parse and verify the machine readable zone (MRZ) of travel documents, ICAO Doc 9303.

The MRZ is printed in OCR-B using only A-Z, 0-9 and the filler ``<``. Five layouts:

* TD1 (ID cards): 3 lines of 30. Document number on line 1, dates, sex and nationality on
  line 2, name on line 3; optional data on lines 1 and 2.
* TD2 (ID cards, older cards): 2 lines of 36.  * TD3 (passports): 2 lines of 44.
  Both put the name on line 1 and the rest on line 2.
* MRV-A and MRV-B (visas): 2 lines of 44 and 36, like TD3 and TD2 but with document code
  ``V...`` and no composite or optional-data check digit.

Check digits weight the character values (0-9 as themselves, A-Z as 10-35, ``<`` as 0) by
7, 3, 1 repeating and keep the sum modulo 10. The document number, birth date and expiry
date each have one; TD3 protects its optional (personal number) field, which may have ``<``
as its check digit when empty; TD1, TD2 and TD3 end with a composite check digit over the
numbers, dates and optional data. In TD1 and TD2 a document number longer than 9 characters
puts ``<`` in its check digit position and continues at the start of the optional data,
followed by its check digit and a ``<`` (Doc 9303 part 5, 4.2.2, note j; part 6 likewise).
Doc 9303 computes that check digit over the whole number; some issuers compute it over the
number with the ``<`` that stands in the check digit position (Belgian identity cards of the
BEL-BO-03003 series: ``IDBEL000590240<6013``, number ``000590240601``, check digit ``3``),
so either reading is accepted; the composite check digit still covers every character.

Dates are YYMMDD. A birth date takes the latest century that does not put it in the future;
an expiry date is 20YY unless that is more than 50 years ahead, then 19YY (documents are
valid for 10 years or so; the window leaves room for long-lived ID cards and still reads
old, expired documents right). Unknown parts written ``<<`` give None without an error.

``parse`` never raises: anything wrong is in ``errors`` (``valid`` is False), anything it
tolerated and repaired (see ``mrz_reading``) is in ``warnings``. Both speak to the officer
about the document (``mrz_messages``), and ``MRZ.translated`` puts them in the user's language.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from palermo.screening.engine.mrz_formats import Layout
from palermo.screening.engine.mrz_messages import (
    CHECK_FAILED,
    N_,
    NO_SUCH_DAY,
    NOT_A_DATE,
    Message,
    named,
    translated,
)
from palermo.screening.engine.mrz_reading import ALPHABET, Reading, read

__all__ = ["MRZ", "check_digit", "parse"]

logger = logging.getLogger(__name__)
_VALUES = {char: value for value, char in enumerate(string.digits + string.ascii_uppercase)}
_VALUES["<"] = 0
_WEIGHTS = (7, 3, 1)
_DATE = re.compile(r"([0-9]{2}|<<)([0-9]{2}|<<)([0-9]{2}|<<)")
# Expiry dates further ahead than this are read as last century (see the module docstring).
EXPIRY_WINDOW_YEARS = 50
SEXES = {"M": "M", "F": "F", "X": "X", "<": None}
# K cannot be told from < by the check digits, so K where fillers would be is worth a look;
# these are left as read because they could be genuine: no name has KKK, and numbers rarely
# end in KK.
_NAME_KS = re.compile("K{3,}")
_TRAILING_KS = re.compile("K{2,}$")


@dataclass(frozen=True)
class MRZ:
    """What an MRZ says. Text fields are "" when empty and None only when no layout was found.

    ``optional_data`` is the optional data of line 1 in TD1 (without any document number
    continuation) and of line 2 otherwise; ``optional_data_2`` is TD1's line-2 optional data.
    ``lines`` is the MRZ as read, after the repairs listed in ``warnings``.
    """

    format: str | None
    document_code: str | None
    issuing_state: str | None
    surname: str | None
    given_names: str | None
    document_number: str | None
    nationality: str | None
    birth_date: str | None
    sex: str | None
    expiry_date: str | None
    optional_data: str | None
    optional_data_2: str | None
    valid: bool
    errors: list[str]
    warnings: list[str]
    lines: tuple[str, ...] = ()

    def translated(self, gettext: Callable[[str], str]) -> MRZ:
        """This result with its errors and warnings in the language ``gettext`` speaks."""
        return dataclasses.replace(
            self, errors=[str(translated(e, gettext)) for e in self.errors],
            warnings=[str(translated(w, gettext)) for w in self.warnings])


def check_digit(value: str) -> int:
    """The Doc 9303 check digit of ``value``; ValueError for characters outside A-Z, 0-9, <."""
    total = 0
    for index, char in enumerate(value):
        if char not in _VALUES:
            raise ValueError(f"{char!r} is not an MRZ character (A-Z, 0-9 and < only)")
        total += _VALUES[char] * _WEIGHTS[index % 3]
    return total % 10


def parse(text: str, *, today: date | None = None) -> MRZ:
    """Parse and verify an MRZ of 2 or 3 lines, or pasted as one line; never raises.

    ``today`` (default: the current date) decides the century of two-digit years.
    """
    try:
        reading = read(text)
        if reading.layout is not None:
            return _Fields(reading, reading.layout, today or date.today()).result()
    except Exception:
        # Screening runs this on whatever a user pasted; a bug here must cost one MRZ, not the
        # request. The error says so rather than passing for a bad MRZ.
        logger.exception("MRZ parser fault")
        reading = Reading(errors=[Message(N_(
            "the MRZ could not be read because of a fault in Palermo; the fault was logged, "
            "check the document by eye"))])
    return MRZ(
        format=None, document_code=None, issuing_state=None, surname=None, given_names=None,
        document_number=None, nationality=None, birth_date=None, sex=None, expiry_date=None,
        optional_data=None, optional_data_2=None, valid=False, errors=reading.errors,
        warnings=reading.warnings, lines=tuple(reading.lines),
    )


class _Fields:
    """Reads the fields of a well-shaped MRZ, collecting errors and warnings as it goes."""

    def __init__(self, reading: Reading, layout: Layout, today: date) -> None:
        self.reading = reading
        self.layout = layout
        self.today = today
        self.errors = reading.errors
        self.warnings = reading.warnings

    def raw(self, key: str) -> str:
        span = self.layout.fields.get(key)
        return span.read(self.reading.lines) if span else ""

    def intact(self, *keys: str) -> bool:
        return not self.reading.damaged.intersection(keys)

    def result(self) -> MRZ:
        number, optional = self.document_number()
        surname, given_names = self.names()
        birth = self.date("birth_date", lambda day: day <= self.today)
        expiry = self.date(
            "expiry_date", lambda day: day.year <= self.today.year + EXPIRY_WINDOW_YEARS)
        sex = self.sex()
        self.verify_optional_data()
        self.verify_composite()
        optional_2 = self.raw("optional_data_2").rstrip("<")
        for key, value in (("document_number", number), ("optional_data", optional),
                           ("optional_data_2", optional_2)):
            self.warn_about_k_run(key, value, _TRAILING_KS)
        return MRZ(
            format=self.layout.name,
            document_code=self.raw("document_code").rstrip("<"),
            issuing_state=self.raw("issuing_state").rstrip("<"),
            surname=surname,
            given_names=given_names,
            document_number=number,
            nationality=self.raw("nationality").rstrip("<"),
            birth_date=birth,
            sex=sex,
            expiry_date=expiry,
            optional_data=optional,
            optional_data_2=optional_2,
            valid=not self.errors,
            errors=self.errors,
            warnings=self.warnings,
            lines=tuple(self.reading.lines),
        )

    def verify(self, key: str, value: str, check: str, *, may_be_filler: bool = False,
               also: str | None = None) -> None:
        """Add an error unless ``check`` is the check digit of ``value`` (or of ``also``,
        the other way an issuer may have computed it)."""
        expected = check_digit(value)
        if check == str(expected) or (also is not None and check == str(check_digit(also))):
            return
        # Doc 9303 lets an all-filler field carry < instead of its (zero) check digit.
        if may_be_filler and check == "<" and not value.strip("<"):
            return
        self.errors.append(Message(CHECK_FAILED[key], found=check, expected=expected))

    def document_number(self) -> tuple[str, str]:
        """The document number and the optional data left once any continuation is taken."""
        number = self.raw("document_number")
        check = self.raw("document_number_check")
        optional = self.raw("optional_data")
        keys = ["document_number", "document_number_check"]
        with_filler = None
        if self.layout.long_document_number and check == "<":
            continuation = optional.split("<", 1)[0]
            if continuation:
                with_filler = number + "<" + continuation[:-1]
                number, check = number + continuation[:-1], continuation[-1]
                optional = optional[len(continuation) + 1 :]
                keys.append("optional_data")
        if self.intact(*keys):
            self.verify("document_number", number, check, also=with_filler)
        return number.rstrip("<"), optional.rstrip("<")

    def date(self, key: str, plausible: Callable[[date], bool]) -> str | None:
        raw = self.raw(key)
        if not self.intact(key, f"{key}_check"):
            return None
        self.verify(key, raw, self.raw(f"{key}_check"), may_be_filler=True)
        match = _DATE.fullmatch(raw)
        if match is None:
            self.errors.append(Message(NOT_A_DATE[key], raw=raw))
            return None
        if "<<" in match.groups():
            return None
        year, month, day = (int(part) for part in match.groups())
        for century in (2000, 1900):
            try:
                candidate = date(century + year, month, day)
            except ValueError:
                continue
            if plausible(candidate):
                return candidate.isoformat()
        self.errors.append(Message(NO_SUCH_DAY[key], raw=raw))
        return None

    def sex(self) -> str | None:
        raw = self.raw("sex")
        if raw in SEXES:
            return SEXES[raw]
        if self.intact("sex"):
            self.errors.append(Message(N_("the sex is “%(raw)s”; an MRZ gives M, F, X or < "
                                         "(not stated)"), raw=raw))
        return None

    def names(self) -> tuple[str, str]:
        """Surname and given names: ``<<`` separates them, ``<`` separates their parts."""
        surname, _, given = self.raw("name").partition("<<")
        surname_parts = [part for part in surname.split("<") if part]
        given_parts = [part for part in given.split("<") if part]
        for key, parts in (("surname", surname_parts), ("given_names", given_parts)):
            for part in parts:
                self.warn_about_k_run(key, part, _NAME_KS)
        return " ".join(surname_parts), " ".join(given_parts)

    def warn_about_k_run(self, key: str, value: str, pattern: re.Pattern[str]) -> None:
        run = pattern.search(value)
        if run:
            self.warnings.append(Message(
                N_("%(field)s %(value)s: %(n)d K in a row, which may be misread '<' fillers "
                   "(left as read)"), field=named(key), value=value, n=len(run.group())))

    def verify_optional_data(self) -> None:
        if "optional_data_check" in self.layout.fields and self.intact(
                "optional_data", "optional_data_check"):
            self.verify("optional_data", self.raw("optional_data"),
                        self.raw("optional_data_check"), may_be_filler=True)

    def verify_composite(self) -> None:
        if not self.layout.composite:
            return
        value = "".join(span.read(self.reading.lines) for span in self.layout.composite)
        check = self.raw("composite_check")
        if set(value + check) <= ALPHABET:
            self.verify("composite", value, check)
