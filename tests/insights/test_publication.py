"""Publishing: tables stored as published after public disclosure control, read back by
the portal's function and the API, never live data."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone, translation

from palermo.access.services.errors import NotAllowed
from palermo.audit.models import AuditEvent
from palermo.insights.services import publication
from palermo.insights.services.periods import Period
from tests.conftest import sign_in
from tests.insights.factories import office, victims

pytestmark = pytest.mark.django_db


def year() -> Period:
    return Period.year(timezone.localdate().year)


def test_published_tables_are_frozen_and_protected_at_ten() -> None:
    people = office()
    victims(people, 7, sex="F")
    victims(people, 12, sex="M")
    assert publication.latest_publication() is None
    made = publication.publish(actor=people.coordinator, period=year(),
                               codes=["victims_sex_age", "victims_status"])
    victims(people, 30, sex="F")  # live data changes; the publication does not
    latest = publication.latest_publication()
    assert latest is not None and latest.pk == made.pk
    assert latest.published_at.tzinfo is not None
    assert latest.period_label == str(timezone.localdate().year)
    table = next(t for t in latest.tables if t["code"] == "victims_sex_age")
    assert set(table) >= {"code", "title", "row_labels", "column_labels", "cells",
                          "row_totals", "column_totals", "total", "methodology"}
    assert table["total"] == 19
    shown = [c for row in table["cells"] for c in row if c is not None]
    assert all(c == 0 or c >= 10 for c in shown)
    assert any(c is None for row in table["cells"] for c in row)
    assert "<svg" in latest.chart_svg("victims_sex_age")
    assert 'direction="rtl"' in latest.chart_svg("victims_sex_age", rtl=True) or \
        "rtl" in latest.chart_svg("victims_sex_age", rtl=True)
    with translation.override("he"):
        hebrew = next(t for t in latest.tables if t["code"] == "victims_sex_age")
        assert hebrew["column_labels"][0] == "נקבה"
    assert AuditEvent.objects.filter(action="insights.publish").count() == 1


def test_only_the_office_publishes() -> None:
    people = office()
    with pytest.raises(NotAllowed):
        publication.publish(actor=people.police, period=year())


def test_publish_page_and_api(client: Any) -> None:
    people = office()
    victims(people, 11, sex="F")
    sign_in(client, people.coordinator)
    response = client.post("/insights/publications/new/", {
        "year": str(timezone.localdate().year), "codes": ["victims_sex_age"]})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Victims detected by age group and sex" in page and "<svg" in page
    api = client.get("/api/v1/insights/publications/latest").json()
    assert api["tables"][0]["code"] == "victims_sex_age"
    assert api["tables"][0]["total"] == 11
    bad = client.post("/insights/publications/new/", {"year": "20x6", "codes": ["x"]})
    assert bad.status_code == 400
    assert "four digits" in bad.content.decode()


def test_api_indicators_use_public_threshold(client: Any) -> None:
    people = office()
    victims(people, 7, sex="F")
    victims(people, 12, sex="M")
    sign_in(client, people.coordinator)
    listing = client.get("/api/v1/insights/indicators").json()
    assert {"victims_sex_age", "time_to_shelter"} <= {i["code"] for i in listing}
    this = timezone.localdate().year
    table = client.get(f"/api/v1/insights/indicators/victims_sex_age?from={this}-01-01"
                       f"&to={this}-12-31").json()
    assert table["threshold"] == 10
    assert table["total"] == 19
    female = table["column_codes"].index("sex.F")
    assert table["cells"][table["row_codes"].index("adult")][female] is None
    bad = client.get("/api/v1/insights/indicators/victims_sex_age?from=yesterday")
    assert bad.status_code == 400 and "from" in bad.content.decode()
    assert client.get("/api/v1/insights/indicators/nonsense").status_code == 400
