"""Editing with review: an editor proposes a change to a decision, an opinion or a guide; it
is published only when a second editor, not its author, approves it, or it is sent back with
a reason. Every published version is kept; every step is audited."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.library import indexing, values
from palermo.library.models import ChangeState, ProposedChange, RecordVersion
from palermo.library.services import records

if TYPE_CHECKING:
    from palermo.access.models import User


def propose(kind: str, record: Any, *, actor: User, version: int,
            fields: dict[str, Any], note: str = "",
            request: HttpRequest | None = None) -> ProposedChange:
    """Keep the fields that differ from the record as a change waiting for review; nothing of
    the record changes. ``fields`` are Python values (a form's) or their JSON form (the
    API's)."""
    require(actor, "library.edit")
    current = indexing.KINDS[kind].objects.filter(pk=record.pk).values_list(
        "version", flat=True).first()
    if current != version:
        raise StaleWrite(_("Someone else changed this record meanwhile. Reload the page."))
    fields = values.from_json(fields)
    records.check_change(kind, record, fields)
    before = values.snapshot(record, records.FIELDS[kind])
    after = {name: values.to_json(value) for name, value in fields.items()}
    changed = {name: value for name, value in after.items()
               if _comparable(before.get(name)) != _comparable(value)}
    if not changed:
        raise ServiceError(_("Nothing was changed."))
    with transaction.atomic():
        change = ProposedChange.objects.create(
            kind=kind, record_id=record.pk, base_version=version, fields=changed,
            previous={name: before.get(name) for name in changed}, note=note.strip(),
            proposed_by=actor)
        audit.record("library.change.propose", actor=actor, request=request,
                     object_type=kind, object_id=record.pk,
                     detail={"change": change.pk, "fields": sorted(changed)})
    return change


def _comparable(value: Any) -> Any:
    # A browser sends a textarea's lines with CR LF and the form strips the ends: neither is
    # a change.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def pending(user: User) -> QuerySet[ProposedChange]:
    require(user, "library.edit")
    return ProposedChange.objects.filter(state=ChangeState.PENDING).select_related(
        "proposed_by").order_by("proposed_at", "pk")


def recent(user: User, limit: int = 20) -> list[ProposedChange]:
    """The latest changes already reviewed, newest first."""
    require(user, "library.edit")
    return list(ProposedChange.objects.exclude(state=ChangeState.PENDING).select_related(
        "proposed_by", "reviewed_by").order_by("-reviewed_at", "-pk")[:limit])


def get(user: User, change_id: int) -> ProposedChange:
    """``ProposedChange.DoesNotExist`` when there is none."""
    require(user, "library.edit")
    return ProposedChange.objects.select_related("proposed_by", "reviewed_by").get(
        pk=change_id)


def of_record(user: User, kind: str, record_id: int) -> QuerySet[ProposedChange]:
    require(user, "library.edit")
    return ProposedChange.objects.filter(kind=kind, record_id=record_id).select_related(
        "proposed_by", "reviewed_by")


@dataclass(frozen=True)
class Difference:
    field: str
    label: str
    old: str
    new: str


def _shown(value: Any) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


def diff(change: ProposedChange) -> list[Difference]:
    """Each changed field with its label, as it was and as it would be."""
    model = indexing.KINDS[change.kind]
    out = []
    for name in records.FIELDS[change.kind]:
        if name in change.fields:
            label = str(model._meta.get_field(name).verbose_name)
            out.append(Difference(name, label, _shown(change.previous.get(name)),
                                  _shown(change.fields[name])))
    return out


def _pending_for_review(change_id: int, actor: User) -> ProposedChange:
    require(actor, "library.edit")
    change = ProposedChange.objects.select_for_update().get(pk=change_id)
    if change.state != ChangeState.PENDING:
        raise ServiceError(_("This change has already been reviewed."))
    if change.proposed_by_id == actor.pk:
        raise NotAllowed(_("A second editor must review this change: you proposed it."))
    return change


def approve(change_id: int, *, actor: User, request: HttpRequest | None = None) -> Any:
    """Publish the change; the record as it was before is kept as its earlier version. A
    record changed since the proposal refuses it (the proposal stays pending)."""
    with transaction.atomic():
        change = _pending_for_review(change_id, actor)
        kind = change.kind
        record = indexing.KINDS[kind].objects.get(pk=change.record_id)
        if record.version == change.base_version:
            records.keep_version(kind, record)
        record = records.publish(kind, record, actor=actor, version=change.base_version,
                                 change=change, request=request,
                                 fields=values.from_json(change.fields))
        change.state, change.reviewed_by, change.reviewed_at = (
            ChangeState.APPROVED, actor, timezone.now())
        change.save(update_fields=["state", "reviewed_by", "reviewed_at"])
        audit.record("library.change.approve", actor=actor, request=request,
                     object_type=kind, object_id=record.pk,
                     detail={"change": change.pk, "version": record.version})
    return record


def send_back(change_id: int, *, actor: User, reason: str,
              request: HttpRequest | None = None) -> ProposedChange:
    if not reason.strip():
        raise ServiceError(_("Say why the change is sent back."), field="reason")
    with transaction.atomic():
        change = _pending_for_review(change_id, actor)
        change.state, change.reviewed_by, change.reviewed_at, change.reason = (
            ChangeState.RETURNED, actor, timezone.now(), reason.strip())
        change.save(update_fields=["state", "reviewed_by", "reviewed_at", "reason"])
        audit.record("library.change.return", actor=actor, request=request,
                     object_type=change.kind, object_id=change.record_id,
                     reason=change.reason, detail={"change": change.pk})
    return change


def versions(user: User, kind: str, record_id: int) -> list[RecordVersion]:
    """The published versions of a record, newest first."""
    require(user, "library.view")
    return list(RecordVersion.objects.filter(kind=kind, record_id=record_id)
                .select_related("change__proposed_by", "change__reviewed_by")
                .order_by("-version"))
