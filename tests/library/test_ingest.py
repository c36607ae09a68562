"""Uploads: text out of text, HTML, DOCX and PDF files, its language, the fields read from it;
corrupt, empty and oversized files refused with the file named, and nothing stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.library import services
from palermo.library.engine import extract
from palermo.library.engine.prefill import prefill
from palermo.library.models import JudicialDecision
from tests.library.documents import docx, pdf

pytestmark = pytest.mark.django_db

HEBREW = ("בית המשפט המחוזי בתל אביב-יפו\nת\"פ 12345-06-19 מדינת ישראל נ' פלוני\n"
          "ניתן היום, 14.03.2021.\nהנאשם הורשע בעבירה של סחר בבני אדם לשם עבודת כפייה.")


def test_text_file_in_hebrew(editor: Any) -> None:
    upload = services.read_upload(actor=editor, filename="psak.txt", data=HEBREW.encode())
    assert upload.language == "he"
    assert upload.prefill.decision_date == dt.date(2021, 3, 14)
    assert upload.prefill.case_number == "ת\"פ 12345-06-19"
    assert upload.prefill.court.startswith("בית המשפט המחוזי בתל אביב")


def test_legacy_hebrew_encoding_is_read(editor: Any) -> None:
    upload = services.read_upload(actor=editor, filename="old.txt", data=HEBREW.encode("cp1255"))
    assert "סחר בבני אדם" in upload.text


def test_html_file(editor: Any) -> None:
    html = ("<html><head><title>x</title><style>p{}</style></head><body>"
            "<h1>Supreme Court of Appeal</h1><p>Case No. 2019/123</p>"
            "<p>Delivered on 3 June 2019. The appellant was convicted of trafficking "
            "in persons &amp; the appeal is dismissed.</p><script>x()</script></body></html>")
    upload = services.read_upload(actor=editor, filename="judgment.html", data=html.encode())
    assert "trafficking in persons & the appeal" in upload.text
    assert "x()" not in upload.text and "p{}" not in upload.text
    assert upload.language == "en"
    assert upload.prefill.decision_date == dt.date(2019, 6, 3)
    assert upload.prefill.case_number == "Case No. 2019/123"
    assert upload.prefill.court == "Supreme Court of Appeal"


def test_docx_file_in_russian(editor: Any) -> None:
    data = docx(["Московский городской суд", "Уголовное дело № 1-234/2020",
                 "Суд признал подсудимого виновным в торговле людьми 12.11.2020."])
    upload = services.read_upload(actor=editor, filename="prigovor.docx", data=data)
    assert upload.language == "ru"
    assert upload.prefill.case_number == "Уголовное дело № 1-234/2020"
    assert upload.prefill.court == "Московский городской суд"
    assert upload.prefill.decision_date == dt.date(2020, 11, 12)
    assert "торговле людьми" in upload.text


def test_pdf_file(editor: Any) -> None:
    data = pdf(["District Court of Nicosia", "Criminal Case No. 1234/2018",
                "Judgment of 21.09.2018: the accused are guilty of trafficking in persons."])
    upload = services.read_upload(actor=editor, filename="judgment.pdf", data=data)
    assert "guilty of trafficking in persons" in upload.text
    assert upload.language == "en"
    assert upload.prefill.decision_date == dt.date(2018, 9, 21)
    assert upload.prefill.court == "District Court of Nicosia"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage",
     "broken.pdf: not a readable PDF"),
    ("empty.txt", b"", "empty.txt: the file is empty"),
    ("blank.docx", b"   \n", "blank.docx: the file is empty"),
    ("broken.docx", b"PK\x03\x04 not a zip at all", "broken.docx: not a readable DOCX"),
    ("photo.jpg", b"\xff\xd8\xff\xe0 jpeg", "photo.jpg: only PDF, DOCX, HTML and text"),
])
def test_bad_files_are_refused_naming_the_file(editor: Any, name: str, data: bytes,
                                               message: str) -> None:
    with pytest.raises(ServiceError) as caught:
        services.read_upload(actor=editor, filename=name, data=data)
    assert caught.value.message.startswith(message) and caught.value.field == "file"
    assert not JudicialDecision.objects.exists()
    assert AuditEvent.objects.get(action="library.upload").outcome == "failure"


def test_oversized_file_is_refused(editor: Any) -> None:
    with pytest.raises(ServiceError, match=r"huge.pdf: the file is larger than 50 MB"):
        services.read_upload(actor=editor, filename="huge.pdf",
                             data=b"%PDF" + b"0" * extract.MAX_BYTES)


def test_prefill_in_arabic() -> None:
    found = prefill("محكمة الاستئناف عمان\nالقضية رقم 2021/455\nبتاريخ 05/04/2021")
    assert found.court == "محكمة الاستئناف عمان"
    assert found.case_number == "القضية رقم 2021/455"
    assert found.decision_date == dt.date(2021, 4, 5)
