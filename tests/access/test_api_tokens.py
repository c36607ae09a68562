"""API tokens: shown once, hashed at rest, revocable, and the JSON error shapes."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.test import Client

from palermo.access.models import ApiToken
from palermo.access.services import tokens, users
from palermo.audit.models import AuditEvent
from tests.access.factories import api_token
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_token_reads_the_api_and_only_its_hash_is_stored(client: Client, user_with: Any) -> None:
    user = user_with("border_officer")
    token, raw = api_token(user)
    stored = ApiToken.objects.get(pk=token.pk)
    assert raw not in {stored.digest, stored.prefix}
    assert stored.digest == hashlib.sha256(raw.encode()).hexdigest()
    response = client.get("/api/v1/me", **bearer(raw))
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == user.email
    assert body["agency"]["name"] == user.agency.name
    assert "access.use_api" in body["permissions"]
    stored.refresh_from_db()
    assert stored.last_used_at is not None


def test_revoked_expired_and_unknown_tokens_are_401(client: Client, user_with: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    user = user_with("border_officer")
    revoked, raw_revoked = api_token(user, "old script")
    tokens.revoke(revoked, actor=user)
    _expired, raw_expired = tokens.create(user, "short", actor=user,
                                          expires_at=timezone.now() - timedelta(seconds=1))
    for raw in (raw_revoked, raw_expired, "plm_not-a-real-token", "garbage"):
        response = client.get("/api/v1/me", **bearer(raw))
        assert response.status_code == 401, raw
        assert response.json() == {"error": {
            "code": "unauthenticated",
            "message": "sign in or send a valid token in the Authorization: Bearer header",
            "fields": {}}}


def test_disabled_users_tokens_stop_working(client: Client, user_with: Any) -> None:
    user = user_with("border_officer")
    _token, raw = api_token(user)
    users.disable(user, actor=user_with("administrator"))
    assert client.get("/api/v1/me", **bearer(raw)).status_code == 401


def test_token_of_a_role_without_api_use_is_refused(client: Client, user_with: Any) -> None:
    from palermo.access.services.errors import ServiceError

    with pytest.raises(ServiceError, match="do not allow API tokens"):
        api_token(user_with("trainer"))


def test_user_creates_and_revokes_a_token_on_the_profile_page(
    client: Client, user_with: Any
) -> None:
    user = user_with("border_officer")
    sign_in(client, user)
    page = client.post("/access/me/tokens/", {"name": "screening kiosk"})
    assert page.status_code == 200
    raw = page.context["raw"]
    assert raw.startswith("plm_") and raw in page.content.decode()
    assert client.get("/api/v1/me", **bearer(raw)).status_code == 200
    # Shown once: the profile lists the token by its prefix only.
    profile = client.get("/access/me/").content.decode()
    assert "screening kiosk" in profile and raw not in profile
    token = ApiToken.objects.get(user=user)
    client.post(f"/access/me/tokens/{token.pk}/revoke/")
    assert client.get("/api/v1/me", **bearer(raw)).status_code == 401
    actions = list(AuditEvent.objects.filter(object_type="token").values_list("action", flat=True))
    assert actions == ["token.create", "token.revoke"]


def test_session_api_call_needs_the_second_factor(client: Client, user_with: Any) -> None:
    from tests.access.factories import PASSWORD

    user = user_with("auditor")
    client.post("/access/login/", {"username": user.email, "password": PASSWORD})
    assert client.get("/api/v1/audit/events").status_code == 401
    assert client.get("/api/v1/docs")["Location"] == "/access/mfa/"
    sign_in(client, user)
    assert client.get("/api/v1/audit/events").status_code == 200


def test_session_api_write_needs_csrf_token(user_with: Any) -> None:
    user = user_with("border_officer")
    token, _raw = api_token(user)
    client = sign_in(Client(enforce_csrf_checks=True), user)
    response = client.post(f"/api/v1/tokens/{token.pk}/revoke")
    assert response.status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def test_api_errors_are_json_with_status(client: Client, user_with: Any) -> None:
    user = user_with("auditor")
    _token, raw = api_token(user_with("administrator"))
    missing = client.get("/api/v1/users/999999", **bearer(raw))
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    nowhere = client.get("/api/v1/no-such-route", **bearer(raw))
    assert nowhere.status_code == 404
    assert nowhere.json()["error"]["code"] == "not_found"
    bad = client.get("/api/v1/users/not-a-number", **bearer(raw))
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid"
    assert "user_id" in bad.json()["error"]["fields"]
    assert user.pk  # the auditor exists but the administrator's token was used


def test_invalid_query_names_the_field(client: Client, user_with: Any) -> None:
    _token, raw = api_token(user_with("administrator"))
    # An administrator lacks audit.view: 403 comes before any parsing of the query.
    assert client.get("/api/v1/audit/events?since=yesterday", **bearer(raw)).status_code == 403
