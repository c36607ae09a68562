"""One account, one spelling: the lockout and sign-in treat HEALTH@…, Health@… and a
full-width ｈｅａｌｔｈ@… as the same email (NFKC, casefolded, no surrounding spaces)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.models import User
from palermo.access.services import users
from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from tests.access.factories import PASSWORD, AgencyFactory, totp_now

pytestmark = pytest.mark.django_db

EMAIL = "health@agency.example"
VARIANTS = [
    "HEALTH@agency.example",
    "Health@Agency.Example",
    "ｈｅａｌｔｈ@ａｇｅｎｃｙ.example",  # full-width letters
    "ＨＥＡＬＴＨ＠ＡＧＥＮＣＹ．ＥＸＡＭＰＬＥ",  # full-width, upper case, full-width @ and dot
    "  health@agency.example ",
]


def attempt(client: Client, username: str, password: str) -> Any:
    return client.post("/access/login/", {"username": username, "password": password})


def test_after_five_failures_no_spelling_of_the_email_gets_fresh_tries(
    client: Client, user_with: Any
) -> None:
    user_with("trainer", email=EMAIL)
    for _attempt in range(5):
        attempt(client, EMAIL, "wrong" * 4)
    for variant in VARIANTS:
        # Even with the right password: the account is locked, not this spelling of it.
        response = attempt(client, variant, PASSWORD)
        assert response.status_code == 429, variant
        assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="auth.locked_out").exists()


def test_failures_spread_over_spellings_count_together(client: Client, user_with: Any) -> None:
    user_with("trainer", email=EMAIL)
    for variant in VARIANTS[:4]:
        assert attempt(client, variant, "wrong" * 4).status_code == 200
    # The fifth failure, in yet another spelling, locks the account.
    assert attempt(client, VARIANTS[4], "wrong" * 4).status_code == 429
    assert attempt(client, EMAIL, PASSWORD).status_code == 429


def test_another_spelling_signs_in_when_not_locked(user_with: Any) -> None:
    user = user_with("trainer", email=EMAIL)
    for variant in VARIANTS:
        client = Client()
        response = attempt(client, variant, PASSWORD)
        assert response["Location"] == "/access/mfa/", variant
        assert client.session["_auth_user_id"] == str(user.pk)
        client.post("/access/mfa/", {"code": totp_now(user.totpdevice_set.get())})
        assert client.get("/").status_code == 200


def test_emails_are_stored_in_one_spelling_and_a_second_spelling_is_a_duplicate() -> None:
    agency = AgencyFactory()
    user = users.create(actor=None, email=" Ｄana@Police.EXAMPLE ", full_name="Dana",
                        agency=agency, roles=[])
    assert user.email == "dana@police.example"
    with pytest.raises(ServiceError, match="already exists"):
        users.create(actor=None, email="DANA@police.example", full_name="Dana Two",
                     agency=agency, roles=[])
    # Whoever saves (the admin, a factory), the same spelling is kept.
    user.email = "DANA@POLICE.EXAMPLE"
    user.save()
    assert User.objects.get(pk=user.pk).email == "dana@police.example"


def test_the_migration_brings_stored_emails_to_the_one_spelling(user_with: Any) -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module("palermo.access.migrations.0004_normalise_emails")
    old = user_with("trainer")
    twin_a, twin_b = user_with("trainer"), user_with("trainer")
    # As saved before the rule (an update bypasses User.save).
    User.objects.filter(pk=old.pk).update(email="Old.Spelling@Agency.Example")
    User.objects.filter(pk=twin_a.pk).update(email="twin@agency.example")
    User.objects.filter(pk=twin_b.pk).update(email="TWIN@agency.example")
    migration.normalise(apps, None)
    assert User.objects.get(pk=old.pk).email == "old.spelling@agency.example"
    # A clash is left for an administrator, not settled by a guess.
    assert User.objects.get(pk=twin_b.pk).email == "TWIN@agency.example"
    response = attempt(Client(), "OLD.SPELLING@agency.example", PASSWORD)
    assert response["Location"] == "/access/mfa/"
