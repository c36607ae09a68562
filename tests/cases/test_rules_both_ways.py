"""Each rule of the cases capability gives the same answer through the page and through the
API, because both call the one service or predicate that holds it (issue 20)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.cases.models import CasePerson, Task
from palermo.cases.services import cases, persons, tasks
from palermo.cases.services.errors import NotAllowed
from tests.access.factories import AgencyFactory, api_token
from tests.cases.factories import add_person, open_case, refer_and_accept
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

MARIA = {"role": "victim", "names": "Maria SANTOS", "birth_date": "1985-07-21"}
MARIA_JSON = {"role": "victim", "names": ["Maria SANTOS"], "birth_date": "1985-07-21"}


@pytest.fixture
def police(user_with: Any) -> Any:
    return user_with("investigator", agency=AgencyFactory(name="Police"))


def _api(client: Client, user: Any, url: str, body: dict[str, Any]) -> Any:
    _t, token = api_token(user)
    return client.post(url, body, content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}")


def test_page_and_api_both_propose_a_known_person_before_adding(police: Any) -> None:
    known = add_person(open_case(police, title="First"), police, "Maria Santos",
                       born="1985-07-21")
    second = open_case(police, title="Second")
    page = sign_in(Client(), police).post(f"/cases/{second.pk}/persons/new/", MARIA)
    assert page.status_code == 200
    assert "This may be someone already known" in page.content.decode()
    asked = _api(Client(), police, f"/api/v1/cases/{second.pk}/persons", MARIA_JSON)
    assert asked.status_code == 409
    assert asked.json()["error"]["code"] == "possible_duplicates"
    assert [c["person_id"] for c in asked.json()["candidates"]] == [known.person_id]
    assert asked.json()["candidates"][0]["name"] == "Maria Santos"
    assert not CasePerson.objects.filter(case=second).exists()
    same = _api(Client(), police, f"/api/v1/cases/{second.pk}/persons",
                {**MARIA_JSON, "existing_person_id": known.person_id})
    assert same.status_code == 201 and same.json()["name"] == "Maria Santos"
    assert CasePerson.objects.get(case=second).person_id == known.person_id
    third = open_case(police, title="Third")
    new = _api(Client(), police, f"/api/v1/cases/{third.pk}/persons",
               {**MARIA_JSON, "confirm_new": True})
    assert new.status_code == 201
    assert CasePerson.objects.get(case=third).person_id != known.person_id


def test_a_person_the_user_may_not_see_cannot_be_named_through_page_or_api(
        police: Any, user_with: Any) -> None:
    known = add_person(open_case(police, title="Police case"), police, "Maria Santos",
                       born="1985-07-21")
    outsider = user_with("investigator", agency=AgencyFactory(name="Other police"))
    theirs = open_case(outsider, title="Their case")
    page = sign_in(Client(), outsider).post(f"/cases/{theirs.pk}/persons/new/",
                                            {**MARIA, "existing": known.person_id})
    assert page.status_code == 200
    assert "Choose one of the proposed persons." in page.content.decode()
    api = _api(Client(), outsider, f"/api/v1/cases/{theirs.pk}/persons",
               {**MARIA_JSON, "existing_person_id": known.person_id})
    assert api.status_code == 400
    assert "existing_person_id" in api.json()["error"]["fields"]
    with pytest.raises(NotAllowed):
        persons.add_to_case(theirs, persons.NewPerson([]), "victim", actor=outsider,
                            existing=known.person)
    assert not CasePerson.objects.filter(case=theirs).exists()
    assert AuditEvent.objects.filter(action="case_person.create", outcome="denied",
                                     object_id=str(known.person_id)).exists()


def _closed(police: Any) -> Any:
    case = open_case(police)
    return cases.change_status(case, "closed", actor=police, version=case.version,
                               reason="no_evidence")


def test_page_and_api_both_reopen_a_closed_case_and_ask_why(police: Any) -> None:
    case = _closed(police)
    client = sign_in(Client(), police)
    form = {"status": "trial", "version": case.version, "note": ""}
    unsaid = client.post(f"/cases/{case.pk}/status/", form)
    assert "Say why the case is reopened." in unsaid.content.decode()
    api = _api(Client(), police, f"/api/v1/cases/{case.pk}/status",
               {"status": "trial", "version": case.version})
    assert api.status_code == 400 and "note" in api.json()["error"]["fields"]
    client.post(f"/cases/{case.pk}/status/", {**form, "note": "A new witness came forward."})
    case.refresh_from_db()
    assert case.status == "under_investigation"
    other = _closed(police)
    reopened = _api(Client(), police, f"/api/v1/cases/{other.pk}/status",
                    {"status": "trial", "version": other.version,
                     "note": "A new witness came forward."})
    assert reopened.status_code == 200 and reopened.json()["status"] == "under_investigation"


def test_only_the_owning_agency_changes_a_task_on_the_page_and_through_the_api(
        police: Any, user_with: Any) -> None:
    case = open_case(police)
    task = tasks.create(case, "Interview the landlord", actor=police, agency=police.agency,
                        due_on=dt.date.today() + dt.timedelta(days=7))
    colleague_without_edit = user_with("border_officer", agency=police.agency)
    page = sign_in(Client(), colleague_without_edit).get("/cases/tasks/").content.decode()
    assert "Interview the landlord" in page and f"/cases/tasks/{task.pk}/state/" not in page
    refused = _api(Client(), colleague_without_edit, f"/api/v1/cases/tasks/{task.pk}/state",
                   {"state": "done", "version": task.version})
    assert refused.status_code == 403
    owner_page = sign_in(Client(), police).get("/cases/tasks/").content.decode()
    assert f"/cases/tasks/{task.pk}/state/" in owner_page
    outsider = user_with("investigator", agency=AgencyFactory(name="Other police"))
    unseen = _api(Client(), outsider, f"/api/v1/cases/tasks/{task.pk}/state",
                  {"state": "done", "version": task.version})
    assert unseen.status_code == 404
    assert Task.objects.get(pk=task.pk).state == "open"
    done = _api(Client(), police, f"/api/v1/cases/tasks/{task.pk}/state",
                {"state": "done", "version": task.version})
    assert done.status_code == 200 and done.json()["state"] == "done"


def test_person_page_offers_editing_only_where_the_service_allows_it(police: Any,
                                                                      user_with: Any) -> None:
    case = open_case(police)
    victim = add_person(case, police, "Olena Kovalenko")
    # Border police may edit cases, but take part in this one only by a referral.
    referred = user_with("investigator", agency=AgencyFactory(name="Border police"))
    refer_and_accept(victim, police, referred)
    page = sign_in(Client(), referred).get(f"/cases/persons/{victim.pk}/")
    assert page.status_code == 200 and "Olena Kovalenko" in page.content.decode()
    assert "Record the victim's context" not in page.content.decode()
    with pytest.raises(NotAllowed):
        persons.update_victim_context(victim, actor=referred, version=victim.version,
                                      industry="")
    api = _api(Client(), referred, f"/api/v1/cases/{case.pk}/persons",
               {**MARIA_JSON, "confirm_new": True})
    assert api.status_code == 403
    assert CasePerson.objects.filter(case=case).count() == 1
    own = sign_in(Client(), police).get(f"/cases/persons/{victim.pk}/").content.decode()
    assert "Record the victim's context" in own
