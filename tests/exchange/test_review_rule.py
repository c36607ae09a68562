"""Whether a received report may be reviewed gives one answer on its page and through the
API: ``CaseReport.is_reviewable`` and ``inbound.may_review`` (issue 20)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from palermo.exchange.models import CaseReport
from tests.access.factories import UserFactory, api_token
from tests.conftest import sign_in
from tests.exchange.factories import exchange, signed

pytestmark = pytest.mark.django_db

OFFER = "Accept into a case"


def _post(user: Any, url: str, body: dict[str, Any]) -> Any:
    _t, token = api_token(user)
    return Client().post(url, body, content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {token}")


def _received(world: Any) -> CaseReport:
    _t, token = api_token(world.receiver)
    imported = Client().post("/api/v1/exchange/import", signed(world),
                             content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {token}")
    assert imported.status_code == 201
    return CaseReport.objects.get(pk=imported.json()["id"])


def test_review_is_offered_and_allowed_by_the_same_rule() -> None:
    world = exchange()
    report = _received(world)
    assert report.is_reviewable()
    page = f"/exchange/reports/{report.pk}/"
    # An investigator of the receiving agency reads reports but does not accept them.
    reader = UserFactory(roles=["investigator"], agency=world.receiver.agency)
    assert OFFER not in sign_in(Client(), reader).get(page).content.decode()
    refused = _post(reader, f"/api/v1/exchange/reports/{report.pk}/accept", {"matches": {}})
    assert refused.status_code == 403
    receiver = sign_in(Client(), world.receiver)
    assert OFFER in receiver.get(page).content.decode()
    accepted = _post(world.receiver, f"/api/v1/exchange/reports/{report.pk}/accept",
                     {"matches": {}})
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    report.refresh_from_db()
    assert not report.is_reviewable()
    assert OFFER not in receiver.get(page).content.decode()
    again = _post(world.receiver, f"/api/v1/exchange/reports/{report.pk}/reject",
                  {"reason": "Sent twice."})
    assert again.status_code == 400 and "state" in again.json()["error"]["fields"]
    step = receiver.post(f"/exchange/reports/{report.pk}/step/",
                         {"step": "reject", "reason": "Sent twice."}, follow=True)
    assert "Only a received report waiting for review is rejected." in step.content.decode()


def test_outgoing_reports_are_never_reviewable() -> None:
    world = exchange()
    created = _post(world.sender, f"/api/v1/exchange/cases/{world.case.pk}/export",
                    {"partner_ids": [world.to_receiver.pk]})
    report = CaseReport.objects.get(pk=created.json()["id"])
    assert not report.is_reviewable()
    page = sign_in(Client(), world.sender).get(f"/exchange/reports/{report.pk}/")
    assert OFFER not in page.content.decode()
    refused = _post(world.sender, f"/api/v1/exchange/reports/{report.pk}/accept",
                    {"matches": {}})
    # The sender may receive reports too: what refuses is the report's own state.
    assert refused.status_code == 400
    assert "state" in json.loads(refused.content)["error"]["fields"]
