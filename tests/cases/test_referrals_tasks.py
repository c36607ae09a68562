"""Referrals between agencies and tasks, with consent, states, notifications and overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from palermo.audit.models import AuditEvent
from palermo.cases.models import Notification, Referral
from palermo.cases.services import referrals, tasks
from palermo.cases.services.errors import NotAllowed, ServiceError, StaleWrite
from tests.access.factories import AgencyFactory
from tests.cases.factories import add_person, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(user_with: Any) -> dict[str, Any]:
    police = user_with("investigator", agency=AgencyFactory(name="Police"))
    social = user_with("social_worker", agency=AgencyFactory(name="Welfare", kind="welfare"))
    case = open_case(police)
    victim = add_person(case, police, "Maria Santos")
    return {"police": police, "social": social, "case": case, "victim": victim}


def test_referral_without_consent_needs_a_justification(setup: dict[str, Any]) -> None:
    with pytest.raises(ServiceError) as caught:
        referrals.send(setup["victim"], setup["social"].agency, "shelter",
                       actor=setup["police"], consent="overridden")
    assert caught.value.field == "consent_override_reason"
    referral = referrals.send(setup["victim"], setup["social"].agency, "shelter",
                              actor=setup["police"], consent="overridden",
                              consent_override_reason="Immediate danger; person unconscious.")
    event = AuditEvent.objects.get(action="referral.create")
    assert event.reason == "Immediate danger; person unconscious."
    assert referral.state == "sent"


def test_receiving_agency_is_notified_and_answers(setup: dict[str, Any]) -> None:
    referral = referrals.send(setup["victim"], setup["social"].agency, "shelter",
                              actor=setup["police"], consent="given")
    assert Notification.objects.filter(user=setup["social"]).count() == 1
    with pytest.raises(NotAllowed):
        referrals.accept(referral, actor=setup["police"], version=referral.version)
    read_version = referral.version
    accepted = referrals.accept(referral, actor=setup["social"], version=read_version)
    assert accepted.state == "accepted" and accepted.responded_by == setup["social"]
    with pytest.raises(StaleWrite):
        referrals.complete(accepted, actor=setup["social"], version=read_version)
    done = referrals.complete(accepted, actor=setup["social"], version=accepted.version)
    assert done.state == "done" and done.done_at is not None
    assert Notification.objects.filter(user=setup["police"]).count() == 2


def test_rejection_needs_a_known_reason(setup: dict[str, Any]) -> None:
    referral = referrals.send(setup["victim"], setup["social"].agency, "shelter",
                              actor=setup["police"], consent="given")
    with pytest.raises(ServiceError) as caught:
        referrals.reject(referral, actor=setup["social"], version=referral.version, reason="")
    assert caught.value.field == "rejection_reason"
    rejected = referrals.reject(referral, actor=setup["social"], version=referral.version,
                                reason="no_capacity")
    assert rejected.state == "rejected"


def test_overdue_referral(setup: dict[str, Any]) -> None:
    referral = referrals.send(setup["victim"], setup["social"].agency, "shelter",
                              actor=setup["police"], consent="given",
                              due_on=timezone.localdate() + dt.timedelta(days=1))
    assert not referral.is_overdue
    Referral.objects.filter(pk=referral.pk).update(due_on=timezone.localdate()
                                                   - dt.timedelta(days=1))
    referral.refresh_from_db()
    assert referral.is_overdue
    with pytest.raises(ServiceError, match="passed already"):
        referrals.send(setup["victim"], setup["social"].agency, "medical_care",
                       actor=setup["police"], consent="given",
                       due_on=timezone.localdate() - dt.timedelta(days=1))


def test_duplicate_open_referral_is_refused(setup: dict[str, Any]) -> None:
    referrals.send(setup["victim"], setup["social"].agency, "shelter", actor=setup["police"],
                   consent="given")
    with pytest.raises(ServiceError, match="already referred"):
        referrals.send(setup["victim"], setup["social"].agency, "shelter",
                       actor=setup["police"], consent="given")


def test_tasks_belong_to_agencies_taking_part(setup: dict[str, Any]) -> None:
    police, case = setup["police"], setup["case"]
    task = tasks.create(case, "Take a statement", actor=police, agency=police.agency,
                        assignee=police, priority="high")
    assert list(tasks.for_user(police)) == [task]
    with pytest.raises(ServiceError) as caught:
        tasks.create(case, "Find a shelter bed", actor=police, agency=setup["social"].agency)
    assert caught.value.field == "agency"
    with pytest.raises(NotAllowed):
        tasks.set_state(task, "done", actor=setup["social"], version=task.version)
    done = tasks.set_state(task, "done", actor=police, version=task.version)
    assert done.completed_at is not None and list(tasks.for_user(police)) == []
