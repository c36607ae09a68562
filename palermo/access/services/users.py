"""Users: creation, changes, disabling, passwords and sessions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import password_validation
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.models import Agency, Role, User, normalise_email
from palermo.access.services import token_cache
from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.core.checks import known_fields
from palermo.core.versioned import save_versioned


def listing(*, include_disabled: bool = True) -> QuerySet[User]:
    users = User.objects.select_related("agency").prefetch_related("roles").order_by("email")
    return users if include_disabled else users.filter(is_active=True)


def holding(permission: str) -> QuerySet[User]:
    """Active users whose roles grant ``permission``."""
    # Roles are few and their permissions a JSON list: filtered in Python.
    role_ids = [role.pk for role in Role.objects.all() if permission in role.permissions]
    return listing(include_disabled=False).filter(roles__in=role_ids).distinct()


def administrator_exists() -> bool:
    """Whether an active user holds the administrator role (``palermo init`` runs once)."""
    return User.objects.filter(roles__code="administrator", is_active=True).exists()


def check_password(password: str, user: User | None = None) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), field="password") from None


def create(
    *, actor: User | None, email: str, full_name: str, agency: Agency, roles: list[Role],
    password: str | None = None, is_superuser: bool = False,
    request: HttpRequest | None = None,
) -> User:
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise ServiceError(_("%(email)s is not an email address.") % {"email": email},
                           field="email") from None
    if User.objects.filter(email=email).exists():
        raise ServiceError(_("A user with the email %(email)s already exists.") % {"email": email},
                           field="email")
    if not full_name.strip():
        raise ServiceError(_("A user needs a full name."), field="full_name")
    user = User(email=email, full_name=full_name.strip(), agency=agency,
                is_superuser=is_superuser, is_staff=is_superuser)
    if password:
        check_password(password, user)
        user.set_password(password)
    else:
        # No usable password until an administrator sets one on the user's page.
        user.set_unusable_password()
    with transaction.atomic():
        user.save()
        user.roles.set(roles)
        audit.record(
            "user.create", actor=actor, request=request, object_type="user", object_id=user.pk,
            detail={"email": email, "agency": agency.name,
                    "roles": sorted(role.code for role in roles),
                    "superuser": is_superuser},
        )
    return user


def update(
    user: User, *, actor: User, version: int, request: HttpRequest | None = None,
    **changes: Any,
) -> User:
    """Change profile fields and roles. ``version`` is what the editor read: a stale write
    is refused instead of overwriting someone else's change."""
    known_fields(changes, ("full_name", "agency", "roles", "language", "time_zone"))
    roles: list[Role] | None = changes.pop("roles", None)
    with transaction.atomic():
        before_roles = set(user.roles.values_list("code", flat=True))
        diff = {
            name: [str(getattr(user, name)), str(value)]
            for name, value in changes.items() if getattr(user, name) != value
        }
        save_versioned(user, version, changes, actor=actor, request=request,
                       action="user.update", object_type="user", detail={"changed": diff},
                       stale=_("This user was changed by someone else since you opened the "
                               "page. Reload it and make your change again."))
        token_cache.forget()
        if roles is not None:
            after_roles = {role.code for role in roles}
            if after_roles != before_roles:
                user.roles.set(roles)
                audit.record(
                    "user.roles_change", actor=actor, request=request, object_type="user",
                    object_id=user.pk,
                    detail={"added": sorted(after_roles - before_roles),
                            "removed": sorted(before_roles - after_roles)},
                )
    return user


def set_password(
    user: User, password: str, *, actor: User | None, request: HttpRequest | None = None
) -> None:
    check_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        audit.record("user.password_change", actor=actor, request=request,
                     object_type="user", object_id=user.pk)


def end_sessions(user: User) -> int:
    """Delete every session of ``user`` (Django also refuses a disabled user's session on its
    next request; this removes them at once)."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended


def disable(
    user: User, *, actor: User, reason: str = "", request: HttpRequest | None = None
) -> User:
    if user.pk == actor.pk:
        raise NotAllowed(_("You cannot disable your own account."))
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(
            is_active=False, disabled_at=timezone.now(), version=user.version + 1
        )
        token_cache.forget()
        ended = end_sessions(user)
        audit.record("user.disable", actor=actor, request=request, object_type="user",
                     object_id=user.pk, reason=reason, detail={"sessions_ended": ended})
    user.refresh_from_db()
    return user


def enable(user: User, *, actor: User, request: HttpRequest | None = None) -> User:
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(
            is_active=True, disabled_at=None, version=user.version + 1
        )
        token_cache.forget()
        audit.record("user.enable", actor=actor, request=request, object_type="user",
                     object_id=user.pk)
    user.refresh_from_db()
    return user


def set_language(user: User, language: str) -> None:
    User.objects.filter(pk=user.pk).update(language=language)
