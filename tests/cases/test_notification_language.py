"""The bell speaks its reader's language: a referral sent by an English-speaking investigator
reaches a Hebrew-speaking social worker in Hebrew ("הפנייה חדשה … תיק ISR-…"), and the answer
comes back to the investigator in English."""

from __future__ import annotations

import pytest

from palermo.cases.models import Notification
from palermo.cases.services import referrals
from tests.access.factories import AgencyFactory, UserFactory
from tests.cases.factories import add_person, open_case

pytestmark = pytest.mark.django_db


def test_referral_notifications_are_written_in_each_readers_language() -> None:
    police = UserFactory(roles=["investigator"], language="en",
                         agency=AgencyFactory(name="Israel Police"))
    social = UserFactory(roles=["social_worker"], language="he",
                         agency=AgencyFactory(name="Welfare Ministry", kind="welfare"))
    case = open_case(police)
    victim = add_person(case, police, "Somchai Boonmee")
    referral = referrals.send(victim, social.agency, "shelter", actor=police, consent="given")
    (received,) = Notification.objects.filter(user=social)
    assert received.text.startswith("הפנייה חדשה מאת Israel Police")
    assert f"תיק {case.reference}" in received.text
    assert "shelter" not in received.text.lower()

    referrals.accept(referral, actor=social, version=referral.version)
    (answer,) = Notification.objects.filter(user=police)
    assert answer.text.startswith("Welfare Ministry: referral")
    assert answer.text.endswith(f"case {case.reference}.")


def test_a_task_reaches_its_assignee_in_their_language() -> None:
    from palermo.cases.services import tasks

    police = UserFactory(roles=["investigator"], language="en",
                         agency=AgencyFactory(name="Israel Police"))
    colleague = UserFactory(roles=["investigator"], language="he", agency=police.agency)
    case = open_case(police)
    tasks.create(case, "Interview the victim", actor=police, agency=police.agency,
                 assignee=colleague)
    (note,) = Notification.objects.filter(user=colleague)
    assert note.text == "משימה חדשה: Interview the victim"
