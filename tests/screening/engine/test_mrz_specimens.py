"""National identity card specimens, long document numbers among them (issue 17), and what
the parser tells an officer: words about the document, never a field's code name.

The lines are the published specimens as open-source MRZ parsers test against them: the EU's
PRADO register for Belgium (BEL-BO-03003, BEL-BO-11005) and Portugal (PRT-BO-04001), and the
Swiss card (CHE) as the `mrz` parser's suite has it. Their check digits are recomputed below
rather than trusted.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from palermo.screening.engine.mrz import check_digit
from palermo.screening.engine.mrz_formats import TD2
from palermo.screening.engine.mrz_messages import CHECK_FAILED, Message
from tests.screening.engine.mrz_support import SPECIMENS, read, with_composite

NATIONAL: dict[str, tuple[str, str, str]] = {
    # The check digit 3 is computed over "000590240<601", the < included.
    "BEL-BO-03003": ("IDBEL000590240<6013<<<<<<<<<<<",
                     "8512017F1311048BEL851201002007",
                     "REINARTZ<<ULRIKE<KATIA<E<<<<<<"),
    # The check digit 2 is computed over "600001795015", as Doc 9303 says.
    "BEL-BO-11005": ("IDBEL600001795<0152<<<<<<<<<<<",
                     "1301014F2311207BEL130101987398",
                     "SPECIMEN<<SPECIMEN<<<<<<<<<<<<"),
    "PRT-BO-04001": ("I<PRT007666667<ZZ00<<<<<<<<<<<",
                     "8303143M3405293PRT<<<<<<<<<<<4",
                     "CACADOR<DE<ARAUJO<<ANDRE<ESTEV"),
    # An 8-character number: the 9th place is a filler, the check digit where it always is.
    "CHE": ("IDCHEA1234567<6<<<<<<<<<<<<<<<",
            "7510256M2009018CHE<<<<<<<<<<<8",
            "SMITH<<JOHN<ALBERT<<<<<<<<<<<<"),
}
EXPECTED: dict[str, dict[str, str | None]] = {
    "BEL-BO-03003": {"document_code": "ID", "issuing_state": "BEL",
                     "document_number": "000590240601", "optional_data": "",
                     "optional_data_2": "85120100200", "birth_date": "1985-12-01", "sex": "F",
                     "expiry_date": "2013-11-04", "surname": "REINARTZ",
                     "given_names": "ULRIKE KATIA E"},
    "BEL-BO-11005": {"document_number": "600001795015", "birth_date": "2013-01-01",
                     "expiry_date": "2023-11-20", "optional_data_2": "13010198739",
                     "surname": "SPECIMEN", "given_names": "SPECIMEN"},
    "PRT-BO-04001": {"document_code": "I", "issuing_state": "PRT",
                     "document_number": "007666667ZZ0", "optional_data": "",
                     "birth_date": "1983-03-14", "sex": "M", "expiry_date": "2034-05-29",
                     "surname": "CACADOR DE ARAUJO", "given_names": "ANDRE ESTEV"},
    "CHE": {"document_code": "ID", "issuing_state": "CHE", "document_number": "A1234567",
            "birth_date": "1975-10-25", "sex": "M", "expiry_date": "2020-09-01",
            "surname": "SMITH", "given_names": "JOHN ALBERT"},
}


@pytest.mark.parametrize("name", NATIONAL)
def test_national_specimen_reads_valid_with_its_long_document_number(name: str) -> None:
    result = read("\n".join(NATIONAL[name]))
    assert (result.format, result.valid, result.errors, result.warnings) == ("TD1", True, [], [])
    for key, value in EXPECTED[name].items():
        assert getattr(result, key) == value, key


@pytest.mark.parametrize(("number", "continued", "digit"), [
    ("000590240", "601", 3),  # BEL-BO-03003: over the number with the < in place 15
    ("600001795", "015", 2),  # BEL-BO-11005: over the number alone
    ("007666667", "ZZ0", 0),  # PRT-BO-04001: both ways give 0
])
def test_the_long_number_check_digit_is_one_of_the_two_readings(number: str, continued: str,
                                                                  digit: int) -> None:
    assert digit in (check_digit(number + continued), check_digit(f"{number}<{continued}"))


def test_specimen_check_digits_recomputed() -> None:
    for lines in NATIONAL.values():
        line2 = lines[1]
        assert check_digit(line2[0:6]) == int(line2[6])
        assert check_digit(line2[8:14]) == int(line2[14])
        composite = lines[0][5:30] + line2[0:7] + line2[8:15] + line2[18:29]
        assert check_digit(composite) == int(line2[29])


def test_a_misread_digit_of_a_long_number_is_told_in_words() -> None:
    lines = list(NATIONAL["BEL-BO-03003"])
    lines[0] = lines[0].replace("<6013", "<6113")  # 601 misread as 611
    result = read("\n".join(lines))
    assert not result.valid
    assert result.errors[0] == ("the document number does not check: the number or its check "
                                "digit was misread")
    assert result.errors[1].startswith("the MRZ as a whole does not check")


def test_td2_long_number_with_the_filler_counted_in_its_check_digit() -> None:
    number, continued = "000590240", "601"
    digit = check_digit(f"{number}<{continued}")
    assert digit != check_digit(number + continued)  # the case the Belgian reading decides
    line2 = f"{number}<BEL8512017F1311048{continued}{digit}<<<0"
    result = read(with_composite(SPECIMENS["TD2"][0].replace("UTO", "BEL") + "\n" + line2, TD2))
    assert (result.valid, result.errors, result.document_number) == (True, [],
                                                                      number + continued)


# --- what an officer is told ----------------------------------------------------------------

_CODE_NAME = re.compile(r"\b[a-z]+_[a-z0-9_]+\b|\bcomposite\b|\bTD[123] needs\b")


def _mangled(rng: random.Random) -> str:
    names = [*SPECIMENS, *NATIONAL]
    name = rng.choice(names)
    chars = list("\n".join(SPECIMENS[name] if name in SPECIMENS else NATIONAL[name]))
    for _ in range(rng.randint(1, 3)):
        position = rng.randrange(len(chars))
        if chars[position] != "\n":
            chars[position] = rng.choice("0123456789ABKZ< ,-")
    return "".join(chars)


def test_no_message_names_a_field_by_its_code() -> None:
    rng = random.Random(17)
    seen: set[str] = set()
    for _ in range(2000):
        result = read(_mangled(rng))
        for message in (*result.errors, *result.warnings):
            assert not _CODE_NAME.search(message), message
            assert isinstance(message, Message), message
            seen.add(message.template)
    assert set(CHECK_FAILED.values()) <= seen  # every check digit failed at least once


def test_messages_are_put_in_the_users_language() -> None:
    wrong = list(SPECIMENS["TD3"])
    wrong[1] = wrong[1][:3] + "-" + wrong[1][4:]
    catalogue = {
        "%(field)s has %(found)s (only A-Z, 0-9 and < belong in an MRZ)":
            "%(field)s: %(found)s (רק A-Z, 0-9 ו-< שייכים ל-MRZ)",
        "the document number": "מספר המסמך",
        "%(char)s at line %(line)d, position %(position)d":
            "%(char)s בשורה %(line)d, מקום %(position)d",
    }
    result = read("\n".join(wrong)).translated(lambda text: catalogue.get(text, text))
    assert result.errors == ["מספר המסמך: '-' בשורה 2, מקום 4 (רק A-Z, 0-9 ו-< שייכים ל-MRZ)"]


# --- the documentation ----------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[3] / "docs/screening.md"


def test_every_specimen_mrz_in_the_documentation_reads_valid() -> None:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n((?:[A-Z0-9<]+\n){2,3})```", text)
    assert len(blocks) >= len(SPECIMENS) + len(NATIONAL)
    for block in blocks:
        result = read(block)
        assert (result.valid, result.errors) == (True, []), block
    for lines in (*SPECIMENS.values(), *NATIONAL.values()):
        assert "\n".join(lines) + "\n" in blocks
