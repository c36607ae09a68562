"""Roles as data: the default set comes from vocab/roles.yaml."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.models import Role, User
from palermo.access.services import token_cache
from palermo.access.services.errors import ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.vocab import registry


def listing() -> QuerySet[Role]:
    return Role.objects.order_by("code")


def sync_defaults() -> int:
    """Bring the default roles in line with vocab/roles.yaml; returns how many were created.

    A permission that vocab/roles.yaml gives a role is added once (a new capability's
    permission reaches existing installations on upgrade) and remembered in
    ``seeded_permissions``, so one an administrator removed later is not added back.
    """
    created = 0
    for term in registry.get("roles"):
        defaults = list(term.extra["permission_codes"])
        role, was_created = Role.objects.get_or_create(
            code=term.code,
            defaults={"name": term.label("en"), "permissions": defaults,
                      "seeded_permissions": defaults},
        )
        if was_created:
            audit.record("role.create", object_type="role", object_id=role.pk,
                         detail={"code": role.code, "permissions": defaults})
        created += was_created
        new = [code for code in defaults if code not in role.seeded_permissions]
        if new:
            with transaction.atomic():
                role.permissions = sorted(set(role.permissions) | set(new))
                role.seeded_permissions = sorted(set(role.seeded_permissions) | set(new))
                role.version += 1
                role.save(update_fields=["permissions", "seeded_permissions", "version"])
                audit.record("role.permissions_change", object_type="role", object_id=role.pk,
                             detail={"added": new, "removed": [], "why": "new default"})
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
        token_cache.forget()
        before = set(role.permissions)
        role.refresh_from_db()
        audit.record(
            "role.permissions_change", actor=actor, request=request, object_type="role",
            object_id=role.pk,
            detail={"added": sorted(set(role.permissions) - before),
                    "removed": sorted(before - set(role.permissions))},
        )
    return role
