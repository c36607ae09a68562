"""The auditor searches the log and exports it; the export is itself audited."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from palermo.audit import services
from palermo.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_auditor_filters_by_user_action_and_record(signed_in: Any, user_with: Any) -> None:
    client = signed_in("auditor")
    subject = user_with("trainer", email="watched@agency.example")
    services.record_read(subject, "person", 42, reason="court order 17/2026")
    services.record("case.update", actor=subject, object_type="case", object_id=7)

    page = client.get("/audit/", {"actor": "watched@", "object_type": "person"})
    html = page.content.decode()
    assert page.status_code == 200
    table = html.split("<tbody>")[1]
    assert "person.read" in table and "court order 17/2026" in table
    assert "case.update" not in table
    assert "1 entry" in html


def test_empty_search_says_so(signed_in: Any) -> None:
    client = signed_in("auditor")
    html = client.get("/audit/", {"actor": "no-such-person"}).content.decode()
    assert "No entry matches these filters." in html


def test_csv_export_holds_the_rows_and_is_audited(signed_in: Any, user_with: Any) -> None:
    client = signed_in("auditor")
    subject = user_with("trainer")
    services.record_read(subject, "person", 9)
    response = client.get("/audit/export.csv", {"object_type": "person"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:5] == ["seq", "at", "actor_label", "agency_label", "action"]
    assert [row[4] for row in rows[1:]] == ["person.read"]
    export = AuditEvent.objects.get(action="audit.export")
    assert export.detail == {"object_type": "person"}


def test_other_roles_cannot_open_the_log(signed_in: Any) -> None:
    client = signed_in("coordinator")
    assert client.get("/audit/").status_code == 403
    assert client.get("/audit/export.csv").status_code == 403
    denied = AuditEvent.objects.filter(action="access.denied", outcome="denied")
    assert denied.count() == 2


def test_auditor_without_export_permission_sees_no_export_link(
    signed_in: Any, user_with: Any
) -> None:
    from palermo.access.models import Role

    role = Role.objects.create(code="reader", name="Reader",
                               permissions=["audit.view", "web.view_dashboard"])
    client = signed_in("auditor")
    client.user.roles.set([role])
    html = client.get("/audit/").content.decode()
    assert "Export CSV" not in html
    assert client.get("/audit/export.csv").status_code == 403
