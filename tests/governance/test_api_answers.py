"""Issue 20: the governance API answers with its schemas, built from the services'
records; the parts computed from related records (a committee's members, a decision's
action items, whether an item is overdue) come out as they always did."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.governance.models import CommitteeMember
from tests.conftest import sign_in
from tests.governance.factories import committee, meeting

pytestmark = pytest.mark.django_db
G = "/api/v1/governance"


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


def test_committees_list_their_member_agencies(people: dict[str, Any]) -> None:
    office = sign_in(Client(), people["coordinator"])
    created = _post(office, f"{G}/committees", {"name": "Working group", "kind":
                                                "directors_general"})
    assert created.status_code == 201 and created.json()["member_agency_ids"] == []
    made = committee(people["coordinator"], name="Working group")
    for agency in (people["welfare"], people["police"]):
        CommitteeMember.objects.create(committee=made, agency=agency)
    (listed,) = office.get(f"{G}/committees").json()
    # Members in the committee's order: by agency name.
    assert listed["member_agency_ids"] == [people["police"].pk, people["welfare"].pk]


def test_a_decision_answers_with_its_action_items(people: dict[str, Any]) -> None:
    office = sign_in(Client(), people["coordinator"])
    gathering = meeting(people["coordinator"])
    past = dt.date.today() - dt.timedelta(days=1)
    created = _post(office, f"{G}/meetings/{gathering.pk}/decisions", {
        "text": "Report on raids.", "items": [
            {"title": "Raid report", "owner_agency_id": people["police"].pk,
             "deadline": "2099-01-31"},
            {"title": "Shelter places", "owner_agency_id": people["welfare"].pk,
             "deadline": past.isoformat(), "owner_id": people["social"].pk}]})
    assert created.status_code == 201
    answer = created.json()
    assert (answer["meeting_id"], answer["number"], answer["text"]) == (
        gathering.pk, 1, "Report on raids.")
    late, due = answer["items"]  # by deadline
    assert (late["title"], late["overdue"], late["owner_id"]) == (
        "Shelter places", True, people["social"].pk)
    assert (due["title"], due["overdue"], due["decision_id"]) == (
        "Raid report", False, answer["id"])
    assert office.get(f"{G}/actions?overdue=true").json() == [late]


def test_a_bill_and_a_position_on_it(people: dict[str, Any]) -> None:
    office = sign_in(Client(), people["coordinator"])
    bill = _post(office, f"{G}/bills", {"title": "Amendment Bill", "number": "12"}).json()
    assert bill == {"id": bill["id"], "title": "Amendment Bill", "kind": "bill",
                    "number": "12", "sponsor": "", "summary": "", "stage": "draft",
                    "decision_ids": [], "opinion_ids": [], "version": 1}
    position = _post(office, f"{G}/bills/{bill['id']}/positions", {"text": "We support it."})
    assert position.status_code == 201
    assert {k: v for k, v in position.json().items() if k != "written_at"} == {
        "id": position.json()["id"], "number": 1, "text": "We support it.",
        "kind": "position", "note": ""}
