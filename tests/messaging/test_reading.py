"""Read receipts, acknowledgements with due dates, unread counts; reading is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.messaging import services
from palermo.messaging.models import Message
from tests.access.factories import UserFactory
from tests.messaging.factories import person, send

pytestmark = pytest.mark.django_db


def test_opening_a_thread_leaves_receipts_and_an_audit_entry() -> None:
    police = person("police")
    social = person("welfare")
    colleague = UserFactory(roles=["social_worker"], agency=social.agency)
    message = send(police, to_agencies=(social.agency,), body="Private words")
    assert services.unread_count(social) == services.unread_count(colleague) == 1
    assert services.unread_count(police) == 0
    services.open_thread(message.thread_id, actor=social)
    assert services.unread_count(social) == 0
    assert services.unread_count(colleague) == 1
    page = services.open_thread(message.thread_id, actor=police)
    assert [r.user for r in page.messages[0].receipts] == [social]
    reads = AuditEvent.objects.filter(action="message.read", object_type="thread")
    assert [(e.actor_id, e.detail["first_read"]) for e in reads.order_by("seq")] == [
        (social.pk, [message.pk]), (police.pk, [])]
    assert all("Private words" not in str(e.detail) for e in AuditEvent.objects.all())
    services.reply(message.thread, actor=colleague, content=services.Content(body="On it"))
    assert services.unread_count(police) == 1
    assert services.inbox(police)[0].unread == 1


def test_strangers_see_nothing() -> None:
    police = person("police")
    message = send(police, to_agencies=(person("welfare").agency,))
    stranger = person("health")
    assert services.inbox(stranger) == []
    with pytest.raises(Http404):
        services.open_thread(message.thread_id, actor=stranger)
    with pytest.raises(Http404):
        services.get_message(stranger, message.pk)


def test_acknowledgement_due_and_overdue() -> None:
    police = person("police")
    welfare = person("welfare")
    due = timezone.localdate() + dt.timedelta(days=2)
    message = send(police, to_agencies=(welfare.agency,), ack_due=due)
    assert list(services.awaiting_acknowledgement(welfare)) == [message]
    line = services.inbox(welfare)[0]
    assert (line.awaiting_ack, line.overdue) == (1, False)
    # Time passes: the request falls overdue, for the writer to see as well.
    Message.objects.filter(pk=message.pk).update(ack_due=timezone.localdate()
                                                 - dt.timedelta(days=1))
    assert services.inbox(welfare)[0].overdue
    view = services.open_thread(message.thread_id, actor=police).messages[0]
    assert view.overdue and [a.overdue for a in view.acks] == [True]
    assert not view.can_acknowledge
    with pytest.raises(ServiceError, match="own message"):
        services.acknowledge(message, actor=police)
    mine = services.open_thread(message.thread_id, actor=welfare).messages[0]
    assert mine.can_acknowledge
    ack = services.acknowledge(message, actor=welfare)
    assert ack.by == welfare
    assert services.acknowledge(message, actor=welfare).pk == ack.pk
    entry = AuditEvent.objects.get(action="message.acknowledge")
    assert entry.detail["late"] is True
    view = services.open_thread(message.thread_id, actor=police).messages[0]
    assert not view.overdue and view.acks[0].by == welfare.full_name
    assert list(services.awaiting_acknowledgement(welfare)) == []


def test_no_acknowledgement_asked() -> None:
    police = person("police")
    welfare = person("welfare")
    message = send(police, to_agencies=(welfare.agency,))
    with pytest.raises(ServiceError, match="no acknowledgement"):
        services.acknowledge(message, actor=welfare)


def test_the_writers_agency_is_not_asked_to_acknowledge() -> None:
    police = person("police")
    welfare = person("welfare")
    colleague = UserFactory(roles=["social_worker"], agency=welfare.agency)
    message = send(police, to_agencies=(welfare.agency,))
    answer = services.reply(message.thread, actor=welfare, content=services.Content(
        body="Please confirm you got the address.",
        ack_due=timezone.localdate() + dt.timedelta(days=1)))
    assert list(services.awaiting_acknowledgement(police)) == [answer]
    assert list(services.awaiting_acknowledgement(colleague)) == []
    with pytest.raises(ServiceError, match="Your agency wrote"):
        services.acknowledge(answer, actor=colleague)
    view = services.open_thread(message.thread_id, actor=welfare).messages[1]
    assert [a.participant.user for a in view.acks] == [police]
    services.acknowledge(answer, actor=police)
    assert list(services.awaiting_acknowledgement(police)) == []
