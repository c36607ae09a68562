"""Who sees what of a case with an adult victim, a child victim and a suspect."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from tests.cases.factories import demo_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

NAMES = {"adult": "Olena Kovalenko", "child": "Ionut Popescu", "suspect": "Dmitri Volkov"}
# role -> (opens the case, {person: "identity" | "pseudonym" | "hidden"})
MATRIX = {
    "coordinator": (True, {"adult": "identity", "child": "identity", "suspect": "identity"}),
    "investigator": (True, {"adult": "identity", "child": "identity", "suspect": "identity"}),
    "prosecutor": (False, {}),
    "social_worker": (True, {"adult": "identity", "child": "hidden", "suspect": "hidden"}),
    "ngo_case_worker": (True, {"adult": "hidden", "child": "pseudonym", "suspect": "hidden"}),
    "border_officer": (False, {}),
    "auditor": (False, {}),
}


@pytest.fixture
def demo() -> Any:
    return demo_case()


@pytest.mark.parametrize("role", MATRIX)
def test_case_page_shows_each_role_what_it_may_see(demo: Any, role: str) -> None:
    opens, expected = MATRIX[role]
    client = sign_in(Client(), demo.users[role])
    response = client.get(f"/cases/{demo.case.pk}/")
    if not opens:
        assert response.status_code in (403, 404)
        assert "Olena" not in response.content.decode()
        return
    html = response.content.decode()
    assert response.status_code == 200
    pseudonyms = {"adult": "Victim 1", "child": "Victim 2", "suspect": "Suspect 1"}
    for who, sight in expected.items():
        if sight == "identity":
            assert NAMES[who] in html, (role, who)
        elif sight == "pseudonym":
            assert NAMES[who] not in html and pseudonyms[who] in html, (role, who)
        else:
            assert NAMES[who] not in html and pseudonyms[who] not in html, (role, who)


@pytest.mark.parametrize("role", MATRIX)
def test_api_gives_each_role_the_same_view(demo: Any, role: str) -> None:
    opens, expected = MATRIX[role]
    user = demo.users[role]
    client = sign_in(Client(), user)
    response = client.get(f"/api/v1/cases/{demo.case.pk}")
    if not opens:
        assert response.status_code in (403, 404)
        return
    shown = {p["label"]: p for p in response.json()["persons"]}
    labels = {"adult": "Victim 1", "child": "Victim 2", "suspect": "Suspect 1"}
    for who, sight in expected.items():
        if sight == "hidden":
            assert labels[who] not in shown
        else:
            assert shown[labels[who]]["identity_visible"] is (sight == "identity")
            assert (shown[labels[who]]["name"] == NAMES[who]) is (sight == "identity")


def test_every_identity_shown_is_an_audited_read(demo: Any) -> None:
    client = sign_in(Client(), demo.users["social_worker"])
    client.get(f"/cases/{demo.case.pk}/")
    reads = AuditEvent.objects.filter(action="person.read",
                                      actor=demo.users["social_worker"])
    assert list(reads.values_list("object_id", flat=True)) == [str(demo.adult.person_id)]
    assert AuditEvent.objects.filter(action="case.read", object_id=str(demo.case.pk),
                                     actor=demo.users["social_worker"]).exists()


def test_refused_case_is_audited_and_does_not_leak(demo: Any) -> None:
    client = sign_in(Client(), demo.users["prosecutor"])
    assert client.get(f"/cases/{demo.case.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="case.read", outcome="denied",
                                     actor=demo.users["prosecutor"]).exists()


def test_restricted_case_is_not_listed_to_outsiders(demo: Any) -> None:
    from palermo.cases.services import cases as case_services

    police = demo.users["investigator"]
    case_services.update(demo.case, actor=police, version=demo.case.version,
                         sensitivity="restricted")
    outsider = sign_in(Client(), demo.users["border_officer"])
    listing = outsider.get("/cases/?scope=all").content.decode()
    assert demo.case.reference not in listing


def test_unrestricted_case_is_listed_to_outsiders_as_outline_only(demo: Any) -> None:
    outsider = sign_in(Client(), demo.users["border_officer"])
    listing = outsider.get("/cases/?scope=all").content.decode()
    assert demo.case.reference in listing
    assert demo.case.title not in listing
    assert "Olena" not in listing


def test_highly_restricted_case_asks_for_a_reason_first(demo: Any) -> None:
    from palermo.cases.services import cases as case_services

    police = demo.users["investigator"]
    case_services.update(demo.case, actor=police, version=demo.case.version,
                         sensitivity="highly_restricted")
    client = sign_in(Client(), demo.users["coordinator"])
    first = client.get(f"/cases/{demo.case.pk}/").content.decode()
    assert "Why do you open this case?" in first and "Olena" not in first
    client.post(f"/cases/{demo.case.pk}/", {"reason": "weekly review of victim support"})
    assert "Olena" in client.get(f"/cases/{demo.case.pk}/").content.decode()
    read = AuditEvent.objects.filter(action="case.read", actor=demo.users["coordinator"]
                                     ).latest("seq")
    assert read.reason == "weekly review of victim support"


def test_welfare_cannot_add_a_suspect(demo: Any) -> None:
    from palermo.cases.services import persons
    from palermo.cases.services.errors import NotAllowed
    from palermo.cases.services.persons import NewPerson

    with pytest.raises(NotAllowed):
        persons.add_to_case(demo.case, NewPerson(["X"]), "suspect",
                            actor=demo.users["social_worker"])


def test_coordinator_is_told_when_a_highly_restricted_case_is_opened(demo: Any) -> None:
    from palermo.cases.models import Notification
    from palermo.cases.services import cases as case_services

    police = demo.users["investigator"]
    case_services.update(demo.case, actor=police, version=demo.case.version,
                         sensitivity="highly_restricted")
    client = sign_in(Client(), police)
    client.post(f"/cases/{demo.case.pk}/", {"reason": "preparing the indictment"})
    client.get(f"/cases/{demo.case.pk}/")
    note = Notification.objects.get(user=demo.users["coordinator"])
    assert "preparing the indictment" in note.text and demo.case.reference in note.text


def test_a_person_page_audits_that_person_only(demo: Any) -> None:
    client = sign_in(Client(), demo.users["investigator"])
    before = AuditEvent.objects.filter(action="person.read").count()
    client.get(f"/cases/persons/{demo.adult.pk}/")
    reads = AuditEvent.objects.filter(action="person.read").order_by("seq")[before:]
    # The page also proposes duplicates (audited as such); the page itself reads one person.
    page_reads = [e.object_id for e in reads if e.detail.get("why") != "duplicate proposal"]
    assert page_reads == [str(demo.adult.person_id)]
