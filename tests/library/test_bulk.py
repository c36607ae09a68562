"""Bulk import from a folder or a CSV with files: each decision saved whole or not at all,
every refused file named with its reason, a file over the limit refused from its size before
it is read, a CSV without its columns refused naming them."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.library.models import Citation, JudicialDecision
from palermo.library.services import bulk
from tests.conftest import sign_in
from tests.library.documents import docx

pytestmark = pytest.mark.django_db

HEBREW = ("בית המשפט המחוזי בחיפה\nת\"פ 40237-05-19 מדינת ישראל נ' פלוני\n"
          "ניתן היום, 14.03.2021.\nהנאשם הורשע בעבירה של סחר בבני אדם, כאמור בע\"פ 1234/05.")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "judgments"
    (root / "2021").mkdir(parents=True)
    (root / "2021" / "haifa.txt").write_text(HEBREW, encoding="utf-8")
    (root / "london.docx").write_bytes(docx([
        "High Court of Justice", "Case No. T20217001",
        "Judgment of 3 June 2021: the defendant was convicted of trafficking."]))
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (root / "empty.txt").write_bytes(b"")
    with (root / "huge.txt").open("wb") as big:
        big.truncate(200 * 2**20)  # 200 MB, sparse
    (root / "notes.odt").write_bytes(b"ignored: not a document kind we read")
    return root


def test_folder_import_reports_every_file(folder: Path, editor: Any) -> None:
    out = io.StringIO()
    call_command("library", "import", str(folder), "--user", editor.email, "--country", "ISR",
                 stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "2 imported, 3 failed"
    haifa = JudicialDecision.objects.get(source_file="2021/haifa.txt")
    assert haifa.court.startswith("בית המשפט המחוזי בחיפה")
    assert haifa.case_number == 'ת"פ 40237-05-19' and haifa.language == "he"
    assert Citation.objects.get(citing=haifa).key == "il:1234/05"
    london = JudicialDecision.objects.get(source_file="london.docx")
    assert london.court == "High Court of Justice" and london.country == "ISR"
    assert f"imported 2021/haifa.txt: decision {haifa.pk}" in lines
    assert "failed broken.pdf: not a readable PDF" in " ".join(lines)
    assert any(line.startswith("failed empty.txt: ") and "empty" in line for line in lines)
    assert "failed huge.txt: the file is larger than 50 MB" in lines
    assert not any("notes.odt" in line for line in lines)
    event = AuditEvent.objects.get(action="library.import")
    assert sorted(event.detail["imported"]) == sorted([haifa.pk, london.pk])


def test_an_oversized_file_is_refused_without_reading_it(editor: Any) -> None:
    def never() -> bytes:
        pytest.fail("the file was read")

    report = bulk.import_sources([bulk.Source("big.pdf", 200 * 2**20, never,
                                              {"country": "ISR", "court": "C"}, 2)],
                                 actor=editor)
    assert report.failed == [("big.pdf", "line 2: the file is larger than 50 MB")]


def test_csv_with_files_each_record_all_or_nothing(tmp_path: Path, editor: Any) -> None:
    (tmp_path / "a.txt").write_text("The defendants recruited workers by deception.")
    (tmp_path / "b.txt").write_text("Another judgment.")
    (tmp_path / "meta.csv").write_text(
        "file,country,court,case_number,decision_date,exploitation_types\n"
        "a.txt,GBR,Leeds Crown Court,T2019001,2019-04-02,ForcedLabour;Servitude\n"
        "b.txt,XXX,Leeds Crown Court,,,\n"
        "missing.txt,GBR,Leeds Crown Court,,,\n"
        "../escape.txt,GBR,Leeds Crown Court,,,\n"
        "a.txt,GBR,Leeds Crown Court,,2019-02-30,\n", encoding="utf-8")
    out = io.StringIO()
    call_command("library", "import", str(tmp_path / "meta.csv"), "--user", editor.email,
                 stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "1 imported, 4 failed"
    saved = JudicialDecision.objects.get()
    assert saved.exploitation_types == ["ForcedLabour", "Servitude"]
    assert str(saved.decision_date) == "2019-04-02"
    assert "failed b.txt: line 3: country: “XXX” is not a known code." in lines
    assert "failed missing.txt: line 4: no file named “missing.txt” was given" in lines
    assert "failed ../escape.txt: line 5: no file named “../escape.txt” was given" in lines
    assert any(line.startswith("failed a.txt: line 6: ") and "2019-02-30" in line
               for line in lines)
    assert AuditEvent.objects.filter(action="decision.create").count() == 1


def test_csv_missing_columns_are_named_and_nothing_imported(editor: Any) -> None:
    with pytest.raises(ServiceError, match=r"The CSV lacks the columns: country, court\."):
        bulk.read_csv(b"file,case_number\na.txt,1\n")
    with pytest.raises(ServiceError, match="unknown columns: colour"):
        bulk.read_csv(b"file,country,court,colour\n")
    with pytest.raises(ServiceError, match=r"not UTF-8 \(byte 25\)"):
        bulk.read_csv(b"file,country,court\na.txt,\xff")
    assert not JudicialDecision.objects.exists()


def test_csv_with_a_quote_left_open_names_its_line_and_imports_nothing(editor: Any) -> None:
    rows = "".join(f"d{i}.txt,ISR,District Court\n" for i in range(1000))
    data = f'file,country,court,summary\na.txt,ISR,District Court,"never closed\n{rows}'
    with pytest.raises(ServiceError, match="line 2: a quote opened on this line is not closed"):
        bulk.read_csv(data.encode())
    with pytest.raises(ServiceError, match="Line 2 of the CSV has more values"):
        bulk.read_csv(b"file,country,court\na.txt,ISR,Court,extra\n")
    assert bulk.read_csv(b'file,country,court,summary\na.txt,ISR,Court,"two\nlines"\n\n') == [
        {"file": "a.txt", "country": "ISR", "court": "Court", "summary": "two\nlines"}]


def test_import_page(editor: Any, reader: Any) -> None:
    client = sign_in(Client(), editor)
    csv_data = (b"file,country,court\nok.txt,ISR,Haifa District Court\n"
                b"bad.pdf,ISR,Haifa District Court\n")
    page = client.post("/library/import/", {
        "csv": SimpleUploadedFile("meta.csv", csv_data),
        "documents": [SimpleUploadedFile("ok.txt", "הנאשם הורשע.".encode()),
                  SimpleUploadedFile("bad.pdf", b"%PDF-1.4 junk")]}).content.decode()
    report = page.split('data-testid="import-report"', 1)[1].split("</section>")[0]
    assert "1 imported, 1 refused" in report and "not a readable PDF" in report
    assert f"/library/decisions/{JudicialDecision.objects.get().pk}/" in report
    page = client.post("/library/import/", {
        "csv": SimpleUploadedFile("meta.csv", b"file\nx.txt\n")}).content.decode()
    assert "The CSV lacks the columns: country, court." in page
    assert sign_in(Client(), reader).get("/library/import/").status_code == 403
