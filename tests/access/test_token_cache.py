"""The in-process memory of bearer tokens: a change made here is seen at once, a change made
by another process within the window, an expired token never, and last_used_at is written at
most once a minute. The clock is the test's, not a sleep."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from palermo.access.models import ApiToken, Role, User
from palermo.access.services import roles, token_cache, tokens, users
from tests.access.factories import api_token

pytestmark = pytest.mark.django_db

CHECK = "/api/v1/screening/check"


class Clock:
    """Monotonic seconds for the window and a wall clock for expiry, both moved by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0
        self.wall = timezone.now()

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> dt.datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
        self.wall += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: Any) -> Clock:
    clock = Clock()
    monkeypatch.setattr(token_cache, "cache",
                        token_cache.TokenCache(clock=clock.monotonic, now=clock.now))
    return clock


def check(client: Client, raw: str) -> int:
    response = client.post(CHECK, {"document": {"number": "P1234567"}, "post": "test"},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    return int(response.status_code)


def behind_the_cache(model: type[Any], pk: int, **changes: Any) -> None:
    """A change as another worker makes it: straight to the database, no signal here."""
    model.objects.filter(pk=pk).update(**changes)


def test_a_remembered_token_costs_no_query(clock: Clock, user_with: Any,
                                           django_assert_num_queries: Any) -> None:
    user = user_with("border_officer")
    _token, raw = api_token(user)
    first = tokens.authenticate(raw)
    assert first is not None and len(token_cache.cache) == 1
    with django_assert_num_queries(0):
        again = tokens.authenticate(raw)
    assert again is not None and again is not first
    assert (again.pk, again.email, again.agency.name) == (user.pk, user.email, user.agency.name)
    assert again.has_perm("screening.check") and not again.has_perm("audit.view")


def test_revoking_a_token_refuses_it_at_once(client: Client, clock: Clock,
                                             user_with: Any) -> None:
    user = user_with("border_officer")
    token, raw = api_token(user)
    assert check(client, raw) == 200
    tokens.revoke(token, actor=user)
    assert check(client, raw) == 401


def test_disabling_the_user_refuses_the_token_at_once(client: Client, clock: Clock,
                                                      user_with: Any) -> None:
    user = user_with("border_officer")
    _token, raw = api_token(user)
    assert check(client, raw) == 200
    users.disable(user, actor=user_with("administrator"))
    assert check(client, raw) == 401


def test_a_role_losing_a_permission_counts_at_once(client: Client, clock: Clock,
                                                   user_with: Any) -> None:
    user = user_with("border_officer")
    _token, raw = api_token(user)
    assert check(client, raw) == 200
    role = Role.objects.get(code="border_officer")
    without = [code for code in role.permissions if code != "screening.check"]
    roles.set_permissions(role, without, actor=user_with("administrator"), version=role.version)
    assert check(client, raw) == 403
    role.refresh_from_db()
    roles.set_permissions(role, [c for c in without if c != "access.use_api"],
                          actor=user_with("administrator"), version=role.version)
    assert check(client, raw) == 401


def test_taking_a_role_from_the_user_counts_at_once(client: Client, clock: Clock,
                                                    user_with: Any) -> None:
    user = user_with("border_officer")
    _token, raw = api_token(user)
    assert check(client, raw) == 200
    user.roles.clear()
    assert check(client, raw) == 401


def test_an_expired_token_is_refused_even_while_remembered(client: Client, clock: Clock,
                                                           user_with: Any) -> None:
    user = user_with("border_officer")
    _token, raw = tokens.create(user, "shift", actor=user,
                                expires_at=clock.wall + dt.timedelta(seconds=2))
    assert check(client, raw) == 200
    clock.wall += dt.timedelta(seconds=2)  # the window has not moved: the entry is there
    assert len(token_cache.cache) == 1
    assert check(client, raw) == 401


def test_another_workers_change_is_seen_within_the_window(client: Client, clock: Clock,
                                                          user_with: Any) -> None:
    user = user_with("border_officer")
    token, raw = api_token(user)
    assert check(client, raw) == 200
    behind_the_cache(ApiToken, token.pk, revoked_at=timezone.now())
    clock.advance(token_cache.WINDOW_SECONDS - 0.01)
    assert check(client, raw) == 200, "still inside the window this process may use"
    clock.advance(0.01)
    assert check(client, raw) == 401
    assert len(token_cache.cache) == 0


def test_a_user_disabled_elsewhere_is_refused_after_the_window(client: Client, clock: Clock,
                                                               user_with: Any) -> None:
    user = user_with("border_officer")
    _token, raw = api_token(user)
    assert check(client, raw) == 200
    behind_the_cache(User, user.pk, is_active=False)
    clock.advance(token_cache.WINDOW_SECONDS)
    assert check(client, raw) == 401


def test_a_clock_that_goes_back_does_not_stretch_the_window(clock: Clock,
                                                            user_with: Any) -> None:
    user = user_with("border_officer")
    token, raw = api_token(user)
    assert tokens.authenticate(raw) is not None
    behind_the_cache(ApiToken, token.pk, revoked_at=timezone.now())
    clock.seconds -= 1
    assert tokens.authenticate(raw) is None


def test_a_lookup_that_began_before_a_change_is_not_kept(clock: Clock,
                                                         user_with: Any) -> None:
    user = user_with("border_officer")
    token, raw = api_token(user)
    cache = token_cache.cache
    began = cache.generation()
    read = ApiToken.objects.select_related("user__agency").get(pk=token.pk)
    tokens.revoke(token, actor=user)  # happens while the lookup is on its way
    cache.put("digest", token_cache.Entry.of(read, frozenset(), clock.monotonic()), began)
    assert len(cache) == 0
    assert tokens.authenticate(raw) is None


def test_last_used_is_written_at_most_once_a_minute(clock: Clock, user_with: Any) -> None:
    user = user_with("border_officer")
    token, raw = api_token(user)

    def last_used() -> dt.datetime | None:
        return ApiToken.objects.get(pk=token.pk).last_used_at

    tokens.authenticate(raw)
    first = last_used()
    assert first == clock.wall
    clock.advance(30)
    tokens.authenticate(raw)
    assert last_used() == first
    clock.advance(31)
    tokens.authenticate(raw)
    assert last_used() == clock.wall
    # Another process wrote it since: this one's copy is old, the database's condition is
    # what keeps the write from happening twice in a minute.
    behind_the_cache(ApiToken, token.pk, last_used_at=clock.wall + dt.timedelta(seconds=50))
    clock.advance(61)
    tokens.authenticate(raw)
    assert last_used() == clock.wall - dt.timedelta(seconds=11)
