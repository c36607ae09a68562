"""Decisions become action items owned by agencies; the owning agency sees and reports
them, overdue items reach the coordinator, and the action plan rolls up progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.governance.models import ActionStatus
from palermo.governance.services import actions, plan
from tests.conftest import sign_in
from tests.governance.factories import action_item, decision, meeting

pytestmark = pytest.mark.django_db


def test_decision_becomes_action_items(people: dict[str, Any]) -> None:
    gathering = meeting(people["coordinator"])
    made = decision(people["coordinator"], gathering, people["police"],
                    owner=people["investigator"])
    item = made.action_items.get()
    assert (item.owner_agency, item.owner, item.status) == (
        people["police"], people["investigator"], ActionStatus.OPEN)
    with pytest.raises(ServiceError) as caught:
        decision(people["coordinator"], gathering, people["welfare"],
                 owner=people["investigator"])
    assert caught.value.field == "owner"
    with pytest.raises(ServiceError) as caught:
        actions.record_decision(gathering, "Text", [actions.ItemSpec("x", None, None)],
                                actor=people["coordinator"])
    assert caught.value.field == "owner_agency"
    assert gathering.decisions.count() == 1  # nothing written by the refused ones


def test_owning_agency_reports_and_others_may_not(people: dict[str, Any]) -> None:
    item = action_item(people["coordinator"], people["police"])
    with pytest.raises(NotAllowed):
        actions.set_status(item, "done", actor=people["social"], version=item.version)
    with pytest.raises(ServiceError) as caught:
        actions.set_status(item, "finished", actor=people["investigator"],
                           version=item.version)
    assert caught.value.field == "status"
    with pytest.raises(ServiceError) as caught:
        actions.set_status(item, "cancelled", actor=people["investigator"],
                           version=item.version)
    assert caught.value.field == "note"
    item = actions.set_status(item, "done", actor=people["investigator"], version=1,
                              note="Report sent.")
    assert item.status == "done" and item.done_at is not None
    with pytest.raises(StaleWrite):
        actions.set_status(item, "open", actor=people["investigator"], version=1)


def test_dashboards(people: dict[str, Any]) -> None:
    late = action_item(people["coordinator"], people["police"],
                       deadline=dt.date.today() - dt.timedelta(days=3), title="Late report")
    action_item(people["coordinator"], people["welfare"], title="Open shelter")
    police = sign_in(Client(), people["investigator"]).get("/").content.decode()
    assert "Late report" in police and "Open shelter" not in police
    office = sign_in(Client(), people["coordinator"]).get("/").content.decode()
    assert "1 overdue action item" in office and "Late report" in office
    assert list(actions.overdue(people["coordinator"])) == [late]


def test_status_page(people: dict[str, Any]) -> None:
    item = action_item(people["coordinator"], people["police"])
    client = sign_in(Client(), people["investigator"])
    response = client.post(f"/governance/actions/{item.pk}/",
                           {"status": "cancelled", "version": "1"})
    assert "Say why the action item is cancelled." in response.content.decode()
    response = client.post(f"/governance/actions/{item.pk}/",
                           {"status": "done", "version": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "done"


def test_plan_rolls_up_progress(people: dict[str, Any]) -> None:
    editor = people["coordinator"]
    goal = plan.add_goal(actor=editor, title="Protection")
    shelters = plan.add_action(goal, actor=editor, title="Shelter places")
    border = plan.add_action(goal, actor=editor, title="Border identification")
    deadline = dt.date.today() + dt.timedelta(days=10)
    made = [actions.add_item(actions.ItemSpec(f"Item {n}", people["welfare"], deadline,
                                              plan_action=shelters), actor=editor)
            for n in range(3)]
    actions.add_item(actions.ItemSpec("Train officers", people["police"], deadline,
                                      plan_action=border), actor=editor)
    actions.set_status(made[0], "done", actor=editor, version=1)
    actions.set_status(made[1], "cancelled", actor=editor, version=1, note="Merged.")
    goals, overall = plan.tree(editor)
    (node,) = goals
    by_title = {a.action.title: a.progress for a in node.actions}
    assert (by_title["Shelter places"].done, by_title["Shelter places"].total) == (1, 2)
    assert by_title["Shelter places"].percent == 50
    assert by_title["Border identification"].percent == 0
    assert (node.progress.done, node.progress.total, overall.percent) == (1, 3, 33)
    page = sign_in(Client(), people["investigator"]).get("/governance/plan/")
    assert "33% done (1 of 3 action items)" in page.content.decode()
    with pytest.raises(ServiceError, match="decision or the action plan"):
        actions.add_item(actions.ItemSpec("Loose", people["police"], deadline), actor=editor)


def test_api_decision_and_status(people: dict[str, Any]) -> None:
    gathering = meeting(people["coordinator"])
    office = sign_in(Client(), people["coordinator"])
    created = office.post(f"/api/v1/governance/meetings/{gathering.pk}/decisions", {
        "text": "Report on raids.", "items": [
            {"title": "Raid report", "owner_agency_id": people["police"].pk,
             "deadline": "2030-01-31"}]}, content_type="application/json")
    assert created.status_code == 201, created.content
    (item,) = created.json()["items"]
    bad = office.post(f"/api/v1/governance/meetings/{gathering.pk}/decisions", {
        "text": "x", "items": [{"title": "y", "owner_agency_id": 99999,
                                "deadline": "2030-01-31"}]},
        content_type="application/json")
    assert bad.status_code == 400
    assert "items.0.owner_agency_id" in bad.json()["error"]["fields"]
    police = sign_in(Client(), people["investigator"])
    done = police.post(f"/api/v1/governance/actions/{item['id']}/status",
                       {"status": "done", "version": item["version"]},
                       content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "done"
    welfare = sign_in(Client(), people["social"])
    refused = welfare.post(f"/api/v1/governance/actions/{item['id']}/status",
                           {"status": "open", "version": 2}, content_type="application/json")
    assert refused.status_code == 403
