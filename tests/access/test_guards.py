"""The guards refuse until vocab, audit and access have handed them what they need, and a
refusal that cannot be recorded fails the request."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from palermo import guards
from palermo.audit.models import AuditEvent
from tests.access.factories import UserFactory, api_token

pytestmark = pytest.mark.django_db


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("the page")


@pytest.fixture
def unregistered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guards as they are before any app's ready() has run."""
    monkeypatch.setattr(guards, "_hooks", guards._Hooks())


def _request(user: Any, **headers: str) -> HttpRequest:
    request = RequestFactory().get("/audit/", headers=headers)
    request.user = user
    return request


def test_the_apps_hand_the_guards_what_they_need() -> None:
    guards.requires("audit.view")
    with pytest.raises(ValueError, match=r"not in vocab/permissions\.yaml"):
        guards.requires("audit.no_such_permission")
    user = UserFactory(roles=["investigator"])
    _token, raw = api_token(user)
    assert guards.Permission("audit.view").authenticate(_request(user), raw) == user
    with pytest.raises(PermissionDenied):
        guards.requires("audit.view")(_page)(_request(user))
    assert AuditEvent.objects.filter(action="access.denied", outcome="denied").exists()


@pytest.mark.usefixtures("unregistered")
def test_without_vocab_no_permission_is_known() -> None:
    with pytest.raises(ValueError, match=r"not in vocab/permissions\.yaml"):
        guards.requires("audit.view")
    with pytest.raises(ValueError, match=r"not in vocab/permissions\.yaml"):
        guards.Permission("audit.view")


def test_without_access_no_token_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    user = UserFactory(roles=["investigator"])
    _token, raw = api_token(user)
    permission = guards.Permission("audit.view")
    monkeypatch.setattr(guards, "_hooks", guards._Hooks())
    assert permission.authenticate(_request(user), raw) is None
    docs = guards.signed_in_or_token(_page)
    answer = docs(_request(user, Authorization=f"Bearer {raw}"))
    assert answer.status_code == 401


def test_without_audit_a_refusal_fails_the_request(monkeypatch: pytest.MonkeyPatch) -> None:
    guarded = guards.requires("audit.view")(_page)
    monkeypatch.setattr(guards, "_hooks", guards._Hooks())
    with pytest.raises(ImproperlyConfigured):
        guarded(_request(UserFactory(roles=["investigator"])))
    assert not AuditEvent.objects.filter(action="access.denied").exists()


def test_a_refusal_that_cannot_be_recorded_fails_the_request(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(request: HttpRequest, permission: str) -> None:
        raise RuntimeError("the audit log is not writable")

    guarded = guards.requires("audit.view")(_page)
    monkeypatch.setattr(guards._hooks, "record_refusal", broken)
    with pytest.raises(RuntimeError):
        guarded(_request(UserFactory(roles=["investigator"])))
