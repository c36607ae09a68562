"""A hit's writes and its owner's message (issue 19): the audit entry and the alerts are
committed together or not at all, and the owner hears of the hit once, however often the
outbox is delivered."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client

from palermo.audit import services as audit_services
from palermo.audit.models import AuditEvent
from palermo.messaging.services import reading
from palermo.screening import outbox, services
from palermo.screening.models import Alert
from palermo.screening.services import Query
from tests.access.factories import AgencyFactory, api_token
from tests.screening.factories import TD3, watch_lists

SUBJECT = "Screening hit on your watch list"


@pytest.fixture
def border(user_with: Any) -> dict[str, Any]:
    owner = AgencyFactory(name="Police")
    officer = user_with("border_officer", agency=AgencyFactory(name="Border", kind="border"))
    reader = user_with("investigator", agency=owner)
    return {"officer": officer, "owner": owner, "reader": reader, **watch_lists(owner)}


def _hit_subjects(user: Any) -> list[str]:
    return [line.subject for line in reading.inbox(user) if line.subject == SUBJECT]


@pytest.mark.django_db
def test_delivering_twice_sends_one_message(border: dict[str, Any], settings: Any) -> None:
    settings.PALERMO_OUTBOX_PAUSED = True  # the process dies before it tells anyone
    services.check(border["officer"], Query(mrz=TD3), post="Ben Gurion T3")
    alerts = list(Alert.objects.filter(agency=border["owner"]))
    assert len(alerts) == 2 and all(a.owner_told_at is None for a in alerts)
    assert _hit_subjects(border["reader"]) == []

    settings.PALERMO_OUTBOX_PAUSED = False
    assert outbox.deliver() == 1  # one message for the check's two alerts
    assert outbox.deliver() == 0
    assert outbox.deliver([a.pk for a in alerts]) == 0
    assert _hit_subjects(border["reader"]) == [SUBJECT]
    assert outbox.untold() == 0
    (line,) = reading.inbox(border["reader"])
    body = reading.open_thread(line.thread.pk, actor=border["reader"]).messages[0].body
    assert f"document record {border['passport'].pk}" in body
    assert "Checked by Border at Ben Gurion T3." in body


@pytest.mark.django_db
def test_the_command_tells_what_a_crash_left_untold(border: dict[str, Any], settings: Any,
                                                    capsys: Any) -> None:
    settings.PALERMO_OUTBOX_PAUSED = True
    services.check(border["officer"], Query(document_number="L898902C3"), post="Allenby")
    settings.PALERMO_OUTBOX_PAUSED = False
    call_command("screening", "deliver")
    call_command("screening", "deliver")
    assert capsys.readouterr().out.splitlines() == ["1 owner messages sent",
                                                    "0 owner messages sent"]
    assert _hit_subjects(border["reader"]) == [SUBJECT]


def test_two_deliverers_at_once_send_one_message(committed_db: None, border: dict[str, Any],
                                                 settings: Any) -> None:
    settings.PALERMO_OUTBOX_PAUSED = True
    for post in ("Allenby", "Eilat", "Haifa port"):
        services.check(border["officer"], Query(document_number="L898902C3"), post=post)
    settings.PALERMO_OUTBOX_PAUSED = False
    sent: list[Any] = []
    start = threading.Barrier(2)

    def deliverer() -> None:
        try:
            start.wait(10)
            sent.append(outbox.catch_up())
        except OperationalError as exc:
            # SQLite's shared in-memory test database refuses a second writer outright
            # where a real one waits: that deliverer has lost the race, as on a real one.
            sent.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliverer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sum(n for n in sent if isinstance(n, int)) <= 3, sent
    assert _hit_subjects(border["reader"]) == [SUBJECT] * 3
    assert outbox.untold() == 0


def test_outside_a_transaction_the_entry_and_alerts_share_the_group_commit(
        committed_db: None, border: dict[str, Any]) -> None:
    result = services.check(border["officer"], Query(document_number="L898902C3"),
                            post="Allenby")
    (hit,) = result.hits
    assert "owner_id" not in hit.record  # the owner's id stops at the alert
    event = AuditEvent.objects.get(action="screening.check")
    (alert,) = Alert.objects.all()
    assert alert.check_seq == event.seq and alert.agency == border["owner"]
    # No deliverer thread runs outside a server: the owner is told before the check returns.
    assert alert.owner_told_at is not None
    assert _hit_subjects(border["reader"]) == [SUBJECT]
    assert audit_services.verify_chain().ok


def test_a_failing_audit_write_fails_the_check_closed_with_no_alert(
        committed_db: None, border: dict[str, Any], monkeypatch: Any) -> None:
    def disk_full(events: Any) -> None:
        raise OSError("disk full")

    _token, token = api_token(border["officer"])
    with monkeypatch.context() as patched:  # undone before the database is flushed
        patched.setattr(audit_services, "_insert", disk_full)
        with pytest.raises(OSError, match="disk full"):
            services.check(border["officer"], Query(document_number="L898902C3"))
        client = Client(raise_request_exception=False)
        response = client.post("/api/v1/screening/check", {"document": {
            "number": "L898902C3", "issuing_state": "UTO"}}, content_type="application/json",
            headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 500
    assert b"L898902C3" not in response.content and b"disk full" not in response.content
    assert not Alert.objects.exists()
    assert not AuditEvent.objects.filter(action="screening.check").exists()
    assert _hit_subjects(border["reader"]) == []


def test_a_failing_alert_write_fails_the_check_closed_with_no_entry(
        committed_db: None, border: dict[str, Any], monkeypatch: Any) -> None:
    from palermo.screening import alerts

    def refused(made: Any, check_seq: Any) -> None:
        raise RuntimeError("constraint")

    with monkeypatch.context() as patched:
        patched.setattr(alerts, "write_alerts", refused)
        with pytest.raises(RuntimeError):
            services.check(border["officer"], Query(document_number="L898902C3"))
    assert not Alert.objects.exists()
    assert not AuditEvent.objects.filter(action="screening.check").exists()


@pytest.mark.django_db
def test_a_message_that_fails_stays_in_the_outbox_and_goes_later(
        border: dict[str, Any], settings: Any, monkeypatch: Any) -> None:
    from palermo.screening import alerts

    def unreachable(group: Any) -> None:
        raise RuntimeError("message key missing")

    with monkeypatch.context() as patched:
        patched.setattr(alerts, "tell_owner", unreachable)
        services.check(border["officer"], Query(document_number="L898902C3"), post="Allenby")
        assert Alert.objects.count() == 1  # the check itself stands
        assert outbox.deliver() == 0
    assert outbox.untold() == 1 and _hit_subjects(border["reader"]) == []
    assert outbox.deliver() == 1
    assert outbox.untold() == 0 and _hit_subjects(border["reader"]) == [SUBJECT]
