"""Issue 18: the auditor's page speaks the auditor's language: outcomes by their label
(never ``success`` or ``denied``), dates in the language's one format, and the outcome filter
labelled too."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone

from palermo.audit import services
from palermo.audit.models import Outcome
from palermo.vocab import registry

pytestmark = pytest.mark.django_db


def _outcomes(html: str) -> list[str]:
    return re.findall(r'data-testid="audit-outcome">([^<]*)<', html)


def _entries(user_with: Any) -> None:
    subject = user_with("trainer", email="watched@agency.example")
    services.record("case.update", actor=subject, object_type="case", object_id=7)
    services.record("case.read", actor=subject, object_type="case", object_id=8,
                    outcome=Outcome.DENIED)


def test_every_outcome_of_the_log_has_a_label() -> None:
    assert {term.code for term in registry.get("audit_outcomes")} == set(Outcome.values)


def test_the_page_shows_outcome_labels_in_english(signed_in: Any, user_with: Any) -> None:
    client = signed_in("auditor")
    _entries(user_with)
    html = client.get("/audit/", {"actor": "watched@"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert sorted(_outcomes(html)) == ["done", "refused (not allowed)"]
    today = timezone.localdate()
    assert f"{today.day} {today.strftime('%b')} {today.year}" in html
    assert '<option value="denied">refused (not allowed)</option>' in html


def test_the_page_shows_outcome_labels_in_hebrew(signed_in: Any, user_with: Any) -> None:
    client = signed_in("auditor")
    _entries(user_with)
    client.cookies["django_language"] = "he"
    html = client.get("/audit/", {"actor": "watched@"}, HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert sorted(_outcomes(html)) == sorted(["בוצע", "נדחה (אין הרשאה)"])
    assert "success" not in _outcomes(html) and "denied" not in _outcomes(html)
    assert timezone.localdate().strftime("%d/%m/%Y") in html
    assert '<option value="success">בוצע</option>' in html


def test_filtering_by_a_labelled_outcome_still_finds_its_entries(signed_in: Any,
                                                                 user_with: Any) -> None:
    client = signed_in("auditor")
    _entries(user_with)
    html = client.get("/audit/", {"actor": "watched@", "outcome": "denied"}).content.decode()
    assert _outcomes(html) == ["refused (not allowed)"]
