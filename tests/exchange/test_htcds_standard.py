"""The HTCDS field table Palermo ships is the standard's, read again here from the published
files (the .ods of the field standards and the toolkit's .xlsx, copied under
fixtures/htcds/standard), and every value of every field Palermo keeps has a mapping."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest

from palermo.exchange.services import htcds_fields as fields
from palermo.vocab import registry
from palermo.vocab.loader import VocabularyError

STANDARD = Path(__file__).parent / "fixtures" / "htcds" / "standard"
ODS = STANDARD / "htcds-field-standards-2.0.ods"
XLSX = STANDARD / "htcds-excel-spreadsheet-v2.0.xlsx"

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ISO = {"ISO 3166": "iso3166", "ISO 639": "iso639"}


def _ods_parts(node: ElementTree.Element) -> list[str]:
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c", "1")))
        else:
            parts.extend(_ods_parts(child))
        parts.append(child.tail or "")
    return parts


def _ods_text(cell: ElementTree.Element) -> str:
    """A cell's text as the spreadsheet shows it: paragraphs on lines, ``text:s`` spaces."""
    return "\n".join("".join(_ods_parts(p)) for p in cell.iter(f"{TEXT}p"))


def ods_rows(path: Path = ODS) -> list[list[str]]:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314 (the standard's own file)
    rows = []
    for row in root.iter(f"{TABLE}table-row"):
        cells: list[str] = []
        for cell in row:
            repeat = min(int(cell.get(f"{TABLE}number-columns-repeated", "1")), 20)
            cells.extend([_ods_text(cell)] * repeat)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(cells)
    return rows


def standard_fields(path: Path = ODS) -> list[dict[str, Any]]:
    """Every field of the field standards sheet, in its order, as the YAML keeps it."""
    found, section = [], ""
    for cells in ods_rows(path)[1:]:
        cells = cells + [""] * (13 - len(cells))
        if cells[0]:
            section = " ".join(part.strip() for part in cells[0].split("\n"))
            continue
        if cells[4] in ("", "N/A"):
            continue  # the assessment sections list example questions, not fields
        name = cells[6] or cells[3] + cells[4]
        field: dict[str, Any] = {
            "name": name, "section": section, "status": cells[1], "core": cells[2] == "Core",
            "label": cells[5] or cells[4], "type": cells[7]}
        code_list = next((code for mark, code in ISO.items()
                          if mark in cells[9] or mark in cells[10]), None)
        if code_list:
            field["code_list"] = code_list
        elif cells[9]:
            names = [n.strip() for n in cells[9].split("\n") if n.strip()]
            labels = [n for n in cells[10].split("\n") if n.strip()]
            assert len(names) == len(labels), name
            field["values"] = [[n, label] for n, label in zip(names, labels, strict=True)]
        found.append(field)
    return found


def toolkit_header(path: Path = XLSX) -> list[list[str]]:
    """The toolkit's first two rows, column by column: [field name, label]."""
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    first, second = sheet.iter_rows(min_row=1, max_row=2, values_only=True)
    return [[str(a or ""), str(b or "")] for a, b in zip(first, second, strict=True)]


def test_the_shipped_field_table_is_the_standards() -> None:
    assert fields.table()["fields"] == standard_fields()


def test_the_shipped_toolkit_header_is_the_toolkits() -> None:
    assert fields.table()["toolkit"]["header"] == toolkit_header()


def test_the_standard_has_the_fields_the_issue_names_as_core() -> None:
    by_name = {f.name: f for f in fields.standard()}
    for name in ("prs_FirstName", "prs_Birthdate", "prs_Email", "prs_MobilePhone"):
        assert by_name[name].core, name
    assert len(by_name) == 84


def test_every_field_is_kept_or_says_why_not() -> None:
    for field in fields.standard():
        treatment = fields.treatment(field.name)
        assert treatment.kept or treatment.why, field.name


def test_every_value_of_a_kept_picklist_has_a_mapping() -> None:
    for field in fields.standard():
        treatment = fields.treatment(field.name)
        # A perpetrator's roles only tell that the row is a suspect: their values are not kept.
        if not (treatment.kept and field.values) or treatment.kept == "perpetrator":
            continue
        for value in field.values:
            assert fields.palermo_codes(field.name, value.name) is not None, (
                field.name, value.name)


def test_every_mapping_table_names_values_of_the_standard_only() -> None:
    for field in fields.standard():
        table = fields.treatment(field.name).table
        if table:
            assert set(registry.get(table).codes()) == {v.name for v in field.values}, table


def test_a_palermo_code_written_as_two_htcds_values_stops_start_up(tmp_path: Path) -> None:
    from palermo.vocab.loader import load_directory

    for name in ("methods_of_control", "htcds_methods_of_control"):
        source = registry.VOCAB_DIR / f"{name}.yaml"
        (tmp_path / source.name).write_text(source.read_text("utf-8"), "utf-8")
    target = tmp_path / "htcds_methods_of_control.yaml"
    text = target.read_text("utf-8")
    target.write_text(text.replace("export_codes: [DebtBondage]",
                                   "export_codes: [DebtBondage, Threats]"), "utf-8")
    with pytest.raises(VocabularyError,
                       match=r"htcds_methods_of_control.yaml:\d+: term 'DebtBondage': "
                             r"methods_of_control code 'Threats' is already written as "
                             r"'PhysicalThreats' \(line \d+\)"):
        registry.check_mappings(load_directory(tmp_path))
