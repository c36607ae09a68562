"""The pages: inbox, compose, thread with receipts and acknowledgement, forward and the
permission to forward; all through the same services."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from palermo.messaging.models import ForwardRequest, Message, Thread
from tests.conftest import sign_in
from tests.messaging.factories import person, send

pytestmark = pytest.mark.django_db


def test_compose_read_acknowledge() -> None:
    police, welfare = person("police"), person("welfare")
    writer = sign_in(Client(), police)
    assert "No messages yet" in writer.get("/messaging/").content.decode()
    form = writer.get("/messaging/new/?link_type=case&link_ref=C-2026-7").content.decode()
    assert "The welfare agency" in form and 'value="C-2026-7"' in form
    due = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = writer.post("/messaging/new/", {
        "agencies": [welfare.agency.pk], "subject": "Shelter place tonight",
        "link_type": "case", "link_ref": "C-2026-7", "body": "A woman needs a bed.",
        "handling_code": "H1", "reliability": "B", "accuracy": "2", "ack_due": due,
        "attachment": SimpleUploadedFile("note.txt", b"details")})
    thread = Thread.objects.get()
    assert response["Location"] == f"/messaging/{thread.pk}/"
    reader = sign_in(Client(), welfare)
    inbox = reader.get("/messaging/").content.decode()
    assert "Shelter place tonight" in inbox and "1 unread" in inbox
    assert "Acknowledgement requested" in inbox
    assert re.search(r'data-testid="badge-count">1<', inbox)
    page = reader.get(f"/messaging/{thread.pk}/").content.decode()
    assert "A woman needs a bed." in page
    assert "H1 — not for judicial proceedings without permission" in page
    assert "note.txt" in page and "Acknowledge" in page
    message = Message.objects.get()
    download = reader.get(f"/messaging/attachment/{message.attachments.get().pk}/")
    assert download.content == b"details"
    assert download["Content-Disposition"].startswith("attachment")
    reader.post(f"/messaging/message/{message.pk}/acknowledge/")
    seen = writer.get(f"/messaging/{thread.pk}/").content.decode()
    assert f"acknowledged by <bdi>{welfare.full_name}</bdi>" in seen
    assert f"Read by: <bdi>{welfare.full_name}</bdi>" in seen
    answer = reader.post(f"/messaging/{thread.pk}/reply/", {
        "body": "Bed ready at 20:00.", "handling_code": "H0", "reliability": "A",
        "accuracy": "1"})
    assert answer.status_code == 302
    assert "Bed ready at 20:00." in writer.get(f"/messaging/{thread.pk}/").content.decode()


def test_refusals_are_shown_on_the_form() -> None:
    ngo, border = person("ngo"), person("border", "Border Control")
    client = sign_in(Client(), ngo)
    assert "Border Control" not in client.get("/messaging/new/").content.decode()
    page = client.post("/messaging/new/", {
        "agencies": [ngo.agency.pk], "subject": "Hi", "body": "", "handling_code": "H3",
        "reliability": "X", "accuracy": "4"}).content.decode()
    assert "Write the message." in page
    page = client.post("/messaging/new/", {
        "agencies": [ngo.agency.pk], "subject": "Hi", "body": "Text", "handling_code": "H3",
        "reliability": "X", "accuracy": "4"}).content.decode()
    assert "needs the restriction stated" in page
    assert not Thread.objects.exists()
    assert border.pk


def test_forward_needs_permission_on_the_pages() -> None:
    police, welfare, health = person("police"), person("welfare"), person("health")
    message = send(police, to_agencies=(welfare.agency,), handling_code="H2")
    reader = sign_in(Client(), welfare)
    blocked = reader.get(f"/messaging/message/{message.pk}/forward/").content.decode()
    assert 'data-testid="forward-blocked"' in blocked
    refused = reader.post(f"/messaging/message/{message.pk}/forward/",
                          {"agencies": [health.agency.pk]}).content.decode()
    assert "permission" in refused and Thread.objects.count() == 1
    reader.post(f"/messaging/message/{message.pk}/permission/",
                {"reason": "The clinic needs it."})
    asked = ForwardRequest.objects.get()
    originator = sign_in(Client(), police)
    assert "The clinic needs it." in originator.get(
        f"/messaging/{message.thread_id}/").content.decode()
    assert "1 request to forward" in originator.get("/messaging/").content.decode()
    originator.post(f"/messaging/permission/{asked.pk}/decide/", {"decision": "grant"})
    response = reader.post(f"/messaging/message/{message.pk}/forward/",
                           {"agencies": [health.agency.pk], "note": "FYI"})
    assert response.status_code == 302
    assert Thread.objects.count() == 2


def test_users_without_messaging_are_refused(user_with: Any) -> None:
    client = sign_in(Client(), user_with("trainer"))
    assert client.get("/messaging/").status_code == 403


def test_dashboard_card_counts_unread_and_overdue() -> None:
    police, welfare = person("police"), person("welfare")
    message = send(police, to_agencies=(welfare.agency,),
                   ack_due=timezone.localdate() + dt.timedelta(days=1))
    Message.objects.filter(pk=message.pk).update(ack_due=timezone.localdate()
                                                 - dt.timedelta(days=1))
    page = sign_in(Client(), welfare).get("/").content.decode()
    card = page[page.index('data-testid="messages-card"'):]
    assert re.search(r"Unread messages</dt><dd>1<", card)
    assert "1 overdue" in card
