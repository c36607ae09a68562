"""The coordinator's statistics pages: the dashboard with its period, charts and tables,
in English and Hebrew, and who may open them."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.conftest import sign_in
from tests.insights.factories import office, victims

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client: Any) -> Any:
    people = office()
    victims(people, 6, sex="F", forms=["SexualExploitation"])
    victims(people, 7, sex="M", forms=["ForcedLabour"])
    return sign_in(client, people.coordinator)


def test_dashboard_shows_each_chart_with_its_table(coordinator: Any) -> None:
    page = coordinator.get("/insights/").content.decode()
    year = timezone.localdate().year
    assert f"Period {year}, compared with {year - 1}." in page
    assert page.count("<svg") >= 15
    assert 'data-testid="table-victims_sex_age"' in page
    assert "Previous period" in page
    assert "Victims detected by age group and sex" in page
    assert "<td>13</td>" in page  # adults: 6 women and 7 men


def test_period_switch_and_bad_period(coordinator: Any) -> None:
    page = coordinator.get("/insights/?from=2020-01-01&to=2020-03-31").content.decode()
    assert "Period 2020-01-01 – 2020-03-31, compared with 2019-10-02 – 2019-12-31." in page
    bad = coordinator.get("/insights/?from=2020-02-30").content.decode()
    assert 'data-testid="period-error"' in bad
    assert "2020-02-30" in bad


def test_dashboard_in_hebrew_runs_right_to_left(coordinator: Any) -> None:
    coordinator.cookies["django_language"] = "he"
    page = coordinator.get("/insights/", HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert 'dir="rtl"' in page
    assert "נפגעי סחר שאותרו לפי קבוצת גיל ומין" in page
    assert "נקבה" in page


def test_home_dashboard_card(coordinator: Any) -> None:
    page = coordinator.get("/").content.decode()
    assert 'data-testid="insights-card"' in page


def test_other_roles_may_not_open_statistics(signed_in: Any) -> None:
    assert signed_in("investigator").get("/insights/").status_code == 403
    assert signed_in("auditor").get("/insights/report/").status_code == 403
