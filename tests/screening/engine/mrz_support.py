"""The ICAO specimens and helpers shared by the MRZ tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from palermo.screening.engine.mrz import MRZ, check_digit, parse
from palermo.screening.engine.mrz_formats import Layout
from palermo.screening.engine.mrz_messages import CHECK_FAILED

TODAY = date(2025, 6, 1)
# shared/ stands beside the repository on every developer machine and in CI.
SPECIMEN_FILE = Path(__file__).resolve().parents[4] / "shared/data/mrz/icao_specimens.txt"

# The ICAO specimens (Doc 9303 parts 4 to 7), copied from SPECIMEN_FILE so the tests do not
# depend on a file outside the repository; test_specimen_file_matches keeps them in step.
SPECIMENS: dict[str, tuple[str, ...]] = {
    "TD3": ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
    "TD1": ("I<UTOD231458907<<<<<<<<<<<<<<<",
            "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
    "TD2": ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
            "D231458907UTO7408122F1204159<<<<<<<6"),
    "MRVA": ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
             "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"),
    "MRVB": ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
             "L8988901C4XXX4009078F9612109<<<<<<<<"),
}

Fields = dict[str, str | None]
PASSPORT: Fields = {"document_code": "P", "document_number": "L898902C3",
                    "birth_date": "1974-08-12", "expiry_date": "2012-04-15"}
ID_CARD: Fields = {"document_code": "I", "document_number": "D23145890",
                   "birth_date": "1974-08-12", "expiry_date": "2012-04-15", "optional_data": ""}
VISA: Fields = {"document_code": "V", "document_number": "L8988901C", "nationality": "XXX",
                "birth_date": "1940-09-07", "expiry_date": "1996-12-10"}
EXPECTED: dict[str, Fields] = {
    "TD3": {**PASSPORT, "optional_data": "ZE184226B"},
    "TD1": {**ID_CARD, "optional_data_2": ""},
    "TD2": ID_CARD,
    "MRVA": {**VISA, "optional_data": "6ZE184226B"},
    "MRVB": {**VISA, "optional_data": ""},
}
HOLDER = {"issuing_state": "UTO", "nationality": "UTO", "surname": "ERIKSSON",
          "given_names": "ANNA MARIA", "sex": "F"}


def read(text: str) -> MRZ:
    return parse(text, today=TODAY)


def specimen(name: str) -> str:
    return "\n".join(SPECIMENS[name])


def replaced(name: str, line: int, position: int, char: str) -> str:
    lines = list(SPECIMENS[name])
    lines[line] = lines[line][:position] + char + lines[line][position + 1 :]
    return "\n".join(lines)


_FAILED = {text: key for key, text in CHECK_FAILED.items()}


def failing(result: MRZ) -> list[str]:
    """The fields whose check digits fail, in order (any other error as it reads)."""
    return [_FAILED.get(error, error) for error in result.errors]


def check_failed(field: str, found: str, expected: int) -> tuple[str, dict[str, object]]:
    """The error a failed check digit gives, with what the parser keeps of it."""
    return CHECK_FAILED[field], {"found": found, "expected": expected}


def as_given(error: str) -> tuple[str, dict[str, object]]:
    return str(error), dict(getattr(error, "params", {}))


def changed(char: str) -> str:
    """A different character whose value differs by 1 or -9 or -25: every weight (7, 3, 1)
    turns that into a different check digit. (< to A would not: both are 0 modulo 10.)"""
    if char.isdigit():
        return str((int(char) + 1) % 10)
    if char == "<":
        return "1"
    return "A" if char == "Z" else chr(ord(char) + 1)


def td3(*, number: str = "L898902C3", birth: str = "740812", sex: str = "F",
        expiry: str = "120415", personal: str = "ZE184226B", personal_check: str | None = None,
        name: str = "ERIKSSON<<ANNA<MARIA", state: str = "UTO") -> str:
    """A TD3 MRZ with correct check digits computed for the given fields."""
    number, personal = number.ljust(9, "<"), personal.ljust(14, "<")
    if personal_check is None:
        personal_check = str(check_digit(personal))
    line2 = (f"{number}{check_digit(number)}UTO{birth}{check_digit(birth)}{sex}"
             f"{expiry}{check_digit(expiry)}{personal}{personal_check}")
    line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:43]))
    return f"P<{state}{name}".ljust(44, "<")[:44] + "\n" + line2


def with_composite(text: str, layout: Layout) -> str:
    """``text`` with its composite check digit recomputed."""
    lines = text.split("\n")
    value = "".join(span.read(lines) for span in layout.composite)
    span = layout.fields["composite_check"]
    line = lines[span.line]
    lines[span.line] = line[: span.start] + str(check_digit(value)) + line[span.end :]
    return "\n".join(lines)
