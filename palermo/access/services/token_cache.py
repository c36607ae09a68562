"""What a bearer token was found to mean, remembered in this process for a few seconds.

Looking a token up costs two queries and the user's roles on every API call: more than the
call itself for a frontline check. So each server process remembers, for ``WINDOW_SECONDS``
at most, token digest -> (user, agency, permission set, token expiry). The window is the
decided bound on staleness across processes:

- a change made in this process (revoking a token, disabling a user, changing a user's roles
  or a role's permissions, renaming an agency) empties the memory at once, and again when its
  transaction commits, so no request that starts after the change is answered from before it;
- every other process forgets within ``WINDOW_SECONDS``, because an entry older than that is
  never used;
- the token's expiry is checked on every use, cached or not.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from palermo.access.models import Agency, ApiToken, Role, User

if TYPE_CHECKING:
    from collections.abc import Sequence

WINDOW_SECONDS = 5.0
_USER_FIELDS = tuple(f.attname for f in User._meta.concrete_fields)
_AGENCY_FIELDS = tuple(f.attname for f in Agency._meta.concrete_fields)


@dataclass
class Entry:
    token_id: int
    expires_at: dt.datetime | None
    user_values: Sequence[Any]
    agency_values: Sequence[Any]
    permissions: frozenset[str]
    cached_at: float
    # Written back to the database at most once a minute (see tokens.authenticate).
    last_used_at: dt.datetime | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def of(cls, token: ApiToken, permissions: frozenset[str], cached_at: float) -> Entry:
        user = token.user
        return cls(token.pk, token.expires_at,
                   tuple(getattr(user, name) for name in _USER_FIELDS),
                   tuple(getattr(user.agency, name) for name in _AGENCY_FIELDS),
                   permissions, cached_at, token.last_used_at)

    def user(self) -> User:
        """A fresh User for this request: requests never share a model instance."""
        user = User.from_db("default", _USER_FIELDS, self.user_values)
        user.agency = Agency.from_db("default", _AGENCY_FIELDS, self.agency_values)
        user._palermo_permissions = self.permissions
        return user


class TokenCache:
    """``clock`` is monotonic seconds; tests pass one they control."""

    def __init__(self, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], dt.datetime] = timezone.now) -> None:
        self.window = window
        self.clock = clock
        self.now = now
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()
        # Bumped by every forget(): a lookup that began before a change may not store what
        # it read (it could have read the database from before the change).
        self._generation = 0

    def generation(self) -> int:
        return self._generation

    def get(self, digest: str) -> Entry | None:
        entry = self._entries.get(digest)
        if entry is None:
            return None
        if not 0 <= self.clock() - entry.cached_at < self.window:
            with self._lock:
                if self._entries.get(digest) is entry:
                    del self._entries[digest]
            return None
        return entry

    def put(self, digest: str, entry: Entry, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self._entries[digest] = entry

    def forget(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


cache = TokenCache()


def forget() -> None:
    """Drop every remembered token now and again when the current transaction commits (a
    lookup between the two could read the database from before the change)."""
    cache.forget()
    transaction.on_commit(cache.forget)


def _changed(**kwargs: Any) -> None:
    forget()


# Any save or delete of what a token's meaning is made of, through services, forms or the
# Django admin. Services that change these with QuerySet.update() call forget() themselves.
for _model in (User, Role, Agency, ApiToken):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"token_cache_save_{_model.__name__}")
    post_delete.connect(_changed, sender=_model,
                        dispatch_uid=f"token_cache_delete_{_model.__name__}")
m2m_changed.connect(_changed, sender=User.roles.through, dispatch_uid="token_cache_roles")
