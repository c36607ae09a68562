"""Whatever arrives, the import answers with a clear refusal or takes it; never a server
error, never a half-written record."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from palermo.exchange.models import CaseReport
from tests.access.factories import api_token
from tests.exchange.factories import exchange, signed

pytestmark = pytest.mark.django_db

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=4),
    max_leaves=20)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data[path[0]] = _replace(data[path[0]], path[1:], value)
    return data


@pytest.fixture
def base() -> tuple[Any, bytes, str]:
    world = exchange()
    _t, token = api_token(world.receiver)
    return world, signed(world, identities=True), token


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_messages_never_break_the_import(base: tuple[Any, bytes, str],
                                                 data: Any) -> None:
    _world, raw, token = base
    message = json.loads(raw)
    path = data.draw(st.sampled_from(_paths(message)))
    body = json.dumps(_replace(message, path, data.draw(JSON))).encode()
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(min_value=0, max_value=len(body)))
        body = body[:cut] + data.draw(st.binary(max_size=8)) + body[cut:]
    before = CaseReport.objects.count()
    response = Client().post("/api/v1/exchange/import", body, content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code in (200, 201, 400), response.content[:300]
    assert response.json().get("error", {}).get("code") != "internal"
    if response.status_code == 400:
        assert CaseReport.objects.count() == before
