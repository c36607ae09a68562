"""Fixture policy: tests run on the real database (SQLite by default, PostgreSQL when
PALERMO_TEST_DATABASE_URL is set), each in a transaction rolled back at the end. Nothing of
our own is mocked. Factories live beside the tests of their app (tests/<app>/factories.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.utils import translation

from palermo.audit import triggers
from tests.access.factories import PASSWORD, UserFactory, totp_now


def pytest_sessionstart(session: Any) -> None:
    required = os.environ.get("PALERMO_REQUIRE_DATABASE")
    if required:
        from django.conf import settings

        engine = settings.DATABASES["default"]["ENGINE"]
        if required not in engine:
            raise pytest.UsageError(
                f"PALERMO_REQUIRE_DATABASE={required} but the tests would run on {engine}"
            )


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """Heavy tests (marker ``heavy``) run only when PALERMO_HEAVY_TESTS=1: CI sets it in one
    of its database passes. Tests on a database of their own (marker ``own_database``) run in
    the SQLite pass only. Otherwise they are deselected, and pytest's summary says how many,
    so that leaving them out is a visible decision rather than a skip that reads as a pass."""
    left_out = set()
    if os.environ.get("PALERMO_HEAVY_TESTS") != "1":
        left_out.add("heavy")
    # A test marked ``own_database`` runs palermo on a SQLite file of its own: the suite's
    # database plays no part, so the PostgreSQL pass would only repeat the SQLite pass.
    if "postgresql" in os.environ.get("PALERMO_TEST_DATABASE_URL", ""):
        left_out.add("own_database")
    dropped = [item for item in items
               if any(item.get_closest_marker(name) for name in left_out)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


@pytest.fixture(autouse=True)
def _own_data_dir(settings: Any, tmp_path: Any) -> None:
    """Each test writes keys and files (message keys, exchange keys, documents) in a data
    directory of its own, never in the checkout's var/."""
    settings.DATA_DIR = tmp_path


@pytest.fixture(autouse=True)
def _language_of_its_own() -> Iterator[None]:
    """A request in Hebrew leaves Hebrew active in the thread; each test starts and ends in
    the default language, so none reads the messages of the test before it."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def user_with(db: Any) -> Any:
    """``user_with("auditor")`` makes a user holding that role (MFA set up if required)."""

    def make(*role_codes: str, **fields: Any) -> Any:
        return UserFactory(roles=list(role_codes), **fields)

    return make


def sign_in(client: Client, user: Any, password: str = PASSWORD) -> Client:
    """Sign in through the real form, giving the TOTP code when the user has a device."""
    client.get("/access/login/")
    csrf = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    response = client.post("/access/login/",
                           {"username": user.email, "password": password, **csrf})
    assert response.status_code == 302, response.content[:500]
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        # Signing in rotates the CSRF token.
        csrf = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
        response = client.post("/access/mfa/", {"code": totp_now(device), **csrf})
        assert response.status_code == 302, response.content[:500]
    return client


@pytest.fixture
def signed_in(user_with: Any) -> Any:
    """``signed_in("auditor")`` gives a new test client signed in as a new user with that
    role; ``.user`` on the client is that user."""

    def make(*role_codes: str, **fields: Any) -> Client:
        user = user_with(*role_codes, **fields)
        client = sign_in(Client(), user)
        client.user = user  # type: ignore[attr-defined]
        return client

    return make


@pytest.fixture
def committed_db(transactional_db: Any) -> Iterator[None]:
    """Committed data, as a live server or another connection sees it; the database is
    flushed afterwards, with the append-only triggers lifted for that flush only."""
    triggers.install(connection)
    yield
    triggers.remove(connection)


@pytest.fixture
def audit_triggers_removed(db: Any) -> Iterator[None]:
    """For tests that play an intruder editing the audit table behind the application's
    back: drop the append-only triggers inside the test's transaction."""
    triggers.remove(connection)
    yield
    triggers.install(connection)


def palermo_cli(tmp_path: Any, database_url: str | None = None) -> tuple[list[str], dict[str, str]]:
    """The installed ``palermo`` command and an environment pointing it at its own database
    (a fresh SQLite file unless ``database_url`` is given)."""
    import sys
    from pathlib import Path

    command = [str(Path(sys.executable).parent / "palermo")]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "palermo.settings",
           "PALERMO_DATA_DIR": str(tmp_path),
           "PALERMO_DATABASE_URL": database_url or f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    return command, env
