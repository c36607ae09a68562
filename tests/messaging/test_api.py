"""/api/v1/messaging/: the same rules as the pages."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from palermo.access.models import User
from tests.access.factories import api_token, role
from tests.messaging.factories import person

pytestmark = pytest.mark.django_db


def test_send_list_read_acknowledge_forward(client: Client) -> None:
    police, welfare, health = person("police"), person("welfare"), person("health")
    _t, police_token = api_token(police)
    _t, welfare_token = api_token(with_api(welfare))
    as_police = {"HTTP_AUTHORIZATION": f"Bearer {police_token}"}
    as_welfare = {"HTTP_AUTHORIZATION": f"Bearer {welfare_token}"}
    due = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    sent = client.post("/api/v1/messaging/threads", {
        "subject": "Shelter", "body": "Need a bed", "handling_code": "H2", "ack_due": due,
        "recipients": {"agencies": [welfare.agency.pk]},
        "attachments": [{"name": "a.txt", "content_base64": base64.b64encode(b"hi").decode()}]},
        content_type="application/json", **as_police)
    assert sent.status_code == 201, sent.content
    thread_id, message_id = sent.json()["thread"], sent.json()["id"]
    listed = client.get("/api/v1/messaging/threads", **as_welfare).json()
    assert [(t["id"], t["subject"], t["unread"]) for t in listed] == [(thread_id, "Shelter", 1)]
    read = client.get(f"/api/v1/messaging/threads/{thread_id}", **as_welfare).json()
    (message,) = read["messages"]
    assert (message["body"], message["handling_code"], message["forward"]) == (
        "Need a bed", "H2", "needs_permission")
    assert message["attachments"][0]["name"] == "a.txt"
    acked = client.post(f"/api/v1/messaging/messages/{message_id}/acknowledge", **as_welfare)
    assert acked.status_code == 200
    refused = client.post(f"/api/v1/messaging/messages/{message_id}/forward",
                          {"recipients": {"agencies": [health.agency.pk]}},
                          content_type="application/json", **as_welfare)
    assert refused.status_code == 400
    assert "handling_code" in refused.json()["error"]["fields"]
    asked = client.post(f"/api/v1/messaging/messages/{message_id}/permission",
                        {"reason": "The clinic."}, content_type="application/json",
                        **as_welfare)
    assert asked.status_code == 201 and asked.json()["state"] == "pending"
    self_grant = client.post(f"/api/v1/messaging/permissions/{asked.json()['id']}/decide",
                             {"grant": True}, content_type="application/json", **as_welfare)
    assert self_grant.status_code == 403
    granted = client.post(f"/api/v1/messaging/permissions/{asked.json()['id']}/decide",
                          {"grant": True}, content_type="application/json", **as_police)
    assert granted.json()["state"] == "granted"
    forwarded = client.post(f"/api/v1/messaging/messages/{message_id}/forward",
                            {"recipients": {"agencies": [health.agency.pk]}},
                            content_type="application/json", **as_welfare)
    assert forwarded.status_code == 201
    answered = client.post(f"/api/v1/messaging/threads/{thread_id}/messages",
                           {"body": "Bed ready"}, content_type="application/json",
                           **as_welfare)
    assert answered.status_code == 201


def test_bad_input_and_strangers(client: Client) -> None:
    ngo, border = person("ngo"), person("border")
    _t, token = api_token(with_api(ngo))
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    bad = client.post("/api/v1/messaging/threads", {
        "subject": "x", "body": "y", "handling_code": "H7",
        "recipients": {"agencies": [ngo.agency.pk]}}, content_type="application/json", **auth)
    assert bad.status_code == 400 and "handling_code" in bad.json()["error"]["fields"]
    refused = client.post("/api/v1/messaging/threads", {
        "subject": "x", "body": "y", "recipients": {"agencies": [border.agency.pk]}},
        content_type="application/json", **auth)
    assert refused.status_code == 400
    assert "may not write to" in refused.json()["error"]["fields"]["recipients"][0]
    assert client.get("/api/v1/messaging/threads/999", **auth).status_code == 404


def with_api(user: Any) -> Any:
    """Welfare and NGO roles hold no API tokens by default; give this one a role that does."""
    user.roles.add(role("border_officer"))
    return User.objects.get(pk=user.pk)  # fresh, without the cached permissions
