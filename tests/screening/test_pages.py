"""The owning agency's watch-list pages: list, remove with a reason, import with a report."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.screening.models import WatchedDocument
from tests.access.factories import AgencyFactory
from tests.conftest import sign_in
from tests.screening.factories import watch_lists

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(user_with: Any) -> Any:
    return user_with("investigator", agency=AgencyFactory(name="Police"))


def test_agency_sees_and_removes_only_its_records(police: Any) -> None:
    ours = watch_lists(police.agency)
    theirs = WatchedDocument.objects.create(number="ZZ9999999", issuing_state="GRC",
                                            status="lost", owner_agency=AgencyFactory())
    client = sign_in(Client(), police)
    page = client.get("/screening/lists/?kind=documents").content.decode()
    assert "L898902C3" in page and "ZZ9999999" not in page
    client.post(f"/screening/lists/documents/{ours['passport'].pk}/remove/", {"reason": ""})
    assert WatchedDocument.objects.filter(pk=ours["passport"].pk).exists()
    client.post(f"/screening/lists/documents/{ours['passport'].pk}/remove/",
                {"reason": "found by its holder"})
    assert not WatchedDocument.objects.filter(pk=ours["passport"].pk).exists()
    assert AuditEvent.objects.get(action="watchlist.remove").reason == "found by its holder"
    other = client.post(f"/screening/lists/documents/{theirs.pk}/remove/", {"reason": "x"})
    assert other.status_code == 404


def test_import_page_refuses_a_bad_file_and_names_the_line(police: Any) -> None:
    client = sign_in(Client(), police)
    csv = (b"number,issuing_state,status\nA1234567,ISR,stolen\nB7654321,XXX,stolen\n")
    page = client.post("/screening/lists/import/", {
        "kind": "documents", "file": SimpleUploadedFile("sltd.csv", csv)}).content.decode()
    assert "Nothing was imported" in page
    assert "<td>3</td>" in page and "issuing_state" in page
    assert not WatchedDocument.objects.exists()
    good = client.post("/screening/lists/import/", {
        "kind": "documents", "batches": "1",
        "file": SimpleUploadedFile("sltd.csv", csv)}).content.decode()
    assert "Imported" in good
    assert list(WatchedDocument.objects.values_list("number", flat=True)) == ["A1234567"]
