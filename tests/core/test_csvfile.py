"""The CSV reading every importer shares: a quote left open is a fault at the line where it
opened, whatever follows it; good quoting, multi-line values included, reads as before."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from palermo.core.csvfile import CsvFault, Record, records

HEADER = "a,b,c\n1,2,3\n"


def rows(text: str, **options: Any) -> list[Record]:
    return list(records(io.StringIO(text, newline=""), **options))


@pytest.mark.parametrize("rest", [
    "7,8,9\n10,11,12\n",  # open to the end of the file
    "7,8,9\n10,\"11\",12\n",  # meets the opening quote of a later value
    "7,8,9\n10,11\",12\n",  # closed by a stray quote, one cell too many
    "7,8,9\n10\",12\n",  # closed by a stray quote with the cell count of a row
])
def test_a_quote_left_open_is_a_fault_at_its_line(rest: str) -> None:
    with pytest.raises(CsvFault) as caught:
        rows(HEADER + '4,"5,6\n' + rest)
    assert caught.value.line == 3
    assert "quote opened on this line is not closed" in caught.value.message
    assert caught.value.message.startswith("line 3: ")


def test_a_value_over_too_many_lines_is_taken_for_an_open_quote() -> None:
    text = HEADER + '4,5,"six' + "\nword" * 30 + '"\n'
    with pytest.raises(CsvFault) as caught:
        rows(text, max_lines=20)
    assert caught.value.line == 3
    assert rows(text, max_lines=40)[-1][:2] == (3, 33)


def test_text_after_a_closing_quote_on_the_same_line() -> None:
    with pytest.raises(CsvFault) as caught:
        rows(HEADER + '4,"5"x,6\n')
    assert caught.value.line == 3 and "must be doubled" in caught.value.reason


def test_good_quoting_reads_with_the_lines_of_each_row() -> None:
    text = HEADER + '4,"five, ""5""","six\nlines, still"\r\n\n7,8,9'
    assert rows(text) == [(1, 1, ["a", "b", "c"]), (2, 2, ["1", "2", "3"]),
                          (3, 4, ["4", 'five, "5"', "six\nlines, still"]), (5, 5, []),
                          (6, 6, ["7", "8", "9"])]
    assert rows("x;y\n1;\"2;3\"\n", delimiter=";")[-1].cells == ["1", "2;3"]


def test_the_fault_reads_in_english_and_is_shown_in_the_readers_language() -> None:
    with pytest.raises(CsvFault) as caught:
        rows(HEADER + '4,"5,6\n7,8,9\n')
    assert str(caught.value) == caught.value.message
    with translation.override("he"):
        shown = caught.value.message.translated(gettext)
    assert shown.startswith("שורה 3: ")
    assert "מירכאות שנפתחו בשורה זו אינן נסגרות" in shown
    assert "quote" not in shown
