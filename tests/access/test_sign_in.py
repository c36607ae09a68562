"""Signing in through the real form: password, second factor, lockout, session lifetime."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client

from palermo.access.middleware import LOGIN_AT, SEEN_AT
from palermo.audit.models import AuditEvent
from tests.access.factories import PASSWORD, role, totp_now
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_privileged_user_signs_in_with_totp_and_sees_dashboard_in_english_and_hebrew(
    client: Client, user_with: Any
) -> None:
    user = user_with("coordinator", full_name="Noa Levi")
    response = client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    assert response["Location"] == "/access/mfa/"
    # Without the second factor the dashboard stays out of reach.
    assert client.get("/")["Location"] == "/access/mfa/"
    device = user.totpdevice_set.get()
    response = client.post("/access/mfa/", {"code": totp_now(device)})
    assert response.status_code == 302

    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    html = english.content.decode()
    assert english.status_code == 200
    assert 'lang="en" dir="ltr"' in html
    assert "Welcome, <bdi>Noa</bdi>." in html
    assert user.agency.name in html
    assert "Coordinator" in html

    client.post("/language", {"language": "he", "next": "/"})
    hebrew = client.get("/").content.decode()
    assert 'lang="he" dir="rtl"' in hebrew
    assert "לוח הבקרה" in hebrew or "לוח בקרה" in hebrew
    assert "מתאם/ת" in hebrew  # the role's Hebrew label from vocab/roles.yaml
    user.refresh_from_db()
    assert user.language == "he"


def test_wrong_totp_code_is_refused_and_audited(client: Client, user_with: Any) -> None:
    user = user_with("auditor")
    client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    response = client.post("/access/mfa/", {"code": "000000"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/")["Location"] == "/access/mfa/"
    assert AuditEvent.objects.filter(action="mfa.verify", outcome="failure",
                                     actor=user).exists()


def test_privileged_user_without_device_must_enrol_first(client: Client, user_with: Any) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = user_with("investigator", without_device=True)
    response = client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    assert response["Location"] == "/access/mfa/setup/"
    page = client.get("/access/mfa/setup/").content.decode()
    assert "<svg" in page and "totp-secret" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/access/mfa/setup/", {"code": totp_now(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action="mfa.enrol", actor=user, outcome="success").exists()


def test_a_role_without_privileged_permissions_still_asks_for_a_second_factor(
    client: Client, user_with: Any
) -> None:
    user = user_with("trainer", without_device=True)
    response = client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    assert response["Location"] == "/access/mfa/setup/"
    assert client.get("/")["Location"] == "/access/mfa/setup/"


def test_a_user_without_roles_asks_for_a_second_factor(client: Client, user_with: Any) -> None:
    user = user_with(without_device=True)
    response = client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    assert response["Location"] == "/access/mfa/setup/"


def test_only_a_user_whose_roles_are_all_exempt_signs_in_with_password_only(
    user_with: Any
) -> None:
    from palermo.access.services import roles

    admin = user_with("administrator")
    trainer = role("trainer")
    roles.set_mfa_exemption(trainer, exempt=True, reason="classroom kiosk", actor=admin,
                            version=trainer.version)
    alone = Client()
    response = alone.post("/access/login/", {"username": user_with("trainer").email,
                                             "password": PASSWORD})
    assert response["Location"] == "/"
    assert alone.get("/").status_code == 200
    # One more role that is not exempt brings the second factor back.
    both = user_with("trainer", "juror", without_device=True)
    response = Client().post("/access/login/", {"username": both.email, "password": PASSWORD})
    assert response["Location"] == "/access/mfa/setup/"


def test_wrong_password_says_so_and_is_audited(client: Client, user_with: Any) -> None:
    user = user_with("trainer")
    response = client.post("/access/login/", {"username": user.email, "password": "nope" * 4})
    assert response.status_code == 200
    assert "The email or password is not right" in response.content.decode()
    failure = AuditEvent.objects.get(action="auth.login", outcome="failure")
    assert failure.actor_label == user.email
    assert failure.ip == "127.0.0.1"


def test_five_failures_lock_the_account_for_ten_minutes(client: Client, user_with: Any) -> None:
    user = user_with("trainer")
    for _attempt in range(5):
        client.post("/access/login/", {"username": user.email, "password": "wrong" * 4})
    response = client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "locked for ten minutes" in response.content.decode()
    assert client.get("/")["Location"].startswith("/access/login/")
    assert AuditEvent.objects.filter(action="auth.locked_out").exists()


def test_idle_session_ends_after_thirty_minutes(client: Client, user_with: Any) -> None:
    sign_in(client, user_with("trainer"))
    assert client.get("/").status_code == 200
    session = client.session
    session[SEEN_AT] = time.time() - 31 * 60
    session.save()
    response = client.get("/")
    assert response["Location"].startswith("/access/login/")
    assert AuditEvent.objects.filter(action="auth.session_expired").exists()


def test_session_ends_after_twelve_hours_even_when_active(client: Client, user_with: Any) -> None:
    sign_in(client, user_with("trainer"))
    session = client.session
    session[LOGIN_AT] = time.time() - 12 * 3600 - 1
    session[SEEN_AT] = time.time()
    session.save()
    assert client.get("/")["Location"].startswith("/access/login/")


def test_active_session_is_kept(client: Client, user_with: Any) -> None:
    sign_in(client, user_with("trainer"))
    session = client.session
    session[SEEN_AT] = time.time() - 29 * 60
    session.save()
    assert client.get("/").status_code == 200


def test_sign_out_ends_the_session(client: Client, user_with: Any) -> None:
    user = user_with("trainer")
    sign_in(client, user)
    response = client.post("/access/logout/")
    assert response["Location"] == "/access/login/"
    assert client.get("/")["Location"].startswith("/access/login/")
    assert AuditEvent.objects.filter(action="auth.logout", actor=user).exists()


def test_disabling_a_user_ends_all_their_sessions(user_with: Any) -> None:
    from palermo.access.services import users

    target = user_with("trainer")
    admin = user_with("administrator")
    first, second = sign_in(Client(), target), sign_in(Client(), target)
    assert first.get("/").status_code == 200
    users.disable(target, actor=admin, reason="left the agency")
    for session in (first, second):
        assert session.get("/")["Location"].startswith("/access/login/")
    event = AuditEvent.objects.get(action="user.disable")
    assert event.reason == "left the agency"
    assert event.detail["sessions_ended"] == 2


def test_session_cookie_is_secure_and_http_only(client: Client, user_with: Any) -> None:
    user = user_with("trainer")
    client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_lockout_behind_a_proxy_locks_only_the_attacking_client(
    client: Client, user_with: Any, settings: Any
) -> None:
    settings.PALERMO_PROXY_COUNT = 1
    user = user_with("trainer")
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    colleague = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.4"}
    for _attempt in range(5):
        client.post("/access/login/", {"username": user.email, "password": "wrong" * 4},
                    **attacker)
    locked = client.post("/access/login/", {"username": user.email, "password": PASSWORD},
                         **attacker)
    assert locked.status_code == 429
    other = Client().post("/access/login/", {"username": user.email, "password": PASSWORD},
                          **colleague)
    assert other.status_code == 302
    assert AuditEvent.objects.filter(action="auth.locked_out", ip="203.0.113.9").exists()
