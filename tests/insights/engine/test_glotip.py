"""Reading the GLOTIP data file: censored values kept censored, bad files refused with the
row and column (or byte) at fault."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from palermo.insights.engine.glotip import GlotipError, parse

SAMPLE = Path(__file__).resolve().parents[3] / "palermo/insights/data/glotip_synthetic.csv"
HEADER = ("Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit,"
          "txtVALUE,Source")


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


ROW = ("ISR,Israel,Asia,Western Asia,Detected victims,Total,Total,Female,Adult,2022,Counts,{},"
       "Synthetic")


def test_the_synthetic_sample_reads_whole_with_censored_values() -> None:
    rows = parse(SAMPLE.read_bytes())
    assert len(rows) == 288
    censored = [r for r in rows if r.value.censored]
    assert censored and all(r.value.number is None and r.value.below == 5 for r in censored)
    assert str(censored[0].value) == "<5"
    assert {r.level for r in rows} == {"country", "subregion", "region", "global"}
    assert all(r.source.startswith("SYNTHETIC") for r in rows)


def test_a_byte_order_mark_and_decimals_are_accepted() -> None:
    rows = parse(b"\xef\xbb\xbf" + csv_file(ROW.format("12"), ROW.format("0.75")))
    assert [r.value.number for r in rows] == [Decimal("12"), Decimal("0.75")]
    assert rows[0].iso3 == "ISR" and rows[0].year == 2022 and rows[0].line == 2


def test_an_unknown_column_is_named() -> None:
    with pytest.raises(GlotipError) as caught:
        parse(csv_file(header=HEADER.replace("Unit", "Units")))
    assert str(caught.value).startswith("row 1, column K: unknown column “Units”")


def test_missing_columns_are_named() -> None:
    with pytest.raises(GlotipError, match="row 1: missing columns Age, Source"):
        parse(csv_file(header=HEADER.replace(",Age", "").replace(",Source", "")))


def test_bytes_in_another_encoding_are_refused_with_row_column_and_byte() -> None:
    good = csv_file(ROW.format("12"))
    bad = ("ISR,Isra\xebl,Asia,Western Asia,Detected victims,Total,Total,Female,Adult,2022,"
           "Counts,3,S\n")
    data = good + bad.encode("latin-1")
    with pytest.raises(GlotipError) as caught:
        parse(data)
    error = caught.value
    assert (error.row, error.column) == (3, "Country")
    assert error.byte == len(good) + len("ISR,Isra")
    assert "0xEB is not valid UTF-8" in str(error)


def test_every_bad_row_is_reported_at_once() -> None:
    data = csv_file(ROW.format("12"), ROW.format("about 7"), ROW.replace("2022", "22").format("1"),
                    ROW.replace("ISR", "ZZZ").format("3"))
    with pytest.raises(GlotipError) as caught:
        parse(data)
    problems = [(p.row, p.column) for p in caught.value.problems]
    assert problems == [(3, "txtVALUE"), (4, "Year"), (5, "Iso3_code")]
    assert "and 2 more problems" in str(caught.value)


def test_an_empty_required_cell_is_named() -> None:
    with pytest.raises(GlotipError, match="row 2, column txtVALUE: empty"):
        parse(csv_file(ROW.format("")))


def test_an_excel_workbook_is_read_too() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(ROW.format("<5").split(","))
    sheet.append([*ROW.format("").split(",")[:9], 2023, "Counts", 17, "S"])
    out = io.BytesIO()
    book.save(out)
    rows = parse(out.getvalue(), "glotip.xlsx")
    assert [str(r.value) for r in rows] == ["<5", "17"]
    assert rows[1].year == 2023


def test_a_quote_left_open_is_refused_at_its_row() -> None:
    broken = ROW.replace("Synthetic", '"Synthetic').format("5")
    with pytest.raises(GlotipError) as caught:
        parse(csv_file(ROW.format("12"), broken, *[ROW.format(str(n)) for n in range(1000)]))
    assert caught.value.row == 3
    assert "quote opened on this line is not closed" in str(caught.value)
