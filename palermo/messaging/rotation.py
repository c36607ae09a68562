"""Key rotation: a new key becomes current, every sealed row is sealed again with it in
batches, and the old keys are dropped once no row needs them.

Each batch is its own transaction and updates a row only if it still names the old key, so
the rotation can be interrupted and run again: a new run adds one more key and carries on
with whatever is not yet on it. Rows written by a server while the rotation runs are caught
by a last pass before any key is dropped, and a key still named by a row is never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.messaging import crypto
from palermo.messaging.models import SEALED, Attachment, purpose

Progress = Callable[[int], None]


@dataclass
class Report:
    new_key: str
    resealed: int = 0
    retired: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def stale_rows(current: str) -> int:
    return sum(model.objects.exclude(key_id=current).count()  # type: ignore[attr-defined]
               for model in SEALED)


def reseal(keyring: crypto.Keyring, *, batch_size: int = 200,
           progress: Progress | None = None) -> int:
    """Seal every row not on the current key again with it; the number of rows done."""
    done = 0
    for model, fields in SEALED.items():
        manager = model.objects  # type: ignore[attr-defined]
        # Attachments are large: fewer per batch keeps memory bounded.
        size = max(1, batch_size // 20) if model is Attachment else batch_size
        while True:
            pks = list(manager.exclude(key_id=keyring.current).order_by("pk")
                       .values_list("pk", flat=True)[:size])
            if not pks:
                break
            with transaction.atomic():
                for row in manager.filter(pk__in=pks).exclude(key_id=keyring.current):
                    values = {}
                    for name in fields:
                        plain = keyring.open_bytes(getattr(row, name), row.key_id,
                                                   purpose(model, name))
                        values[name] = keyring.seal(plain, purpose(model, name))
                    done += manager.filter(pk=row.pk, key_id=row.key_id).update(
                        key_id=keyring.current, **values)
            if progress:
                progress(len(pks))
    return done


def keys_in_use() -> set[str]:
    used: set[str] = set()
    for model in SEALED:
        used.update(model.objects.values_list("key_id", flat=True)  # type: ignore[attr-defined]
                    .distinct())
    return used


def rotate(*, batch_size: int = 200, progress: Progress | None = None) -> Report:
    """With the key file: add a key, reseal everything, drop the old keys. With keys from
    ``PALERMO_MESSAGE_KEY`` (which Palermo cannot rewrite): reseal everything with the first
    key of the variable and report the ones the operator may now remove from it."""
    keyring = crypto.keyring()
    if keyring.from_environment:
        report = Report(new_key=keyring.current)
    else:
        new_id = crypto.new_key_id()
        while new_id in keyring.keys:
            new_id = crypto.new_key_id()
        keyring = crypto.Keyring(new_id, {**keyring.keys, new_id: crypto.new_key_bytes()},
                                 from_environment=False)
        crypto.write_file(keyring)
        report = Report(new_key=new_id)
    report.resealed = reseal(keyring, batch_size=batch_size, progress=progress)
    # A last pass for rows written with the old key by a server that had not yet seen the
    # new file.
    report.resealed += reseal(keyring, batch_size=batch_size, progress=progress)
    used = keys_in_use()
    missing = used - set(keyring.keys)
    if missing:
        raise ServiceError(_("Rows are sealed with keys that are not in the keyring: "
                             "%(keys)s.") % {"keys": ", ".join(sorted(missing))})
    old = sorted(set(keyring.keys) - {keyring.current})
    report.kept = [k for k in old if k in used]
    report.retired = [k for k in old if k not in used]
    if not keyring.from_environment and report.retired:
        crypto.write_file(crypto.Keyring(
            keyring.current, {k: v for k, v in keyring.keys.items() if k not in report.retired},
            from_environment=False))
    with transaction.atomic():
        audit.record("messaging.key_rotate", object_type="message_key",
                     object_id=report.new_key, actor_label="system",
                     detail={"resealed": report.resealed, "retired": report.retired,
                             "kept": report.kept,
                             "source": "environment" if keyring.from_environment else "file"})
    return report
