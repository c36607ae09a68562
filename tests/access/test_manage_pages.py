"""Administrators manage users, agencies and roles through proper pages."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.access.models import Agency, Role, User
from palermo.audit.models import AuditEvent
from palermo.vocab import registry
from tests.access.factories import AgencyFactory, role

pytestmark = pytest.mark.django_db


def test_administrator_adds_a_user_with_roles(signed_in: Any) -> None:
    client = signed_in("administrator")
    agency = AgencyFactory(name="Ministry of Health", kind="health")
    response = client.post("/access/users/new/", {
        "email": "New.Doctor@Health.example", "full_name": "Dr. Miriam Cohen",
        "agency": agency.pk, "roles": [role("health_worker").pk], "language": "he",
        "time_zone": "Asia/Jerusalem", "password": "a long passphrase nobody guesses",
    })
    assert response.status_code == 302
    user = User.objects.get(email="new.doctor@health.example")
    assert [r.code for r in user.roles.all()] == ["health_worker"]
    assert (user.language, user.time_zone) == ("he", "Asia/Jerusalem")
    created = AuditEvent.objects.get(action="user.create")
    assert created.detail["roles"] == ["health_worker"]


def test_weak_password_is_refused_next_to_the_field(signed_in: Any) -> None:
    client = signed_in("administrator")
    agency = AgencyFactory()
    response = client.post("/access/users/new/", {
        "email": "weak@agency.example", "full_name": "Weak Password", "agency": agency.pk,
        "language": "en", "time_zone": "UTC", "password": "password1234",
    })
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "password" in errors
    assert "too common" in " ".join(errors["password"])
    assert not User.objects.filter(email="weak@agency.example").exists()


def test_stale_edit_is_refused_not_lost(signed_in: Any, user_with: Any) -> None:
    client = signed_in("administrator")
    target = user_with("trainer", full_name="Original Name")
    form = {"full_name": "First Editor", "agency": target.agency.pk, "language": "en",
            "time_zone": "UTC", "roles": [role("trainer").pk], "version": target.version}
    assert client.post(f"/access/users/{target.pk}/", form).status_code == 302
    stale = client.post(f"/access/users/{target.pk}/", {**form, "full_name": "Second Editor"})
    assert stale.status_code == 200
    assert "changed by someone else" in stale.content.decode()
    target.refresh_from_db()
    assert target.full_name == "First Editor"


def test_role_change_is_audited_as_a_permission_change(signed_in: Any, user_with: Any) -> None:
    client = signed_in("administrator")
    target = user_with("trainer")
    client.post(f"/access/users/{target.pk}/", {
        "full_name": target.full_name, "agency": target.agency.pk, "language": "en",
        "time_zone": "UTC", "roles": [role("auditor").pk], "version": target.version,
    })
    change = AuditEvent.objects.get(action="user.roles_change")
    assert change.detail == {"added": ["auditor"], "removed": ["trainer"]}


def test_disable_needs_a_reason_and_cannot_target_oneself(signed_in: Any,
                                                          user_with: Any) -> None:
    client = signed_in("administrator")
    me = client.user
    target = user_with("trainer")
    client.post(f"/access/users/{target.pk}/disable/", {"reason": ""})
    target.refresh_from_db()
    assert target.is_active
    client.post(f"/access/users/{target.pk}/disable/", {"reason": "left the service"})
    target.refresh_from_db()
    assert not target.is_active
    client.post(f"/access/users/{me.pk}/disable/", {"reason": "oops"})
    me.refresh_from_db()
    assert me.is_active


def test_agency_needs_a_known_kind_and_country(signed_in: Any) -> None:
    client = signed_in("administrator")
    bad = client.post("/access/agencies/", {"name": "X", "kind": "spies", "country": "XXX"})
    assert set(bad.context["form"].errors) == {"kind", "country"}
    good = client.post("/access/agencies/", {"name": "Ministry of Foreign Affairs",
                                             "kind": "foreign_affairs", "country": "ISR"})
    assert good.status_code == 302
    assert Agency.objects.filter(name="Ministry of Foreign Affairs").exists()
    listing = client.get("/access/agencies/").content.decode()
    assert "Israel" in listing and "Foreign affairs" in listing


def test_role_permissions_are_edited_as_data(signed_in: Any) -> None:
    client = signed_in("administrator")
    trainer = role("trainer")
    response = client.post(f"/access/roles/{trainer.pk}/", {
        "permissions": ["web.view_dashboard", "vocab.view", "access.use_api"],
        "version": trainer.version,
    })
    assert response.status_code == 302
    trainer.refresh_from_db()
    assert "access.use_api" in trainer.permissions
    event = AuditEvent.objects.get(action="role.permissions_change")
    assert event.detail["added"] == ["access.use_api"]
    assert "access.view_own_profile" in event.detail["removed"]


def test_every_role_requires_mfa_unless_exempt_and_privileged_ones_always() -> None:
    assert all(role(term.code).requires_mfa for term in registry.get("roles"))
    assert not Role(permissions=["web.view_dashboard"], mfa_exempt_reason="kiosk").requires_mfa
    # An exemption never reaches a privileged permission, however it got there.
    assert Role(permissions=["web.view_dashboard", "person.view_identity"],
                mfa_exempt_reason="kiosk").requires_mfa


def test_non_administrators_cannot_manage_users(signed_in: Any) -> None:
    client = signed_in("coordinator")
    assert client.get("/access/users/").status_code == 403
    assert client.get("/api/v1/users").status_code == 403


def test_administrator_revokes_another_users_token(signed_in: Any, user_with: Any) -> None:
    from tests.access.factories import api_token

    client = signed_in("administrator")
    holder = user_with("border_officer")
    token, raw = api_token(holder, "lost laptop")
    page = client.get(f"/access/users/{holder.pk}/").content.decode()
    assert "lost laptop" in page and raw not in page
    client.post(f"/access/users/{holder.pk}/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_a_new_default_permission_reaches_existing_roles_once(monkeypatch: Any) -> None:
    from palermo.access.services import roles as role_services
    from palermo.vocab import registry

    trainer = role("trainer")
    term = registry.get("roles").get("trainer")
    codes = [*term.extra["permission_codes"], "access.use_api"]
    monkeypatch.setitem(term.extra, "permission_codes", codes)
    role_services.sync_defaults()
    trainer.refresh_from_db()
    assert "access.use_api" in trainer.permissions
    # An administrator takes it away again; the next upgrade leaves it away.
    trainer.permissions = [c for c in trainer.permissions if c != "access.use_api"]
    trainer.save()
    role_services.sync_defaults()
    trainer.refresh_from_db()
    assert "access.use_api" not in trainer.permissions
