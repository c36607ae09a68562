"""The database alone reveals no message: subjects, bodies, restrictions, notes, attachment
names and contents and forward requests are sealed with a key kept outside it."""

from __future__ import annotations

import os
import stat
from typing import Any

import pytest
from django.db import connection

from palermo.messaging import crypto, services
from palermo.messaging.models import SEALED, Acknowledgement, Participant, Receipt
from tests.messaging.factories import person, send

pytestmark = pytest.mark.django_db

SECRET = "Zebra-Quokka-7731 meets the trafficker at Pier 9"


def _all_cells() -> list[Any]:
    """Every value of every column of every messaging table, read with raw SQL."""
    cells = []
    with connection.cursor() as cursor:
        for model in [*SEALED, Participant, Receipt, Acknowledgement]:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table}")
            for row in cursor.fetchall():
                cells.extend(row)
    return cells


def _reveals(cells: list[Any], plain: str) -> list[Any]:
    needles = [plain.encode("utf-8"), plain.encode("utf-16-le"), plain.lower().encode()]
    found = []
    for cell in cells:
        if isinstance(cell, memoryview):
            cell = bytes(cell)
        in_bytes = isinstance(cell, bytes) and any(n in cell for n in needles)
        if in_bytes or (isinstance(cell, str) and plain.lower() in cell.lower()):
            found.append(cell)
    return found


def test_nothing_written_is_readable_from_the_database(tmp_path: Any) -> None:
    police = person("police")
    welfare = person("welfare")
    message = send(police, to_agencies=(welfare.agency,), subject=f"Subject {SECRET}",
                   body=f"Body {SECRET}", handling_code="H3",
                   restriction=f"Restriction {SECRET}",
                   attachments=[(f"{SECRET}.txt", f"File {SECRET}".encode())])
    services.reply(message.thread, actor=welfare, content=services.Content(
        body=f"Answer {SECRET}"))
    restricted = send(police, to_agencies=(welfare.agency,), handling_code="H2")
    services.ask_permission(restricted, actor=welfare, reason=f"Reason {SECRET}")
    cells = _all_cells()
    assert cells, "the tables were read"
    assert _reveals(cells, SECRET) == []
    assert _reveals(cells, "Zebra-Quokka") == []
    # The test database is in memory; where it is a file, its bytes must not show it either.
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and name and os.path.exists(str(name)):
        connection.cursor().execute("PRAGMA wal_checkpoint(FULL)")
        assert SECRET.encode() not in open(name, "rb").read()  # noqa: SIM115
    # The people taking part read it all back.
    page = services.open_thread(message.thread_id, actor=welfare)
    assert page.subject == f"Subject {SECRET}"
    assert [v.body for v in page.messages] == [f"Body {SECRET}", f"Answer {SECRET}"]
    assert page.messages[0].restriction == f"Restriction {SECRET}"
    (attachment_id, _name, _size), = page.messages[0].attachments
    assert services.attachment(attachment_id, actor=welfare) == (
        f"{SECRET}.txt", f"File {SECRET}".encode())


def test_key_file_is_made_once_with_mode_0600(tmp_path: Any) -> None:
    first = crypto.keyring()
    path = crypto.key_path()
    assert path.parent == tmp_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert crypto.keyring().keys == first.keys


def test_key_from_the_environment(settings: Any, tmp_path: Any) -> None:
    settings.PALERMO_MESSAGE_KEY = f"k2:{crypto.new_key_text()},k1:{crypto.new_key_text()}"
    keys = crypto.keyring()
    assert (keys.current, sorted(keys.keys), keys.from_environment) == ("k2", ["k1", "k2"],
                                                                        True)
    assert not crypto.key_path().exists()
    sealed = keys.seal("hello", "messaging.message.body")
    assert keys.open(sealed, "k2", "messaging.message.body") == "hello"
    with pytest.raises(crypto.KeyMissing):
        keys.open(sealed, "k2", "messaging.message.note")  # not valid in another column


def test_a_bad_environment_key_is_a_clear_error(settings: Any) -> None:
    from django.core.exceptions import ImproperlyConfigured

    settings.PALERMO_MESSAGE_KEY = "k1:not-a-key"
    with pytest.raises(ImproperlyConfigured, match="32 bytes"):
        crypto.keyring()
