"""Roles as data: the default set comes from vocab/roles.yaml."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.models import Role, User
from palermo.access.services.errors import ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.vocab import registry


def sync_defaults() -> int:
    """Create any default role that is missing; never overwrite an administrator's edits."""
    created = 0
    for term in registry.get("roles"):
        _role, was_created = Role.objects.get_or_create(
            code=term.code,
            defaults={"name": term.label("en"), "permissions": term.extra["permission_codes"]},
        )
        created += was_created
    return created


def label(role: Role, language: str) -> str:
    vocabulary = registry.get("roles")
    return vocabulary.get(role.code).label(language) if role.code in vocabulary else role.name


def set_permissions(
    role: Role, permissions: list[str], *, actor: User, version: int,
    request: HttpRequest | None = None,
) -> Role:
    vocabulary = registry.get("permissions")
    unknown = [code for code in permissions if code not in vocabulary]
    if unknown:
        raise ServiceError(_("Unknown permission %(code)s.") % {"code": unknown[0]},
                           field="permissions")
    with transaction.atomic():
        updated = Role.objects.filter(pk=role.pk, version=version).update(
            permissions=sorted(set(permissions)), version=version + 1
        )
        if not updated:
            raise StaleWrite(_("This role was changed by someone else since you opened the page. "
                              "Reload it and make your change again."))
        before = set(role.permissions)
        role.refresh_from_db()
        audit.record(
            "role.permissions_change", actor=actor, request=request, object_type="role",
            object_id=role.pk,
            detail={"added": sorted(set(role.permissions) - before),
                    "removed": sorted(before - set(role.permissions))},
        )
    return role
