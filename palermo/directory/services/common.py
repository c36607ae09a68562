"""What every directory rule needs: the permission check and the version-checked write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit

if TYPE_CHECKING:
    from palermo.access.models import User


def require(user: User, permission: str) -> None:
    if not user.has_perm(permission):
        raise NotAllowed(_("Your roles do not allow this."))


def unknown_fields(fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ServiceError(_("Unknown field %(name)s.") % {"name": unknown[0]}, field=unknown[0])


def save_versioned(record: models.Model, version: int, fields: dict[str, Any], *,
                   actor: User, request: HttpRequest | None, action: str) -> Any:
    """Write ``fields`` only if nobody changed the record since ``version`` was read."""
    changed = sorted(k for k, v in fields.items() if getattr(record, k) != v)
    extra = {"updated_at": timezone.now()} if hasattr(record, "updated_at") else {}
    model = type(record)
    with transaction.atomic():
        if not model._default_manager.filter(pk=record.pk, version=version).update(
                version=version + 1, **fields, **extra):
            raise StaleWrite(_("Someone else changed this record meanwhile. Reload the page."))
        record.refresh_from_db()
        audit.record(action, actor=actor, request=request,
                     object_type=model._meta.model_name or "", object_id=record.pk,
                     detail={"fields": changed})
    return record


def text(fields: dict[str, Any], name: str, label: str, *, required: bool = False,
         limit: int = 0) -> None:
    """Strip a text field in place; refuse it empty when required or longer than ``limit``."""
    if name not in fields:
        if required:
            raise ServiceError(_("Give the %(field)s.") % {"field": label}, field=name)
        return
    value = (fields[name] or "").strip()
    if required and not value:
        raise ServiceError(_("Give the %(field)s.") % {"field": label}, field=name)
    if limit and len(value) > limit:
        raise ServiceError(_("The %(field)s is longer than %(n)d characters.")
                           % {"field": label, "n": limit}, field=name)
    fields[name] = value
