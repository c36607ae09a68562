"""Live data for the statistics, built through the cases' services as users build it: a
police case with many victims of known sex, age, citizenship and form of exploitation,
suspects, and shelter referrals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from palermo.cases.services import persons
from tests.access.factories import AgencyFactory, UserFactory
from tests.cases.factories import add_person, open_case, refer_and_accept


@dataclass
class Office:
    coordinator: Any
    police: Any
    welfare: Any


def office() -> Office:
    return Office(
        coordinator=UserFactory(roles=["coordinator"], agency=AgencyFactory(
            name="Coordinator's Office", kind="coordinator", country="ISR")),
        police=UserFactory(roles=["investigator"], agency=AgencyFactory(
            name="Police", kind="police", country="ISR")),
        welfare=UserFactory(roles=["social_worker"], agency=AgencyFactory(
            name="Welfare Ministry", kind="welfare", country="ISR")))


def victims(people: Office, count: int, *, sex: str = "F", nationality: str = "UKR",
            forms: list[str] | None = None, industry: str = "", born: str = "1990-01-01",
            shelter: bool = False, title: str = "Farm workers held") -> list[Any]:
    """``count`` victims in a new case; with ``shelter``, each is identified and referred
    to a shelter that accepts at once."""
    case = open_case(people.police, title=title)
    made = []
    for i in range(count):
        victim = add_person(case, people.police, f"Victim {title} {i}", born=born, sex=sex,
                            nationalities=[nationality])
        if forms or industry:
            victim = persons.update_victim_context(
                victim, actor=people.police, version=victim.version,
                exploitation_types=forms or [], industry=industry)
        if shelter:
            victim = persons.decide_status(victim, "identified_victim", actor=people.police)
            refer_and_accept(victim, people.police, people.welfare)
        made.append(victim)
    return made
