"""One human being is one person: duplicates proposed, merged with a record, merge undone."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.cases.models import CasePerson, Person
from palermo.cases.services import duplicates
from palermo.cases.services.errors import ServiceError
from tests.access.factories import AgencyFactory
from tests.cases.factories import add_person, open_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(user_with: Any) -> Any:
    return user_with("investigator", agency=AgencyFactory(name="Police"))


def test_same_person_in_another_spelling_is_proposed(police: Any) -> None:
    first = open_case(police, title="First")
    known = add_person(first, police, "Maria Santos", born="1985-07-21")
    add_person(first, police, "Joseph Brown", born="1970-01-01")
    found = duplicates.candidates(police, ["SANTOS Maria"], known.person.birth_date)
    assert [c.person for c in found] == [known.person]
    assert "same birth date" in found[0].reasons
    assert duplicates.candidates(police, ["Maria Santos"],
                                 __import__("datetime").date(1999, 1, 1)) == []


def test_persons_the_user_may_not_see_are_never_proposed(police: Any, user_with: Any) -> None:
    case = open_case(police)
    add_person(case, police, "Maria Santos", born="1985-07-21")
    outsider = user_with("investigator", agency=AgencyFactory(name="Other police"))
    assert duplicates.candidates(outsider, ["Maria Santos"]) == []


def test_merge_and_unmerge(police: Any) -> None:
    one, two = open_case(police, title="One"), open_case(police, title="Two")
    kept = add_person(one, police, "Maria Santos", born="1985-07-21")
    twin = add_person(two, police, "Santos, Maria", born="1985-07-21")
    with pytest.raises(ServiceError) as no_reason:
        duplicates.merge(kept.person, twin.person, actor=police, reason=" ")
    assert no_reason.value.field == "reason"
    record = duplicates.merge(kept.person, twin.person, actor=police,
                              reason="Same passport number in both statements.")
    twin.refresh_from_db()
    assert twin.person_id == kept.person_id
    assert "Santos, Maria" in set(kept.person.names.values_list("full_name", flat=True))
    assert Person.objects.get(pk=record.merged_id).merged_into_id == kept.person_id
    assert AuditEvent.objects.filter(action="person.merge").exists()
    duplicates.unmerge(record, actor=police)
    twin.refresh_from_db()
    assert twin.person_id == record.merged_id
    assert "Santos, Maria" not in set(kept.person.names.values_list("full_name", flat=True))
    assert Person.objects.get(pk=record.merged_id).merged_into_id is None


def test_adding_a_known_person_asks_first(police: Any) -> None:
    first = open_case(police, title="First")
    known = add_person(first, police, "Maria Santos", born="1985-07-21")
    second = open_case(police, title="Second")
    client = sign_in(Client(), police)
    form = {"role": "victim", "names": "Maria SANTOS", "birth_date": "1985-07-21"}
    asked = client.post(f"/cases/{second.pk}/persons/new/", form)
    assert asked.status_code == 200
    assert "This may be someone already known" in asked.content.decode()
    assert not CasePerson.objects.filter(case=second).exists()
    client.post(f"/cases/{second.pk}/persons/new/", {**form, "existing": known.person_id})
    assert CasePerson.objects.get(case=second).person_id == known.person_id
    third = open_case(police, title="Third")
    client.post(f"/cases/{third.pk}/persons/new/", {**form, "confirm": "new"})
    assert CasePerson.objects.get(case=third).person_id != known.person_id


def test_a_proposed_duplicate_is_an_audited_read(police: Any) -> None:
    case = open_case(police)
    known = add_person(case, police, "Maria Santos", born="1985-07-21")
    duplicates.candidates(police, ["Maria Santos"])
    read = AuditEvent.objects.filter(action="person.read", object_id=str(known.person_id))
    assert read.filter(detail__why="duplicate proposal").exists()
