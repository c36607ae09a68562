"""Opening, classifying and moving a case through its statuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from palermo.audit.models import AuditEvent
from palermo.cases.models import Case, CaseTerm
from palermo.cases.services import cases
from palermo.cases.services.errors import NotAllowed, ServiceError, StaleWrite
from tests.access.factories import AgencyFactory
from tests.cases.factories import add_person, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(user_with: Any) -> Any:
    return user_with("investigator", agency=AgencyFactory(name="Police", country="ISR"))


def test_references_are_numbered_per_country_and_year(police: Any, user_with: Any) -> None:
    first = open_case(police, opened_on=dt.date(2025, 3, 1))
    second = open_case(police, opened_on=dt.date(2025, 7, 1))
    new_year = open_case(police, opened_on=dt.date(2026, 1, 2))
    greek = open_case(user_with("investigator",
                                agency=AgencyFactory(name="Hellenic Police", country="GRC")),
                      opened_on=dt.date(2025, 5, 5))
    assert [c.reference for c in (first, second, new_year, greek)] == [
        "ISR-2025-00001", "ISR-2025-00002", "ISR-2026-00001", "GRC-2025-00001"]
    assert first.lead_agency == police.agency
    assert AuditEvent.objects.filter(action="case.create", object_id=str(first.pk)).exists()


def test_unknown_code_names_the_field_and_changes_nothing(police: Any) -> None:
    before = Case.objects.count()
    with pytest.raises(ServiceError) as caught:
        open_case(police, classification={"palermo_means": ["bribery"]})
    assert caught.value.field == "palermo_means"
    assert "bribery" in caught.value.message
    assert Case.objects.count() == before
    assert not CaseTerm.objects.exists()


def test_future_dates_are_refused(police: Any) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ServiceError) as caught:
        open_case(police, opened_on=tomorrow)
    assert caught.value.field == "opened_on"
    case = open_case(police)
    with pytest.raises(ServiceError) as born:
        add_person(case, police, "Someone", born=tomorrow.isoformat())
    assert born.value.field == "birth_date"


def test_status_follows_the_vocabulary_and_closing_needs_a_reason(police: Any) -> None:
    case = open_case(police)
    with pytest.raises(ServiceError, match="cannot go from"):
        cases.change_status(case, "trial", actor=police, version=case.version)
    case = cases.change_status(case, "under_investigation", actor=police, version=case.version)
    with pytest.raises(ServiceError) as no_reason:
        cases.change_status(case, "closed", actor=police, version=case.version)
    assert no_reason.value.field == "reason"
    case = cases.change_status(case, "closed", actor=police, version=case.version,
                               reason="no_evidence", note="Witnesses left the country.")
    assert (case.status, case.close_reason, case.closed_on) == (
        "closed", "no_evidence", timezone.localdate())
    case = cases.reopen(case, actor=police, version=case.version, note="New witness found.")
    assert case.status == "under_investigation" and case.close_reason == ""
    transitions = AuditEvent.objects.filter(action="case.status", object_id=str(case.pk))
    assert [e.detail["to"] for e in transitions.order_by("seq")] == [
        "under_investigation", "closed", "under_investigation"]
    assert case.events.filter(kind="status").count() == 3


def test_second_editor_is_refused_and_the_first_change_kept(police: Any) -> None:
    case = open_case(police)
    stale_version = case.version
    cases.update(case, actor=police, version=stale_version, title="First editor's title")
    with pytest.raises(StaleWrite, match="Someone else changed this case"):
        cases.update(case, actor=police, version=stale_version, title="Second editor's title")
    case.refresh_from_db()
    assert case.title == "First editor's title"


def test_palermo_elements_and_the_child_exception(police: Any) -> None:
    case = open_case(police, classification={"palermo_acts": ["harbouring"],
                                             "palermo_purposes": ["prostitution_of_others"]})
    add_person(case, police, "Adult", born="1990-01-01")
    e = cases.elements(case)
    assert (e.act, e.means, e.purpose, e.established, e.missing) == (
        True, False, True, False, ["means"])
    child_case = open_case(police, classification={
        "palermo_acts": ["recruitment"], "palermo_purposes": ["prostitution_of_others"]})
    add_person(child_case, police, "Child", born="2010-01-01",
               exploitation_started_on=dt.date(2024, 1, 1))
    e = cases.elements(child_case)
    assert e.means_not_needed and e.established and e.missing == []


def test_child_flag_uses_age_at_the_time_of_exploitation(police: Any) -> None:
    case = open_case(police)
    now_adult = add_person(case, police, "Was seventeen", born="2006-06-01",
                           exploitation_started_on=dt.date(2024, 1, 1))
    adult = add_person(case, police, "Was twenty", born="2003-06-01",
                       exploitation_started_on=dt.date(2024, 1, 1))
    assert now_adult.is_child and not adult.is_child


def test_only_taking_part_agencies_edit(police: Any, user_with: Any) -> None:
    case = open_case(police)
    outsider = user_with("investigator", agency=AgencyFactory(name="Other police"))
    with pytest.raises(NotAllowed):
        cases.update(case, actor=outsider, version=case.version, title="Hijacked")


def test_agencies_join_and_leave_with_history(police: Any) -> None:
    case = open_case(police)
    welfare = AgencyFactory(name="Welfare", kind="welfare")
    participant = cases.add_agency(case, welfare, "victim_support", actor=police)
    with pytest.raises(ServiceError, match="already takes part"):
        cases.add_agency(case, welfare, "victim_support", actor=police)
    cases.remove_agency(case, participant, actor=police)
    participant.refresh_from_db()
    assert participant.left_at is not None
    assert case.participants.count() == 2  # the row stays: role history


def test_timeline_reads_in_the_readers_language(police: Any) -> None:
    from django.utils import translation

    from palermo.cases.services import timeline

    case = open_case(police)
    victim = add_person(case, police, "Maria Santos")
    cases.change_status(case, "under_investigation", actor=police, version=case.version,
                        note="Arrests made.")
    with translation.override("he"):
        lines = [timeline.render(e) for e in case.events.order_by("at", "id")]
    assert "בחקירה" in lines[-1] and "Arrests made." in lines[-1]
    assert lines[1].startswith("קורבן 1")  # the victim's pseudonym, never the name
    with translation.override("en"):
        lines = [timeline.render(e) for e in case.events.order_by("at", "id")]
    assert lines[-1] == ("Status changed from Reported to Under investigation. Arrests made.")
    assert "Maria" not in " ".join(lines) and victim.ordinal == 1


def test_languages_and_contacts_are_kept_and_checked(police: Any) -> None:
    case = open_case(police)
    victim = add_person(case, police, "Selam Tesfaye", languages=["ti", "AR"],
                        contacts=["+972 50 000 0000 (shelter phone, ask for Ruth)"])
    assert victim.person.languages == ["ti", "ar"]
    assert victim.person.contacts == ["+972 50 000 0000 (shelter phone, ask for Ruth)"]
    with pytest.raises(ServiceError) as caught:
        add_person(case, police, "Someone", languages=["klingon"])
    assert caught.value.field == "languages"
