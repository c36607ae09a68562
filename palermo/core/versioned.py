"""The versioned write: a change is written only if nobody changed the record since the
caller read it (its ``version``), and is audited in the same transaction. Two people editing
the same record never overwrite each other silently; the second is told to reload."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.audit import services as audit
from palermo.core.errors import StaleWrite

if TYPE_CHECKING:
    from palermo.access.models import User

Record = TypeVar("Record", bound=models.Model)


def save_versioned(record: Record, version: int, fields: Mapping[str, Any], *,
                   actor: User | None, request: HttpRequest | None, action: str,
                   object_type: str = "", object_id: object = None,
                   detail: dict[str, Any] | None = None, reason: str = "",
                   actor_label: str = "", where: Mapping[str, Any] | None = None,
                   stale: str | None = None) -> Record:
    """Write ``fields`` if the record still has ``version`` (and matches ``where``, e.g. a
    state it must still be in), bump the version, read the record again and audit ``action``.

    The audit entry names the record by ``object_type`` (the model's name by default) and
    ``object_id`` (its key by default; a change may be filed under the record it belongs
    to), is signed ``actor_label`` when no user acts, and carries ``detail`` (by default the
    names of the fields whose value changed). A stale write raises :class:`StaleWrite` with
    ``stale``, or a message saying to reload."""
    model = type(record)
    changed = sorted(name for name, value in fields.items() if getattr(record, name) != value)
    stamp = ({"updated_at": timezone.now()}
             if any(f.name == "updated_at" for f in model._meta.concrete_fields)
             and "updated_at" not in fields else {})
    with transaction.atomic():
        rows = model._default_manager.filter(pk=record.pk, version=version, **(where or {}))
        if not rows.update(**fields, **stamp, version=version + 1):
            raise StaleWrite(stale or _("Someone else changed this record meanwhile. "
                                        "Reload the page."))
        record.refresh_from_db()
        audit.record(action, actor=actor, request=request,
                     object_type=object_type or model._meta.model_name or "",
                     object_id=record.pk if object_id is None else object_id,
                     reason=reason, actor_label=actor_label,
                     detail={"fields": changed} if detail is None else detail)
    return record
