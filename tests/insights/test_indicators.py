"""Indicators from live data: what the coordinator counts, after internal disclosure
control, and the suppression written to the audit log."""

from __future__ import annotations

import pytest
from django.utils import timezone

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.insights.services import indicators
from palermo.insights.services.periods import Period, parse
from tests.insights.factories import office, victims

pytestmark = pytest.mark.django_db


def this_year() -> Period:
    return Period.year(timezone.localdate().year)


def cell(table: indicators.Indicator, row: str, column: str) -> int | None:
    return table.protected.cells[table.row_codes.index(row)][table.column_codes.index(column)]


def test_victims_by_sex_age_and_form_with_small_cells_suppressed() -> None:
    people = office()
    victims(people, 7, sex="F", forms=["SexualExploitation"])
    victims(people, 6, sex="M", forms=["ForcedLabour"], industry="agriculture")
    victims(people, 2, sex="M", born="2012-01-01", forms=["ForcedBegging"])
    by_age, by_form, by_industry = indicators.tables(
        people.coordinator, this_year(),
        ["victims_sex_age", "victims_exploitation", "victims_industry"])
    truth = {("adult", "sex.F"): 7, ("adult", "sex.M"): 6, ("child", "sex.M"): 2}
    for row in by_age.row_codes:
        for column in by_age.column_codes:
            shown = cell(by_age, row, column)
            assert shown is None or shown == truth.get((row, column), 0), (row, column)
    # Two boys: under the internal threshold of 5, so hidden, and so is a partner cell.
    assert cell(by_age, "child", "sex.M") is None
    assert sum(c is None for row in by_age.protected.cells for c in row) >= 2
    assert by_age.protected.total == 15
    assert cell(by_form, "SexualExploitation", "sex.F") == 7
    assert cell(by_form, "ForcedLabour", "sex.M") in (6, None)
    assert cell(by_form, "ForcedBegging", "sex.M") is None
    assert by_form.protected.total == 15
    assert by_industry.protected.column_totals[by_industry.column_codes.index("sex.M")] == 8
    event = AuditEvent.objects.filter(action="insights.disclose").latest("seq")
    assert "victims_sex_age" in event.detail["suppressed"]
    assert event.detail["threshold"] == 5


def test_public_audience_uses_threshold_ten() -> None:
    people = office()
    victims(people, 7, sex="F")
    victims(people, 12, sex="M")
    (table,) = indicators.tables(people.coordinator, this_year(), ["victims_sex_age"],
                                 audience=indicators.PUBLIC)
    assert cell(table, "adult", "sex.F") is None
    assert table.protected.total == 19
    published = [c for row in table.protected.cells for c in row if c is not None]
    assert all(c == 0 or c >= 10 for c in published)


def test_citizenship_investigations_and_time_to_shelter() -> None:
    people = office()
    victims(people, 6, nationality="THA", shelter=True)
    victims(people, 5, nationality="PHL")
    by_country, cases, shelter = indicators.tables(
        people.coordinator, this_year(), ["victims_citizenship", "investigations",
                                          "time_to_shelter"])
    assert cell(by_country, "THA", "sex.F") == 6
    assert cell(by_country, "PHL", "sex.F") == 5
    assert by_country.row_labels_i18n[by_country.row_codes.index("THA")]["en"] == "Thailand"
    assert cell(cases, "ForcedLabour", "reported") is None  # two cases: under 5
    assert cases.protected.total is None or cases.protected.total == 2
    assert cell(shelter, "days.0", "count.persons") == 6


def test_referrals_by_agency() -> None:
    people = office()
    victims(people, 6, shelter=True)
    (table,) = indicators.tables(people.coordinator, this_year(), ["referrals_agency"])
    assert table.row_codes == ["Welfare Ministry"]
    assert cell(table, "Welfare Ministry", "accepted") == 6


def test_every_indicator_computes_on_empty_data() -> None:
    people = office()
    built = indicators.tables(people.coordinator, this_year())
    assert [t.code for t in built] == indicators.codes()
    assert all(t.title and t.methodology for t in built)


def test_a_role_without_insights_view_is_refused() -> None:
    people = office()
    with pytest.raises(NotAllowed):
        indicators.tables(people.police, this_year())


def test_period_input_errors_name_the_field() -> None:
    with pytest.raises(ServiceError) as error:
        parse("2026-13-01", None)
    assert error.value.field == "from"
    with pytest.raises(ServiceError) as error:
        parse("2026-05-01", "2026-04-01")
    assert error.value.field == "to"
    assert parse(None, None, year="2025").previous() == Period.year(2024)
    assert Period(parse("2026-03-01", "2026-03-31").start,
                  parse("2026-03-01", "2026-03-31").end).previous().days == 31
