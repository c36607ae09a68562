"""Deny by default: every URL declares the permission it needs, and the API enforces it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from palermo.api import api
from palermo.exchange.api import PartnerSignature
from palermo.guards import (
    PUBLIC,
    DenyUndeclared,
    Permission,
    Published,
    declared_permission,
)
from tests.access.factories import api_token

# Public pages, each named on purpose: the sign-in flow, the health check, the language switch,
# and the check of a training certificate's code (shows name, course and date only).
EXPECTED_PUBLIC = {"access:login", "web:healthz", "web:switch_language", "training:verify"}
# The public portal's reporting pages (palermo/portal/views/reports.py).
EXPECTED_PUBLIC |= {"portal:root", "portal:report", "portal:report_return", "portal:report_add"}
# The portal's information pages, public notices (extracts only, with the information
# form) and published statistics (palermo/portal/views/pages.py, public_notices.py,
# statistics.py).
EXPECTED_PUBLIC |= {"portal:pages", "portal:page", "portal:notices", "portal:notice",
                    "portal:notice_photo", "portal:statistics", "portal:statistics_csv"}
# API operations that take no user, each named on purpose: the published message schema, and
# the inbox other installations deliver to, which only a trusted partner's signature opens.
EXPECTED_PUBLIC_API = {"GET /api/v1/exchange/schema/{version}"}
EXPECTED_PARTNER_SIGNED_API = {"POST /api/v1/exchange/inbox"}


def _walk(patterns: list[Any], namespaces: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, (*namespaces, entry.namespace or ""))
        elif isinstance(entry, URLPattern):
            names = [n for n in namespaces if n]
            yield ":".join([*names, entry.name or str(entry.pattern)]), entry.callback


def _is_api_operation(view: Any) -> bool:
    # ninja routes each path through a closure made by PathView.get_view; its operations are
    # checked one by one below. The API's docs are plain views and must declare like pages.
    return str(getattr(view, "__qualname__", "")).startswith("PathView.get_view.")


def page_routes() -> list[tuple[str, Any]]:
    """Every routed view but the API's operations (checked below) and the Django admin
    (guarded by OTPAdminSite: superuser with a verified second factor)."""
    return [
        (name, view) for name, view in _walk(get_resolver().url_patterns)
        if not name.startswith("admin:") and not _is_api_operation(view)
    ]


def api_operations(user_facing: bool = True) -> list[tuple[str, str, Any]]:
    """Every API operation; with ``user_facing``, only those a user's Permission guards."""
    found = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    found.append((method, f"/api/v1/{prefix.strip('/')}/{path.lstrip('/')}"
                                  .replace("//", "/"), operation))
    if user_facing:
        return [(m, p, op) for m, p, op in found
                if f"{m} {p}" not in EXPECTED_PUBLIC_API | EXPECTED_PARTNER_SIGNED_API]
    return found


# ninja's root marks where the API starts and answers every request with 404.
ALWAYS_NOT_FOUND = {"api:api-root"}


def test_every_page_declares_a_permission() -> None:
    undeclared = {name for name, view in page_routes() if declared_permission(view) is None}
    assert undeclared == ALWAYS_NOT_FOUND


@pytest.mark.django_db
def test_the_api_root_finds_nothing(client: Any) -> None:
    response = client.get("/api/v1/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
def test_api_docs_need_a_signed_in_user(client: Any, signed_in: Any) -> None:
    assert client.get("/api/v1/docs")["Location"].startswith("/access/login/")
    assert client.get("/api/v1/openapi.json")["Location"].startswith("/access/login/")
    reader = signed_in("trainer")
    assert reader.get("/api/v1/openapi.json").json()["info"]["title"] == "Palermo API"


def test_public_pages_are_exactly_the_expected_ones() -> None:
    public = {name for name, view in page_routes() if declared_permission(view) == PUBLIC}
    assert public == EXPECTED_PUBLIC


def test_every_api_operation_declares_a_permission() -> None:
    operations = api_operations(user_facing=False)
    assert len(operations) >= 8
    kinds = {f"{method} {path}": {type(a) for a in op.auth_callbacks}
             for method, path, op in operations}
    assert {name for name, k in kinds.items() if k == {Published}} == EXPECTED_PUBLIC_API
    assert {name for name, k in kinds.items()
            if k == {PartnerSignature}} == EXPECTED_PARTNER_SIGNED_API
    undeclared = [name for name, k in kinds.items()
                  if name not in EXPECTED_PUBLIC_API | EXPECTED_PARTNER_SIGNED_API
                  and (not k or k != {Permission})]
    assert undeclared == []


@pytest.mark.django_db
def test_partner_inbox_without_a_trusted_signature_is_401(client: Any, user_with: Any) -> None:
    _token, raw = api_token(user_with("coordinator"))
    for headers in ({}, {"HTTP_AUTHORIZATION": f"Bearer {raw}"},
                    {"HTTP_X_PALERMO_KEY": "unknownkey", "HTTP_X_PALERMO_SIGNATURE": "AA=="}):
        response = client.post("/api/v1/exchange/inbox", b"{}",
                               content_type="application/json", **headers)
        assert response.status_code == 401


def test_api_default_refuses_undeclared_operations() -> None:
    assert all(isinstance(a, DenyUndeclared) for a in api.auth)  # type: ignore[union-attr]


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), [(m, p) for m, p, _ in api_operations()])
def test_api_route_without_credentials_is_401_json(client: Any, method: str, path: str) -> None:
    response = client.generic(method, _concrete(path))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "operation"), api_operations())
def test_api_route_without_the_permission_is_403_json(
    client: Any, user_with: Any, method: str, path: str, operation: Any
) -> None:
    # A border officer holds few permissions but may use the API: routes they lack say 403.
    user = user_with("border_officer")
    _token, raw = api_token(user)
    needed = operation.auth_callbacks[0].permission
    response = client.generic(method, _concrete(path), HTTP_AUTHORIZATION=f"Bearer {raw}")
    if user.has_perm(needed):
        assert response.status_code != 403
    else:
        assert response.status_code == 403
        assert needed in response.json()["error"]["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", [n for n, v in page_routes()
                                  if declared_permission(v) not in (PUBLIC, None)])
def test_protected_pages_send_anonymous_users_to_sign_in(client: Any, name: str) -> None:
    from django.urls import reverse
    from django.urls.exceptions import NoReverseMatch

    for arity in range(3):
        try:
            url = reverse(name, args=[1] * arity)
            break
        except NoReverseMatch:
            continue
    response = client.get(url)
    assert response.status_code in (302, 405)
    if response.status_code == 302:
        assert response["Location"].startswith("/access/login/")
