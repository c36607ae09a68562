"""The signed offline copy: made from the watch lists, checked without a database, and
refused when changed or signed with another key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from palermo.audit.models import AuditEvent
from palermo.screening import offline
from palermo.screening.engine.offline import OfflineCopyError, OfflineList, new_private_key_pem
from palermo.screening.engine.offline import public_key_pem as public_of
from tests.access.factories import AgencyFactory
from tests.screening.factories import watch_lists

pytestmark = pytest.mark.django_db


@pytest.fixture
def copy(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    watch_lists(AgencyFactory(name="Police"))
    target = tmp_path / "post.watchlists"
    call_command("screening", "export", str(target))
    return target


def test_the_copy_checks_like_the_server(copy: Path) -> None:
    lists = OfflineList.load(copy.read_bytes(), offline.public_key())
    assert [h.kind for h in lists.check(document="L898902C3")] == ["document"]
    near = lists.check(document="X1234567B")
    assert [(h.kind, h.score) for h in near] == [("document", 0.8)]
    person = lists.check(name="Дмитрий Волков", birth_date="1979-02-11")
    assert [h.record["names"] for h in person] == [["Dmitri Volkov"]]
    assert lists.check(name="Dmitri Volkov", birth_date="1991-06-30") == []
    assert AuditEvent.objects.filter(action="watchlist.export_offline").exists()
    assert copy.stat().st_mode & 0o777 == 0o600


def test_a_changed_copy_or_another_key_is_refused(copy: Path) -> None:
    data = bytearray(copy.read_bytes())
    data[-5] ^= 0xFF
    with pytest.raises(OfflineCopyError, match="signature does not hold"):
        OfflineList.load(bytes(data), offline.public_key())
    stranger = public_of(new_private_key_pem())
    with pytest.raises(OfflineCopyError, match="signature does not hold"):
        OfflineList.load(copy.read_bytes(), stranger)
    with pytest.raises(OfflineCopyError, match="wrong first line"):
        OfflineList.load(b"hello", offline.public_key())


def test_offline_check_command(copy: Path, capsys: Any) -> None:
    import json

    call_command("screening", "offline-check", str(copy), "--public-key", f"{copy}.pub",
                 "--document", "L898902C3")
    out = json.loads(capsys.readouterr().out)
    assert out["hits"][0]["record"]["number"] == "L898902C3"
    tampered = copy.with_name("tampered")
    tampered.write_bytes(copy.read_bytes()[:-10])
    with pytest.raises(CommandError, match="signature does not hold"):
        call_command("screening", "offline-check", str(tampered), "--public-key",
                     f"{copy}.pub", "--document", "L898902C3")
