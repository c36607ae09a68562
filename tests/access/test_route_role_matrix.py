"""Every page route, for every default role: refused without the declared permission, and
never a server error with it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from palermo.guards import PUBLIC, SIGNED_IN, declared_permission
from palermo.vocab import registry
from tests.conftest import sign_in

ROLES = [term.code for term in registry.get("roles")]


def _routes(patterns: list[Any], prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            found += _routes(entry.url_patterns, f"{prefix}{entry.namespace}:"
                             if entry.namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{prefix}{entry.name}", entry))
    return found


def guarded_routes() -> list[tuple[str, URLPattern]]:
    return [(name, pattern) for name, pattern in _routes(get_resolver().url_patterns)
            if declared_permission(pattern.callback) not in (None, PUBLIC, SIGNED_IN)]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_page(role: str, world: dict[str, Any], user_with: Any) -> None:
    user = user_with(role)
    client = sign_in(Client(), user)
    for name, pattern in guarded_routes():
        kwargs = {key: world[key] for key in pattern.pattern.converters}
        url = reverse(name, kwargs=kwargs)
        permission = declared_permission(pattern.callback)
        response = client.get(url)
        if not user.has_perm(permission):
            assert response.status_code == 403, (role, name, response.status_code)
        else:
            assert response.status_code in (200, 302, 404, 405), (role, name,
                                                                  response.status_code)
