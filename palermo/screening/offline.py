"""Making the signed offline copy of every watch list (engine.offline reads it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone

from palermo.audit import services as audit
from palermo.screening.engine import offline
from palermo.screening.models import WatchedDocument, WatchedPerson, WatchedVehicle

if TYPE_CHECKING:
    from palermo.access.models import User


def key_path() -> Path:
    return Path(settings.DATA_DIR) / "offline_signing_key.pem"


def private_key() -> bytes:
    """The signing key, made once per installation and kept beside the database (0600)."""
    path = key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(offline.new_private_key_pem())
    return path.read_bytes()


def public_key() -> bytes:
    return offline.public_key_pem(private_key())


def _records() -> dict[str, list[dict[str, Any]]]:
    return {
        "documents": [
            {"id": d.pk, "number": d.number, "issuing_state": d.issuing_state,
             "status": d.status, "kind": d.kind}
            for d in WatchedDocument.objects.iterator(10_000)],
        "vehicles": [
            {"id": v.pk, "vin": v.vin, "plate": v.plate, "plate_country": v.plate_country,
             "make": v.make, "model": v.model, "status": v.status}
            for v in WatchedVehicle.objects.iterator(10_000)],
        "persons": [
            {"id": p.pk, "names": p.names, "sex": p.sex, "nationalities": p.nationalities,
             "birth_date": p.birth_date.isoformat() if p.birth_date else None,
             "reason": p.reason, "action": p.action}
            for p in WatchedPerson.objects.iterator(10_000)],
    }


def export(target: Path, *, actor: User | None = None) -> dict[str, int]:
    records = _records()
    made_at = timezone.now().isoformat(timespec="seconds")
    data = offline.pack(records, made_at, private_key())
    target.write_bytes(data)
    os.chmod(target, 0o600)
    counts = {kind: len(rows) for kind, rows in records.items()}
    audit.record("watchlist.export_offline", actor=actor, object_type="watchlist",
                 detail={"file": str(target), **counts})
    return counts
