"""A mistyped second-factor code: the next, correct code is taken at once; only a run of
wrong codes makes the user wait, and then the page says so instead of calling a right code
wrong."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from palermo.access.services import mfa
from tests.access.factories import PASSWORD, totp_now

pytestmark = pytest.mark.django_db

WRONG = "000000"


def wrong_code(device: TOTPDevice) -> str:
    return WRONG if totp_now(device) != WRONG else "111111"


def password_step(client: Client, user: Any) -> TOTPDevice:
    response = client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    assert response["Location"] == "/access/mfa/"
    return TOTPDevice.objects.get(user=user, confirmed=True)


def test_right_code_straight_after_a_wrong_one_signs_in(client: Client, user_with: Any) -> None:
    user = user_with("coordinator")
    device = password_step(client, user)
    refused = client.post("/access/mfa/", {"code": wrong_code(device)})
    assert "That code is not right" in refused.content.decode()
    response = client.post("/access/mfa/", {"code": totp_now(device)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_two_slips_then_the_right_code_signs_in(client: Client, user_with: Any) -> None:
    user = user_with("auditor")
    device = password_step(client, user)
    for _attempt in range(mfa.FREE_MISTAKES):
        client.post("/access/mfa/", {"code": wrong_code(device)})
    response = client.post("/access/mfa/", {"code": totp_now(device)})
    assert response.status_code == 302


def test_a_run_of_wrong_codes_makes_the_user_wait_and_says_so(client: Client,
                                                             user_with: Any) -> None:
    user = user_with("coordinator")
    device = password_step(client, user)
    for _attempt in range(mfa.FREE_MISTAKES + 1):
        client.post("/access/mfa/", {"code": wrong_code(device)})
    # Guessing stays slow: even the right code waits until the pause is over.
    response = client.post("/access/mfa/", {"code": totp_now(device)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Too many wrong codes in a row" in page
    assert "second" in page
    assert "That code is not right" not in page
    assert client.get("/")["Location"] == "/access/mfa/"


def test_the_wait_ends_and_the_right_code_is_taken(client: Client, user_with: Any) -> None:
    user = user_with("coordinator")
    device = password_step(client, user)
    for _attempt in range(mfa.FREE_MISTAKES + 1):
        client.post("/access/mfa/", {"code": wrong_code(device)})
    device.refresh_from_db()
    waited = device.throttling_failure_timestamp - mfa.wait(device)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=waited)
    response = client.post("/access/mfa/", {"code": totp_now(device)})
    assert response.status_code == 302


def test_setting_up_takes_the_right_code_after_a_wrong_one(client: Client,
                                                          user_with: Any) -> None:
    user = user_with("investigator", without_device=True)
    client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    client.get("/access/mfa/setup/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    refused = client.post("/access/mfa/setup/", {"code": wrong_code(device)})
    assert "That code is not right" in refused.content.decode()
    response = client.post("/access/mfa/setup/", {"code": totp_now(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
