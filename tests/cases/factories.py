"""Cases built through the services, as users build them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from palermo.cases.models import Case, CasePerson, Referral
from palermo.cases.services import cases, persons, referrals
from palermo.cases.services.persons import NewPerson
from tests.access.factories import AgencyFactory, UserFactory


def open_case(actor: Any, title: str = "Farm workers held", **kwargs: Any) -> Case:
    kwargs.setdefault("classification", {"palermo_acts": ["recruitment"],
                                         "palermo_means": ["deception"],
                                         "palermo_purposes": ["forced_labour_or_services"],
                                         "exploitation_types": ["ForcedLabour"]})
    return cases.open_case(actor=actor, title=title, **kwargs)


def add_person(case: Case, actor: Any, name: str, role: str = "victim",
               born: str | None = "1990-01-01", **kwargs: Any) -> CasePerson:
    started = kwargs.pop("exploitation_started_on", dt.date(2025, 6, 1))
    new = NewPerson([name], dt.date.fromisoformat(born) if born else None, **kwargs)
    return persons.add_to_case(case, new, role, actor=actor,
                               exploitation_started_on=started)


def refer_and_accept(case_person: CasePerson, sender: Any, receiver: Any,
                     reason: str = "shelter") -> Referral:
    referral = referrals.send(case_person, receiver.agency, reason, actor=sender,
                              consent="given")
    return referrals.accept(referral, actor=receiver, version=referral.version)


@dataclass
class DemoCase:
    """A police case with an adult victim (referred to welfare), a child victim (referred to
    an NGO) and a suspect, and one user of each role in its own agency."""

    case: Case
    adult: CasePerson
    child: CasePerson
    suspect: CasePerson
    users: dict[str, Any]


def demo_case() -> DemoCase:
    agencies = {
        "coordinator": AgencyFactory(name="Coordinator's Office", kind="coordinator"),
        "investigator": AgencyFactory(name="Police", kind="police"),
        "prosecutor": AgencyFactory(name="State Attorney", kind="prosecution"),
        "social_worker": AgencyFactory(name="Welfare Ministry", kind="welfare"),
        "ngo_case_worker": AgencyFactory(name="Shelter NGO", kind="ngo"),
        "border_officer": AgencyFactory(name="Border Police", kind="border"),
        "auditor": AgencyFactory(name="Coordinator's Office", kind="coordinator"),
    }
    users = {role: UserFactory(roles=[role], agency=agency) for role, agency in agencies.items()}
    police = users["investigator"]
    case = open_case(police, title="Children begging and adults in a sweatshop")
    adult = add_person(case, police, "Olena Kovalenko", born="1990-04-02")
    child = add_person(case, police, "Ionut Popescu", born="2012-08-08")
    suspect = add_person(case, police, "Dmitri Volkov", role="suspect", born="1975-01-01")
    refer_and_accept(adult, police, users["social_worker"])
    refer_and_accept(child, police, users["ngo_case_worker"])
    return DemoCase(case, adult, child, suspect, users)
