"""Reading the GLOTIP data file: censored values kept censored, bad files refused with the
row and column (or byte) at fault."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.translation import gettext

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
    rows = parse(b"\xef\xbb\xbf" + csv_file(ROW.format("12"),
                                            ROW.replace("2022", "2023").format("0.75")))
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


# --- the file as UNODC publishes it -----------------------------------------------------------

PUBLISHED = Path(__file__).resolve().parents[1] / "data/data_glotip.csv"
PUBLISHED_HEADER = HEADER.replace(",Unit,", ",Unit of measurement,")


def published(*rows: str, preamble: tuple[str, ...] = ("UNODC Research - Data Portal",
                                                       "24/01/2023")) -> bytes:
    return csv_file(*preamble, PUBLISHED_HEADER, *rows, header="").lstrip(b"\n")


def test_the_published_layout_reads_whole_with_its_preamble() -> None:
    from palermo.insights.engine.glotip import read

    found = read(PUBLISHED.read_bytes())
    data_rows = PUBLISHED.read_text(encoding="utf-8").count("\n") - 3
    assert len(found.rows) == data_rows == 55 and found.repeated == 0
    assert (found.publisher, found.released) == ("UNODC Research - Data Portal",
                                                 dt.date(2023, 1, 24))
    assert found.rows[0].line == 4  # the preamble and the header are rows 1 to 3
    censored = [r for r in found.rows if str(r.value) == "<5"]
    assert censored and all(r.value.number is None and r.value.below == 5 for r in censored)
    assert {r.sex for r in found.rows} == {"Female", "Male", "Other", "Unknown", "Total"}
    assert {r.unit for r in found.rows} == {"Counts", "Rate per 100,000 population"}
    england = [r for r in found.rows if r.iso3 == "GBR_E_W"]
    assert england and england[0].level == "country"
    assert Decimal("6672") in {r.value.number for r in england}  # "6,672" as published


@pytest.mark.parametrize("preamble", [
    ("UNODC Research - Data Portal,,,,,,,,,,,,", "24/01/2023,,,,,,,,,,,,"),  # saved from Excel
    ("UNODC Research - Data Portal", "Last update: 24/01/2023"),
    ("UNODC Research - Data Portal", "2023-01-24"),
])
def test_the_release_date_is_read_from_the_preamble(preamble: tuple[str, ...]) -> None:
    from palermo.insights.engine.glotip import read

    found = read(published(ROW.format("<5"), preamble=preamble))
    assert found.released == dt.date(2023, 1, 24)
    assert found.publisher == "UNODC Research - Data Portal"
    assert [(r.line, str(r.value)) for r in found.rows] == [(4, "<5")]


def test_a_release_date_that_does_not_exist_names_its_row() -> None:
    with pytest.raises(GlotipError, match=r"^row 2: “31/02/2023” is not a release date"):
        parse(published(ROW.format("3"), preamble=("UNODC", "31/02/2023")))


def test_errors_below_the_preamble_name_the_row_as_a_spreadsheet_shows_it() -> None:
    with pytest.raises(GlotipError) as caught:
        parse(published(ROW.format("3"), ROW.replace("Female", "Femme").format("4")))
    assert (caught.value.row, caught.value.column) == (5, "Sex")
    assert "“Femme” is not a sex GLOTIP uses (Female, Male, Other, Unknown, Total)" in str(
        caught.value)


@pytest.mark.parametrize("sex", ["Other", "Unknown", "unknown", "TOTAL"])
def test_the_sexes_glotip_publishes_are_read(sex: str) -> None:
    (row,) = parse(published(ROW.replace("Female", sex).format("<5")))
    assert row.sex == sex.capitalize()


def test_the_old_column_names_still_read() -> None:
    old = PUBLISHED_HEADER.replace("Unit of measurement", "Unit").replace("txtVALUE", "VALUE")
    (row,) = parse(csv_file(ROW.format("<5"), header=old))
    assert (row.unit, str(row.value)) == ("Counts", "<5")
    with pytest.raises(GlotipError) as caught:
        parse(csv_file(ROW.format("many"), header=old))
    assert caught.value.column == "VALUE"  # the file's own name for the column


def test_a_figure_given_twice_with_two_values_is_refused_naming_both_rows() -> None:
    with pytest.raises(GlotipError) as caught:
        parse(published(ROW.format("12"), ROW.replace("2022", "2021").format("3"),
                        ROW.format("<5")))
    assert (caught.value.row, caught.value.column) == (6, "txtVALUE")
    assert "the same figure as row 4" in str(caught.value)
    assert "<5 here, 12 there" in str(caught.value)


def test_a_figure_given_twice_with_the_same_value_is_read_once() -> None:
    from palermo.insights.engine.glotip import read

    found = read(published(ROW.format("12"), ROW.format("12")))
    assert ([r.line for r in found.rows], found.repeated) == ([4], 1)


def test_a_file_whose_rows_name_no_column_is_refused_at_row_1() -> None:
    with pytest.raises(GlotipError, match=r"^row 1: no header row"):
        parse(b"UNODC\n24/01/2023\nCode,Land,Wert\n")


def test_an_excel_workbook_with_the_preamble_is_read_too() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from palermo.insights.engine.glotip import read

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["UNODC Research - Data Portal"])
    sheet.append([dt.datetime(2023, 1, 24)])  # typed as a date in the workbook
    sheet.append(PUBLISHED_HEADER.split(","))
    sheet.append(ROW.format("<5").split(","))
    out = io.BytesIO()
    book.save(out)
    found = read(out.getvalue(), "data_glotip.xlsx")
    assert found.released == dt.date(2023, 1, 24)
    assert [(r.line, str(r.value)) for r in found.rows] == [(4, "<5")]


def test_every_problem_is_english_until_translated_for_the_reader() -> None:
    data = csv_file(ROW.format("12"), ROW.replace("2022", "22").format("1"),
                    ROW.replace("2022", "2023").format(""))
    with pytest.raises(GlotipError) as caught:
        parse(data)
    assert str(caught.value) == ("row 3, column Year: “22” is not a year "
                                 "(and 1 more problems)")  # Hebrew is active
    assert caught.value.translated(gettext) == "שורה 3, עמודה Year: „22” אינו שנה (ועוד 1 בעיות)"
    assert [p.message.translated(gettext) for p in caught.value.problems] == [
        "„22” אינו שנה", "ריק"]
