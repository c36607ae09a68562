"""What we have done with an organisation: referrals, messages and meetings with its
agency; the trust state of its exchange keys; agreements due for renewal on the dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.directory.services import activity, agreements
from palermo.exchange.services import partners
from tests.access.factories import AgencyFactory
from tests.cases.factories import add_person, open_case
from tests.conftest import sign_in
from tests.directory.factories import agreement, organisation
from tests.exchange.factories import trust
from tests.governance.factories import meeting
from tests.messaging.factories import send

pytestmark = pytest.mark.django_db


def test_exchange_keys_show_their_trust_state(people: dict[str, Any]) -> None:
    cyprus = AgencyFactory(name="Cyprus Police", country="CYP")
    trusted, revoked = trust(cyprus), trust(AgencyFactory(name="Greek Police", country="GRC"))
    partners.set_trusted(revoked, False, actor=people["editor"])
    org = organisation(people["editor"], name="Cyprus Police", kind="foreign_counterpart",
                       country="CYP", exchange_key_ids=[trusted.key_id, revoked.key_id])
    states = {k.key_id: k.state for k in activity.exchange_keys(org, people["editor"])}
    assert states == {trusted.key_id: "trusted", revoked.key_id: "distrusted"}
    # A reader without sight of the trust store sees the ids, not their state.
    social = AgencyFactory(name="Welfare", kind="welfare")
    from tests.access.factories import UserFactory

    worker = UserFactory(roles=["social_worker"], agency=social)
    assert {k.state for k in activity.exchange_keys(org, worker)} == {"hidden"}


def test_page_lists_referrals_messages_and_meetings(people: dict[str, Any],
                                                    user_with: Any) -> None:
    welfare = AgencyFactory(name="Welfare Ministry", kind="welfare")
    org = organisation(people["editor"], name="Welfare Ministry", kind="government_agency",
                       country="ISR", agency_id=welfare.pk)
    investigator = people["reader"]
    case = open_case(investigator)
    victim = add_person(case, investigator, "Maria Santos")
    from palermo.cases.services import referrals

    referrals.send(victim, welfare, "shelter", actor=investigator, consent="given")
    send(investigator, to_agencies=(welfare,))
    gathering = meeting(people["editor"])
    from palermo.governance.services import meetings

    meetings.add_attendee(gathering, actor=people["editor"], name="Shira", agency=welfare)
    found = {s.key: s.count for s in activity.sections(org, investigator)}
    # An investigator does not see training records.
    assert found == {"referrals": 1, "messages": 1, "meetings": 1, "trainings": 0}
    # Someone from an agency outside the case and the thread sees none of them.
    stranger = user_with("investigator", agency=AgencyFactory(name="Other Police"))
    found = {s.key: s.count for s in activity.sections(org, stranger)}
    assert (found["referrals"], found["messages"]) == (0, 0)
    page = sign_in(Client(), investigator).get(f"/directory/{org.pk}/").content.decode()
    assert case.reference in page and "Quarterly meeting" in page


def test_agreements_due_for_renewal(people: dict[str, Any]) -> None:
    iom = organisation(people["editor"])
    soon = agreement(people["editor"], iom, ends_on=dt.date.today() + dt.timedelta(days=30))
    agreement(people["editor"], iom, title="Later", ends_on=dt.date.today()
              + dt.timedelta(days=400))
    agreement(people["editor"], iom, title="Ended", ends_on=dt.date.today()
              - dt.timedelta(days=1), starts_on=dt.date(2020, 1, 1))
    assert list(agreements.expiring(people["reader"])) == [soon]
    dashboard = sign_in(Client(), people["editor"]).get("/").content.decode()
    assert "Assisted voluntary return" in dashboard
    with pytest.raises(Exception, match="ends after it starts"):
        agreement(people["editor"], iom, starts_on=dt.date(2025, 1, 1),
                  ends_on=dt.date(2024, 1, 1))


def test_page_lists_the_trainings_its_staff_attended(people: dict[str, Any]) -> None:
    from palermo.training.services import trainees
    from tests.training.factories import registered, session

    welfare = AgencyFactory(name="Welfare Ministry", kind="welfare")
    org = organisation(people["editor"], name="Welfare Ministry", kind="government_agency",
                       country="ISR", agency_id=welfare.pk)
    course_day = session(people["editor"], place="Haifa")
    trainees.mark_attendance(registered(people["editor"], course_day, agency_id=welfare.pk), True,
                             actor=people["editor"])
    registered(people["editor"], session(people["editor"], place="Eilat"), name="Noa Absent",
               email="noa@example.org", agency_id=welfare.pk)
    (trainings,) = [s for s in activity.sections(org, people["editor"]) if s.key == "trainings"]
    assert trainings.count == 1 and "Haifa" in trainings.items[0].title
