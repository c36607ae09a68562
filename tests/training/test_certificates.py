"""Certificates: issued for attendance only, rendered as a PDF that reads back with the name
and the code, and checked on a public page that shows name, course and date only."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.training.services import certificates, trainees
from tests.conftest import sign_in
from tests.training.factories import registered, session

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_certificate_pdf_reads_back_with_name_and_code(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    registration = registered(trainer, session(trainer), "Miriam Haddad")
    with pytest.raises(ServiceError) as caught:
        certificates.issue(registration, actor=trainer)
    assert caught.value.field == "attended"
    trainees.mark_attendance(registration, True, actor=trainer)
    registration = certificates.issue(registration, actor=trainer)
    code = registration.certificate_code
    assert code and len(code) >= certificates.MIN_CODE_LENGTH
    assert certificates.issue(registration, actor=trainer).certificate_code == code
    content = certificates.pdf(registration, actor=trainer)
    assert content.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(content)).pages) == 1
    text = _text(content)
    assert "Miriam Haddad" in text and code in text
    assert "Identifying victims at the border" in text
    assert AuditEvent.objects.filter(action="trainee.read", detail__certificate=registration.pk
                                     ).exists()
    response = sign_in(Client(), trainer).get(
        f"/training/registrations/{registration.pk}/certificate.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "Miriam Haddad" in _text(response.content)
    assert "http://testserver/training/verify/" in _text(response.content)
    with pytest.raises(ServiceError):
        trainees.mark_attendance(registration, False, actor=trainer)


def test_hebrew_names_are_embedded_in_the_font(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    registration = registered(trainer, session(trainer), "מרים חדאד", "miriam@example.org")
    trainees.mark_attendance(registration, True, actor=trainer)
    content = certificates.render(certificates.issue(registration, actor=trainer))
    text = _text(content)
    # Drawn in visual order, so the extracted characters may come out reversed.
    assert "מרים" in text or "םירמ" in text


def test_public_check_shows_only_name_course_and_date(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    registration = registered(trainer, session(trainer), "Miriam Haddad")
    trainees.mark_attendance(registration, True, actor=trainer)
    code = certificates.issue(registration, actor=trainer).certificate_code
    anonymous = Client()
    page = anonymous.get("/training/verify/", {"code": code})
    body = page.content.decode()
    assert page.status_code == 200
    assert "This certificate is valid" in body and "Miriam Haddad" in body
    assert "dana@example.org" not in body and "Border" not in body
    assert page["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(action="certificate.verify",
                                     object_id=str(registration.pk)).exists()
    for wrong in (code[:-1] + ("A" if code[-1] != "A" else "B"), code[:10], "1"):
        body = anonymous.get("/training/verify/", {"code": wrong}).content.decode()
        assert "No valid certificate has this code" in body and "Miriam" not in body
    assert "Verification code" in anonymous.get("/training/verify/").content.decode()
