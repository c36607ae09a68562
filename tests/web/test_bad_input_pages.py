"""Bad input at the pages (issue 16): BadInputMiddleware refuses text no field may hold and
too many fields, and a page address whose number no id can reach is not found."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

HUGE = str(2**64 + 1)


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def int_routes() -> list[str]:
    """Every page address with an <int:...> part, the number made too large for any id."""
    found = []
    for route in _routes(get_resolver().url_patterns):
        if "<int:" not in route or route.startswith(("api/", "^")):
            continue
        path = re.sub(r"<int:\w+>", HUGE, route).replace("<lang:language>", "en")
        if "<" not in path:
            found.append("/" + path)
    return found


def test_every_page_with_an_overlarge_id_is_not_found(signed_in: Any) -> None:
    client = signed_in("coordinator", "administrator", "auditor")
    routes = int_routes()
    assert len(routes) > 80
    answers = {route: client.get(route).status_code for route in routes}
    assert {route: status for route, status in answers.items() if status != 404} == {}


def test_a_nul_in_a_pages_query_or_form_is_refused(signed_in: Any) -> None:
    client = signed_in("coordinator")
    assert client.get("/cases/?q=a%00b").status_code == 400
    assert client.get("/directory/?q=%ED%A0%80").status_code == 200  # decoded as U+FFFD
    response = client.post("/cases/new/", {"title": "a\x00b", "sensitivity": "normal"})
    assert response.status_code == 400
    assert b"could not be understood" in response.content


def test_a_nul_in_a_pages_address_is_not_found(signed_in: Any) -> None:
    client = signed_in("coordinator")
    assert client.get("/library/%00/").status_code == 404


def test_more_than_a_thousand_query_fields_on_a_page_is_400(signed_in: Any) -> None:
    client = signed_in("coordinator")
    query = "&".join(f"p{n}=1" for n in range(1001))
    assert client.get(f"/cases/?{query}").status_code == 400
