"""Personal API tokens: shown once, stored as SHA-256, revocable."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.models import ApiToken, User
from palermo.access.services import token_cache
from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit

PREFIX = "plm_"
# Writing last_used_at on every call would turn each API read into a write.
_LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create(
    user: User, name: str, *, actor: User | None, request: HttpRequest | None = None,
    expires_at: dt.datetime | None = None,
) -> tuple[ApiToken, str]:
    """Make a token for ``user``; returns it and the secret text, which is never stored."""
    name = name.strip()
    if not name:
        raise ServiceError(_("A token needs a name saying what it is for."), field="name")
    if not user.is_active:
        raise ServiceError(_("This user is disabled."), field="user")
    if not user.has_perm("access.use_api"):
        raise ServiceError(_("This user's roles do not allow API tokens."), field="user")
    raw = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name[:100], prefix=raw[: len(PREFIX) + 8], digest=_digest(raw),
            expires_at=expires_at,
        )
        audit.record(
            "token.create", actor=actor, request=request, object_type="token",
            object_id=token.pk, detail={"user": user.email, "name": token.name},
        )
    return token, raw


def authenticate(raw: str, *, request: HttpRequest | None = None) -> User | None:
    """The user a bearer token stands for, or None. Answered from this process's memory for
    at most token_cache.WINDOW_SECONDS after the database last said so (see token_cache)."""
    if not raw.startswith(PREFIX):
        return None
    digest = _digest(raw)
    cache = token_cache.cache
    entry = cache.get(digest)
    if entry is None:
        # The window counts from before the read, so no entry is older than it says.
        generation, read_at = cache.generation(), cache.clock()
        token = (
            ApiToken.objects.select_related("user", "user__agency")
            .prefetch_related("user__roles").filter(digest=digest).first()
        )
        if token is None or token.revoked_at is not None or not token.user.is_active:
            return None
        permissions = token.user.palermo_permissions()
        if "access.use_api" not in permissions:
            # The role that allowed the token was taken away since.
            return None
        entry = token_cache.Entry.of(token, permissions, read_at)
        cache.put(digest, entry, generation)
    now = cache.now()
    if entry.expires_at is not None and entry.expires_at <= now:
        return None
    _note_use(entry, now)
    return entry.user()


def _note_use(entry: token_cache.Entry, now: dt.datetime) -> None:
    """Write last_used_at at most once a minute per token: the condition in the UPDATE keeps
    that true across processes, the entry's own copy spares the statement in between."""
    last = entry.last_used_at
    if last is not None and now - last <= _LAST_USED_RESOLUTION:
        return
    with entry.lock:
        if entry.last_used_at is not None and now - entry.last_used_at <= _LAST_USED_RESOLUTION:
            return
        entry.last_used_at = now
    ApiToken.objects.filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - _LAST_USED_RESOLUTION),
        pk=entry.token_id,
    ).update(last_used_at=now)


def get(token_id: int) -> ApiToken | None:
    return ApiToken.objects.filter(pk=token_id).first()


def owned_by(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def revoke(
    token: ApiToken, *, actor: User | None, request: HttpRequest | None = None
) -> ApiToken:
    """``actor`` None is the operator at the command line."""
    if actor is not None and token.user_id != actor.pk and \
            not actor.has_perm("access.manage_users"):
        raise NotAllowed(_("You may revoke only your own tokens."))
    if token.revoked_at is None:
        with transaction.atomic():
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            token_cache.forget()
            audit.record(
                "token.revoke", actor=actor, request=request, object_type="token",
                object_id=token.pk, detail={"user": token.user.email, "name": token.name},
            )
    return token
