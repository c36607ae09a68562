"""Documents: type-checked, size-limited, stored privately, downloaded with an audit entry."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.cases.models import Document
from palermo.cases.services import documents
from palermo.cases.services.errors import ServiceError
from tests.access.factories import AgencyFactory
from tests.cases.factories import open_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def police_case(user_with: Any, settings: Any, tmp_path: Any) -> tuple[Any, Any]:
    settings.DATA_DIR = tmp_path
    police = user_with("investigator", agency=AgencyFactory(name="Police"))
    return police, open_case(police)


def test_pdf_is_attached_and_downloaded_with_an_audit_entry(police_case: Any) -> None:
    police, case = police_case
    client = sign_in(Client(), police)
    response = client.post(f"/cases/{case.pk}/documents/",
                           {"file": SimpleUploadedFile("statement.pdf", PDF)})
    assert response.status_code == 302
    document = Document.objects.get(case=case)
    assert (document.name, document.size, document.content_type) == (
        "statement.pdf", len(PDF), "application/pdf")
    download = client.get(f"/cases/documents/{document.pk}/")
    assert b"".join(download.streaming_content) == PDF
    assert AuditEvent.objects.filter(action="document.read", object_id=str(document.pk)).exists()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("report.pdf", b"MZ\x90\x00 an executable", "not what its name says"),
    ("photo.png", PDF, "not what its name says"),
    ("tool.exe", b"MZ", "Only PDF"),
    ("empty.pdf", b"", "empty"),
    ("letter.docx", b"PK\x03\x04 not really a zip", "not a Word document"),
    ("notes.txt", b"caf\xe9 latin-1 text here and more", "not UTF-8 (byte 3)"),
])
def test_disguised_or_bad_files_are_refused_and_nothing_is_kept(
    police_case: Any, name: str, content: bytes, message: str
) -> None:
    police, case = police_case
    with pytest.raises(ServiceError, match=re.escape(message)):
        documents.attach(case, name, io.BytesIO(content), actor=police)
    assert not Document.objects.exists()
    assert [p for p in documents.storage_root().rglob("*") if p.is_file()] == []


def test_oversize_file_is_refused(police_case: Any, settings: Any) -> None:
    police, case = police_case
    settings.PALERMO_DOCUMENT_MAX_BYTES = 1024
    with pytest.raises(ServiceError, match="larger than"):
        documents.attach(case, "big.pdf", io.BytesIO(PDF + b"0" * 2048), actor=police)
    assert not Document.objects.exists()


def test_outsiders_cannot_download(police_case: Any, user_with: Any) -> None:
    police, case = police_case
    document = documents.attach(case, "statement.pdf", io.BytesIO(PDF), actor=police)
    outsider = sign_in(Client(), user_with("investigator", agency=AgencyFactory(name="Other")))
    assert outsider.get(f"/cases/documents/{document.pk}/").status_code == 404


def test_the_scanner_hook_can_refuse_a_file(police_case: Any, settings: Any) -> None:
    police, case = police_case
    settings.PALERMO_DOCUMENT_SCANNER = "tests.cases.test_documents.refuse_everything"
    with pytest.raises(ServiceError, match="infected"):
        documents.attach(case, "statement.pdf", io.BytesIO(PDF), actor=police)
    assert not Document.objects.exists()


def refuse_everything(path: Any) -> None:
    raise ServiceError("the scanner found the file infected", field="file")
