"""The audit log is append-only and hash-chained; verify names the first broken entry."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from palermo.audit import services
from palermo.audit.models import AuditEvent
from tests.conftest import palermo_cli

pytestmark = pytest.mark.django_db


def write(n: int) -> list[AuditEvent]:
    return [services.record("test.event", object_type="thing", object_id=i) for i in range(n)]


def test_entries_chain_each_to_the_one_before() -> None:
    before = AuditEvent.objects.count()  # set-up itself is audited (default roles)
    first, second, third = write(3)
    assert first.seq == before + 1
    assert AuditEvent.objects.get(seq=1).prev_hash == services.GENESIS
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    assert services.verify_chain().ok
    assert services.verify_chain().checked == before + 3


def test_verify_command_passes_on_an_intact_chain(capsys: Any) -> None:
    write(4)
    call_command("audit", "verify")
    assert f"{AuditEvent.objects.count()} entries verified" in capsys.readouterr().out


def test_database_refuses_update_and_delete() -> None:
    (event,) = write(1)
    for statement in (
        f"UPDATE audit_auditevent SET action = 'x' WHERE id = {event.pk}",
        f"DELETE FROM audit_auditevent WHERE id = {event.pk}",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
                connection.cursor() as cursor:
            cursor.execute(statement)
    event.refresh_from_db()
    assert event.action == "test.event"


@pytest.mark.usefixtures("audit_triggers_removed")
def test_an_edited_entry_is_named() -> None:
    target = write(5)[2].seq
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = 'nothing to see' WHERE seq = %s",
                       [target])
    report = services.verify_chain()
    assert not report.ok
    assert report.broken_seq == target
    assert "changed after it was written" in report.problem
    with pytest.raises(CommandError, match=f"broken at entry {target}:"):
        call_command("audit", "verify")


@pytest.mark.usefixtures("audit_triggers_removed")
def test_a_deleted_entry_is_named() -> None:
    target = write(5)[3].seq
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [target])
    report = services.verify_chain()
    assert (report.ok, report.broken_seq) == (False, target)
    assert "missing" in report.problem


@pytest.mark.usefixtures("audit_triggers_removed")
def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_next_link() -> None:
    events = write(5)
    forged = events[1]
    forged.action = "nothing.happened"
    forged.hash = services.compute_hash(forged)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = %s, hash = %s WHERE seq = %s",
                       [forged.action, forged.hash, forged.seq])
    report = services.verify_chain()
    assert (report.ok, report.broken_seq) == (False, forged.seq + 1)
    assert "previous hash differs" in report.problem


def test_changes_and_the_entry_are_kept_or_lost_together(user_with: Any) -> None:
    from palermo.access.services import agencies

    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        agencies.create(actor=None, name="Ghost agency", kind="ngo", country="ISR")
        raise RuntimeError("the surrounding change fails")
    assert AuditEvent.objects.count() == before


def test_failed_login_records_who_tried_from_where(client: Any) -> None:
    client.post("/access/login/", {"username": "nobody@example.org", "password": "x" * 12},
                REMOTE_ADDR="192.0.2.7")
    event = AuditEvent.objects.get(action="auth.login")
    assert (event.outcome, event.actor_label, event.ip) == ("failure", "nobody@example.org",
                                                            "192.0.2.7")


@pytest.mark.own_database
def test_palermo_audit_verify_exit_codes(tmp_path: Any) -> None:
    """The installed command, on a file database: 0 when intact, non-zero naming the entry."""
    import sqlite3

    run, env = palermo_cli(tmp_path)
    subprocess.run([*run, "demo"], env=env, check=True, capture_output=True)
    ok = subprocess.run([*run, "audit", "verify"], env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "entries verified" in ok.stdout
    database = sqlite3.connect(tmp_path / "db.sqlite3")
    database.execute("DROP TRIGGER audit_no_update")
    database.execute("UPDATE audit_auditevent SET actor_label = 'someone else' WHERE seq = 2")
    database.commit()
    database.close()
    broken = subprocess.run([*run, "audit", "verify"], env=env, capture_output=True, text=True)
    assert broken.returncode != 0
    assert "broken at entry 2" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_reads_written_together_keep_the_chain(user_with: Any) -> None:
    reader = user_with("coordinator")
    write(2)
    events = services.record_reads(reader, "person", [(7, {"case": "A"}), (8, {"case": "A"})])
    assert [e.action for e in events] == ["person.read", "person.read"]
    assert events[1].prev_hash == events[0].hash
    assert services.verify_chain().ok
    stored = AuditEvent.objects.filter(action="person.read").order_by("seq")
    assert [e.object_id for e in stored] == ["7", "8"]
