"""Victims by form of exploitation, from cases made the way users make them: an investigator
opens a case naming its forms of exploitation and adds the victims, usually without filling
in each victim's own context. The victims then count under the case's forms, not "Unknown"."""

from __future__ import annotations

import pytest
from django.utils import timezone

from palermo.cases.services import persons
from palermo.insights.services import indicators
from palermo.insights.services.periods import Period
from tests.cases.factories import add_person, open_case
from tests.insights.factories import office

pytestmark = pytest.mark.django_db


def by_form(user: object) -> indicators.Indicator:
    (table,) = indicators.tables(user, Period.year(timezone.localdate().year),
                                 ["victims_exploitation"])
    return table


def count(table: indicators.Indicator, form: str, sex: str) -> int | None:
    if form not in table.row_codes:
        return 0
    return table.protected.cells[table.row_codes.index(form)][table.column_codes.index(sex)]


def case_with_victims(people: object, forms: list[str], victims: int, sex: str = "F",
                      title: str = "Farm workers held") -> list:
    classification = {"palermo_acts": ["recruitment"], "palermo_means": ["deception"],
                      "palermo_purposes": ["forced_labour_or_services"],
                      "exploitation_types": forms}
    case = open_case(people.police, title=title, classification=classification)
    return [add_person(case, people.police, f"{title} victim {i}", sex=sex)
            for i in range(victims)]


def test_victims_count_under_the_forms_of_their_case() -> None:
    people = office()
    case_with_victims(people, ["ForcedLabour"], 6, title="Farm workers held")
    case_with_victims(people, ["ForcedLabour", "Servitude"], 5, sex="M",
                      title="Household staff")
    table = by_form(people.coordinator)
    assert count(table, "ForcedLabour", "sex.F") == 6
    assert count(table, "ForcedLabour", "sex.M") == 5
    assert count(table, "Servitude", "sex.M") == 5
    assert count(table, "unknown", "sex.F") == 0
    # Each victim is counted once per form: 6 + 5 under forced labour, 5 under servitude.
    assert table.protected.total == 16


def test_a_victims_own_forms_take_the_place_of_the_cases() -> None:
    people = office()
    own = case_with_victims(people, ["ForcedLabour"], 5, title="Kitchen staff")
    for victim in own:
        persons.update_victim_context(victim, actor=people.police, version=victim.version,
                                      exploitation_types=["ForcedBegging"])
    case_with_victims(people, ["ForcedLabour"], 5, title="Builders")
    table = by_form(people.coordinator)
    assert count(table, "ForcedBegging", "sex.F") == 5
    assert count(table, "ForcedLabour", "sex.F") == 5


def test_victims_of_a_case_without_forms_are_unknown() -> None:
    people = office()
    case_with_victims(people, [], 5, title="Reported at the border")
    table = by_form(people.coordinator)
    assert count(table, "unknown", "sex.F") == 5
