"""A second factor for every role by default: an administrator may exempt a role that grants
nothing privileged, with a reason, version-checked and audited; the security page shows it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from palermo.access.services import roles
from palermo.access.services.errors import ServiceError, StaleWrite
from palermo.audit.models import AuditEvent
from tests.access.factories import PASSWORD, role

pytestmark = pytest.mark.django_db

REASON = "Shared classroom kiosk, no phones allowed"


def exempt(client: Client, code: str, reason: str = REASON, *, on: bool = True,
           version: int | None = None) -> Any:
    target = role(code)
    return client.post(f"/access/roles/{target.pk}/mfa-exemption/", {
        "exempt": "on" if on else "", "reason": reason,
        "version": target.version if version is None else version,
    })


def test_administrator_exempts_a_role_with_a_reason_and_it_is_audited(
    signed_in: Any, user_with: Any
) -> None:
    admin = signed_in("administrator")
    trainer = user_with("trainer", without_device=True)
    before = Client().post("/access/login/", {"username": trainer.email, "password": PASSWORD})
    assert before["Location"] == "/access/mfa/setup/"

    response = exempt(admin, "trainer")
    assert response.status_code == 302
    stored = role("trainer")
    assert stored.mfa_exempt_reason == REASON
    assert stored.mfa_exempt_by == admin.user and stored.mfa_exempt_at is not None
    event = AuditEvent.objects.get(action="role.mfa_exemption")
    assert event.reason == REASON and event.detail == {"exempt": True}
    assert event.actor == admin.user

    after = Client().post("/access/login/", {"username": trainer.email, "password": PASSWORD})
    assert after["Location"] == "/"


def test_an_exemption_needs_a_reason(signed_in: Any) -> None:
    admin = signed_in("administrator")
    response = exempt(admin, "trainer", reason="   ")
    assert response.status_code == 200
    assert not role("trainer").mfa_exempt
    assert not AuditEvent.objects.filter(action="role.mfa_exemption").exists()


def test_a_privileged_role_is_never_exempt_and_the_refusal_names_it(signed_in: Any) -> None:
    admin = signed_in("administrator")
    response = exempt(admin, "auditor")
    page = response.content.decode()
    assert response.status_code == 200
    # Named by the role's and the permissions' labels, never by their codes.
    assert "Auditor grants privileged permissions (Search the audit log, " in page
    assert not role("auditor").mfa_exempt


def test_a_stale_exemption_is_refused(signed_in: Any) -> None:
    admin = signed_in("administrator")
    stale = role("trainer").version
    roles.set_permissions(role("trainer"), ["web.view_dashboard"], actor=admin.user,
                          version=stale)
    response = exempt(admin, "trainer", version=stale)
    assert "changed by someone else" in response.content.decode()
    assert not role("trainer").mfa_exempt


def test_ending_an_exemption_needs_a_reason_and_brings_the_second_factor_back(
    signed_in: Any, user_with: Any
) -> None:
    admin = signed_in("administrator")
    exempt(admin, "trainer")
    assert exempt(admin, "trainer", reason="", on=False).status_code == 200
    assert role("trainer").mfa_exempt
    assert exempt(admin, "trainer", reason="Kiosks now have card readers",
                  on=False).status_code == 302
    stored = role("trainer")
    assert not stored.mfa_exempt and stored.mfa_exempt_by is None
    assert stored.requires_mfa
    ended = AuditEvent.objects.filter(action="role.mfa_exemption").latest("seq")
    assert ended.reason == "Kiosks now have card readers"
    assert ended.detail == {"exempt": False}
    trainer = user_with("trainer", without_device=True)
    response = Client().post("/access/login/", {"username": trainer.email,
                                                "password": PASSWORD})
    assert response["Location"] == "/access/mfa/setup/"


def test_pressing_exempt_twice_does_not_undo_it(signed_in: Any) -> None:
    admin = signed_in("administrator")
    first_version = role("trainer").version
    exempt(admin, "trainer")
    exempt(admin, "trainer", version=first_version + 1)
    assert role("trainer").mfa_exempt
    assert AuditEvent.objects.filter(action="role.mfa_exemption").count() == 1


def test_an_exempt_role_cannot_be_given_a_privileged_permission(signed_in: Any) -> None:
    admin = signed_in("administrator")
    exempt(admin, "trainer")
    trainer = role("trainer")
    response = admin.post(f"/access/roles/{trainer.pk}/", {
        "permissions": [*trainer.permissions, "person.view_identity"],
        "version": trainer.version,
    })
    assert "Trainer signs in without a second factor" in response.content.decode()
    assert "person.view_identity" not in role("trainer").permissions
    # Nor through the Django admin, which validates the model.
    trainer.permissions = [*trainer.permissions, "person.view_identity"]
    with pytest.raises(ValidationError):
        trainer.full_clean()


def test_an_upgrade_that_makes_an_exempt_role_privileged_ends_the_exemption(
    monkeypatch: Any, user_with: Any
) -> None:
    from palermo.vocab import registry

    trainer = role("trainer")
    roles.set_mfa_exemption(trainer, exempt=True, reason=REASON,
                            actor=user_with("administrator"), version=trainer.version)
    term = registry.get("roles").get("trainer")
    monkeypatch.setitem(term.extra, "permission_codes",
                        [*term.extra["permission_codes"], "person.view_identity"])
    roles.sync_defaults()
    trainer.refresh_from_db()
    assert "person.view_identity" in trainer.permissions
    assert not trainer.mfa_exempt and trainer.requires_mfa
    ended = AuditEvent.objects.filter(action="role.mfa_exemption").latest("seq")
    assert ended.detail == {"exempt": False} and ended.actor is None


def test_service_refuses_a_privileged_exemption_whoever_calls(user_with: Any) -> None:
    admin = user_with("administrator")
    target = role("administrator")
    with pytest.raises(ServiceError, match="Administrator grants privileged"):
        roles.set_mfa_exemption(target, exempt=True, reason=REASON, actor=admin,
                                version=target.version)
    trainer = role("trainer")
    with pytest.raises(StaleWrite):
        roles.set_mfa_exemption(trainer, exempt=True, reason=REASON, actor=admin,
                                version=trainer.version - 1)


def test_security_page_lists_every_role_and_who_exempted_which(
    signed_in: Any, user_with: Any
) -> None:
    admin = signed_in("administrator", full_name="Avi Admin")
    exempt(admin, "trainer")
    user_with("trainer")
    auditor = signed_in("auditor")
    page = auditor.get("/access/security/").content.decode()
    from palermo.vocab import registry

    for term in registry.get("roles"):
        assert f'data-testid="role-{term.code}"' in page
    row = page.split('data-testid="role-trainer"')[1].split("</tr>")[0]
    assert "exempt" in row and REASON in row and "Avi Admin" in row
    assert "<time" in row
    auditor_row = page.split('data-testid="role-auditor"')[1].split("</tr>")[0]
    assert "required" in auditor_row
    assert "Sign-in security" in admin.get("/access/roles/").content.decode()


def test_security_page_is_for_administrators_and_auditors_only(signed_in: Any) -> None:
    assert signed_in("administrator").get("/access/security/").status_code == 200
    for code in ("coordinator", "trainer", "investigator"):
        assert signed_in(code).get("/access/security/").status_code == 403
    assert AuditEvent.objects.filter(action="access.denied",
                                     detail__permission="access.view_security").exists()
