"""vCard 4.0 and CSV exports, read back by other programs' parsers."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import vobject
from django.test import Client

from palermo.audit.models import AuditEvent
from tests.conftest import sign_in
from tests.directory.factories import contact, organisation

pytestmark = pytest.mark.django_db


def test_vcard_parses_back(people: dict[str, Any]) -> None:
    iom = organisation(people["editor"], mandate="Migration; return, and reintegration.\n"
                                                 "Second line with a long text " * 4)
    contact(people["editor"], iom, name="Maya Cohen-Levi", role="Officer, counter-trafficking")
    contact(people["editor"], iom, name="יוסי כהן", email="yossi@iom.example", phone="")
    response = sign_in(Client(), people["reader"]).get(f"/directory/{iom.pk}/vcard/")
    assert response["Content-Type"].startswith("text/vcard")
    text = response.content.decode()
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cards = list(vobject.readComponents(text))
    assert [c.fn.value for c in cards] == ["International Organization for Migration",
                                           "Maya Cohen-Levi", "יוסי כהן"]
    org, maya, yossi = cards
    assert org.version.value == "4.0"
    assert org.kind.value == "org"
    assert org.note.value.startswith("Migration; return, and reintegration.\nSecond line")
    assert maya.title.value == "Officer, counter-trafficking"
    assert maya.tel.value == "tel:+41-22-000-1111"
    assert yossi.email.value == "yossi@iom.example"
    event = AuditEvent.objects.get(action="organisation.export_vcard")
    assert len(event.detail["contacts"]) == 2


def test_csv_export_with_filters(people: dict[str, Any]) -> None:
    organisation(people["editor"])
    organisation(people["editor"], name="=HYPERLINK(\"x\")", kind="ngo", country="ISR")
    response = sign_in(Client(), people["reader"]).get("/directory/export.csv?kind=ngo")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["name", "acronym", "kind"]
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"x\")"]
    event = AuditEvent.objects.get(action="directory.export")
    assert event.detail == {"format": "csv", "count": 1, "kind": "ngo"}
