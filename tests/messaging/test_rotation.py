"""Key rotation: a new key, every row sealed again in batches, the old key dropped."""

from __future__ import annotations

import json
import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from palermo.audit.models import AuditEvent
from palermo.messaging import crypto, services
from palermo.messaging.models import SEALED, Attachment, Message, Thread
from tests.messaging.factories import person, send

pytestmark = pytest.mark.django_db


def test_rotate_key_command_reseals_everything_and_drops_the_old_key() -> None:
    police = person("police")
    welfare = person("welfare")
    messages = [send(police, to_agencies=(welfare.agency,), subject=f"Subject {n}",
                     body=f"Body {n}", attachments=[(f"n{n}.txt", b"data %d" % n)])
                for n in range(5)]
    services.ask_permission(send(police, to_agencies=(welfare.agency,), handling_code="H2"),
                            actor=welfare, reason="For the court.")
    old = crypto.keyring().current
    before = bytes(Message.objects.get(pk=messages[0].pk).body)
    out, err = StringIO(), StringIO()
    call_command("messaging", "rotate-key", "--batch-size", "2", stdout=out, stderr=err)
    keyring = crypto.keyring()
    assert keyring.current != old
    assert list(keyring.keys) == [keyring.current]
    assert old not in json.loads(crypto.key_path().read_text())["keys"]
    assert f"keys dropped: {old}" in out.getvalue()
    assert "rows sealed again: 18" in out.getvalue()  # 6 threads, 6 messages, 5 files, 1 request
    for model in SEALED:
        assert set(model.objects.values_list("key_id", flat=True)) == {keyring.current}
    assert bytes(Message.objects.get(pk=messages[0].pk).body) != before
    page = services.open_thread(messages[3].thread_id, actor=welfare)
    assert (page.subject, page.messages[0].body) == ("Subject 3", "Body 3")
    attachment = Attachment.objects.get(message=messages[4])
    assert services.attachment(attachment.pk, actor=welfare) == ("n4.txt", b"data 4")
    entry = AuditEvent.objects.get(action="messaging.key_rotate")
    assert entry.detail["retired"] == [old]


def test_rotation_with_keys_from_the_environment(settings: Any) -> None:
    first, second = crypto.new_key_text(), crypto.new_key_text()
    settings.PALERMO_MESSAGE_KEY = f"k1:{first}"
    police = person("police")
    message = send(police, to_agencies=(person("welfare").agency,), body="Old key")
    settings.PALERMO_MESSAGE_KEY = f"k2:{second},k1:{first}"
    out = StringIO()
    call_command("messaging", "rotate-key", "--no-progress", stdout=out)
    assert "remove them from PALERMO_MESSAGE_KEY: k1" in out.getvalue()
    assert Thread.objects.get(pk=message.thread_id).key_id == "k2"
    settings.PALERMO_MESSAGE_KEY = f"k2:{second}"
    page = services.open_thread(message.thread_id, actor=police)
    assert page.messages[0].body == "Old key"
    assert not crypto.key_path().exists()


def test_new_key_prints_an_id_and_a_key() -> None:
    out = StringIO()
    call_command("messaging", "new-key", stdout=out)
    key_id, key = out.getvalue().strip().split(":")
    assert key_id.startswith("k") and len(crypto._decode(key, "test")) == 32


@pytest.mark.own_database
def test_on_a_database_file_the_demo_messages_are_not_in_its_bytes(tmp_path: Any) -> None:
    """The demo writes through the installed command into an SQLite file; neither the file
    nor its write-ahead log holds a word of the messages, before or after a rotation."""
    import sqlite3
    import subprocess

    from tests.conftest import palermo_cli

    command, env = palermo_cli(tmp_path)
    env.pop("PALERMO_MESSAGE_KEY", None)
    subprocess.run([*command, "demo"], env=env, check=True, capture_output=True, text=True)
    database = tmp_path / "db.sqlite3"

    def stored() -> bytes:
        with sqlite3.connect(database) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return b"".join(p.read_bytes() for p in tmp_path.glob("db.sqlite3*"))

    phrases = [b"Shelter place for a presumed victim", b"during a raid on a farm",
               b"Training for shelter staff", b"two dates next week"]
    assert [p for p in phrases if p in stored()] == []
    rotated = subprocess.run([*command, "messaging", "rotate-key", "--no-progress"], env=env,
                             check=True, capture_output=True, text=True)
    # Every demo thread and message, the travel alert's included, is sealed again.
    sealed = re.search(r"rows sealed again: (\d+)", rotated.stdout)
    assert sealed is not None and int(sealed.group(1)) >= 5
    assert [p for p in phrases if p in stored()] == []
