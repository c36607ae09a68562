"""Fixture policy: tests run on the real database (SQLite by default, PostgreSQL when
PALERMO_TEST_DATABASE_URL is set), each in a transaction rolled back at the end. Nothing of
our own is mocked. Factories live beside the tests of their app (tests/<app>/factories.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client

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


@pytest.fixture
def user_with(db: Any) -> Any:
    """``user_with("auditor")`` makes a user holding that role (MFA set up if required)."""

    def make(*role_codes: str, **fields: Any) -> Any:
        return UserFactory(roles=list(role_codes), **fields)

    return make


def sign_in(client: Client, user: Any, password: str = PASSWORD) -> Client:
    """Sign in through the real form, giving the TOTP code when the user has a device."""
    response = client.post("/access/login/", {"username": user.email, "password": password})
    assert response.status_code == 302, response.content[:500]
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        response = client.post("/access/mfa/", {"code": totp_now(device)})
        assert response.status_code == 302, response.content[:500]
    return client


@pytest.fixture
def signed_in(client: Client, user_with: Any) -> Any:
    """``signed_in("auditor")`` gives a test client signed in as a new user with that role."""

    def make(*role_codes: str, **fields: Any) -> Client:
        return sign_in(client, user_with(*role_codes, **fields))

    return make


@pytest.fixture
def audit_triggers_removed(db: Any) -> Iterator[None]:
    """For tests that play an intruder editing the audit table behind the application's
    back: drop the append-only triggers inside the test's transaction."""
    triggers.remove(connection)
    yield
    triggers.install(connection)
