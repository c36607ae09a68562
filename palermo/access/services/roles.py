"""Roles as data: the default set comes from vocab/roles.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from palermo.access.models import Role, User
from palermo.access.services import token_cache
from palermo.access.services.errors import ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.core.versioned import save_versioned
from palermo.vocab import registry


def listing() -> QuerySet[Role]:
    return Role.objects.order_by("code")


def with_codes(codes: list[str]) -> dict[str, Role]:
    """The roles among ``codes`` that exist, by code; a code without a role is left out."""
    return {role.code: role for role in Role.objects.filter(code__in=codes)}


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
                if role.mfa_exempt and role.privileged_permissions():
                    # An upgrade made the role privileged: the exemption cannot stand.
                    _write_exemption(role, exempt=False, actor=None, request=None,
                                     reason="a privileged default permission was added")
    return created


def label(role: Role, language: str) -> str:
    vocabulary = registry.get("roles")
    return vocabulary.get(role.code).label(language) if role.code in vocabulary else role.name


@dataclass(frozen=True)
class MfaRow:
    role: Role
    label: str
    requires_mfa: bool
    privileged: bool
    active_users: int


def mfa_overview(language: str) -> list[MfaRow]:
    """Each role, whether it needs a second factor, and for an exempt one why, by whom and
    when (on the role itself)."""
    listing = Role.objects.select_related("mfa_exempt_by").annotate(
        active_users=Count("users", filter=Q(users__is_active=True))).order_by("code")
    return [MfaRow(role, label(role, language), role.requires_mfa,
                   bool(role.privileged_permissions()), role.active_users)
            for role in listing]


def set_permissions(
    role: Role, permissions: list[str], *, actor: User, version: int,
    request: HttpRequest | None = None,
) -> Role:
    vocabulary = registry.get("permissions")
    unknown = [code for code in permissions if code not in vocabulary]
    if unknown:
        raise ServiceError(_("Unknown permission %(code)s.") % {"code": unknown[0]},
                           field="permissions")
    language = translation.get_language() or "en"
    privileged = [code for code in permissions if vocabulary.get(code).extra.get("privileged")]
    if role.mfa_exempt and privileged:
        raise ServiceError(
            _("%(role)s signs in without a second factor, so it cannot hold a privileged "
              "permission such as “%(permission)s”. End its exemption first.")
            % {"role": label(role, language), "permission": vocabulary.get(privileged[0]).label(
                language)},
            field="permissions")
    before, after = set(role.permissions), set(permissions)
    with transaction.atomic():
        # An exemption bumps the version too, so one made since the editor read the role
        # makes this write stale rather than privileged and exempt at once.
        save_versioned(role, version, {"permissions": sorted(after)}, actor=actor,
                       request=request, action="role.permissions_change", object_type="role",
                       detail={"added": sorted(after - before), "removed": sorted(before - after)},
                       stale=_("This role was changed by someone else since you opened the "
                               "page. Reload it and make your change again."))
        token_cache.forget()
    return role


def set_mfa_exemption(
    role: Role, *, exempt: bool, reason: str, actor: User | None, version: int,
    request: HttpRequest | None = None,
) -> Role:
    """Exempt a role from the second factor, or end its exemption. Both need a reason, are
    version-checked and audited; a role granting a privileged permission is never exempt."""
    reason = reason.strip()
    language = translation.get_language() or "en"
    name = label(role, language)
    if not reason:
        raise ServiceError(_("Say why."), field="reason")
    if exempt and role.privileged_permissions():
        vocabulary = registry.get("permissions")
        raise ServiceError(
            _("%(role)s grants privileged permissions (%(permissions)s), so it always needs a "
              "second factor.")
            % {"role": name, "permissions": ", ".join(
                vocabulary.get(code).label(language) for code in role.privileged_permissions())},
            field="reason")
    if exempt == role.mfa_exempt:
        message = (_("%(role)s is already exempt from the second factor.") if exempt
                   else _("%(role)s already requires a second factor."))
        raise ServiceError(message % {"role": name}, field="reason")
    with transaction.atomic():
        if not _write_exemption(role, exempt=exempt, reason=reason, actor=actor,
                                request=request, version=version):
            raise StaleWrite(_("This role was changed by someone else since you opened the "
                               "page. Reload it and make your change again."))
    return role


def _write_exemption(
    role: Role, *, exempt: bool, reason: str, actor: User | None,
    request: HttpRequest | None, version: int | None = None,
) -> bool:
    """Store the exemption (or its end) and audit it; False when ``version`` is stale."""
    rows = Role.objects.filter(pk=role.pk)
    if version is not None:
        rows = rows.filter(version=version)
    updated = rows.update(
        mfa_exempt_reason=reason if exempt else "",
        mfa_exempt_by=actor if exempt else None,
        mfa_exempt_at=timezone.now() if exempt else None,
        version=F("version") + 1,
    )
    if not updated:
        return False
    token_cache.forget()
    audit.record("role.mfa_exemption", actor=actor, request=request, object_type="role",
                 object_id=role.pk, reason=reason, detail={"exempt": exempt})
    role.refresh_from_db()
    return True
