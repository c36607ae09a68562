"""Bad input at the API (issue 16): what schemathesis found as server errors, each refused in
the API's JSON error shape naming the field, and the API holding the pages' limits."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from palermo.exchange import keys, message
from tests.access.factories import api_token
from tests.cases.factories import open_case
from tests.exchange.factories import exchange

HUGE = 2**64 + 1  # beyond any database integer


@pytest.fixture
def coordinator(user_with: Any) -> Any:
    return user_with("coordinator")


@pytest.fixture
def api(coordinator: Any) -> Client:
    _token, raw = api_token(coordinator)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post(client: Client, url: str, body: Any) -> Any:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, data, content_type="application/json")


def refused(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.content[:500]
    answer = response.json()["error"]
    assert set(answer) == {"code", "message", "fields"}
    if field is not None:
        assert field in answer["fields"], answer
    return answer


# 1. Integers beyond 64 bits: in the query, the path and the body.

def test_integers_beyond_64_bits_in_the_query_are_refused_naming_the_field(api: Client
                                                                            ) -> None:
    refused(api.get(f"/api/v1/governance/meetings?committee_id={HUGE}"), 422, "committee_id")
    refused(api.get(f"/api/v1/governance/actions?agency_id={HUGE}"), 422, "agency_id")
    refused(api.get(f"/api/v1/cases/?limit={HUGE}"), 422, "limit")
    refused(api.get(f"/api/v1/insights/open-data?year_from=-{HUGE}"), 422, "year_from")


def test_integers_beyond_64_bits_in_the_path_are_refused(api: Client) -> None:
    refused(api.get(f"/api/v1/cases/{HUGE}"), 422, "case_id")
    refused(api.get(f"/api/v1/notices/{HUGE}"), 422, "notice_id")
    refused(post(api, f"/api/v1/training/courses/{HUGE}/sessions",
                 {"starts_on": "2030-01-01", "place": "Haifa", "capacity": 10}),
            422, "course_id")


def test_integers_beyond_64_bits_in_the_body_are_refused(api: Client, coordinator: Any
                                                         ) -> None:
    case = open_case(coordinator)
    refused(post(api, f"/api/v1/exchange/cases/{case.pk}/export",
                 {"partner_ids": [HUGE]}), 422, "payload.partner_ids.0")
    refused(post(api, "/api/v1/notices/diffusions/",
                 {"colour": "green", "purpose": "information", "body": "x",
                  "agency_ids": [HUGE]}), 422, "payload.agency_ids.0")
    # A number sent as text is read as an integer too, and checked the same way.
    refused(post(api, f"/api/v1/exchange/cases/{case.pk}/export",
                 {"partner_ids": [str(HUGE)]}), 422, "payload.partner_ids.0")


# 2. Numbers outside the columns' ranges.

def test_a_negative_height_is_refused_before_the_database_check(api: Client) -> None:
    answer = refused(post(api, "/api/v1/notices/", {"colour": "green", "height_cm": -5}),
                     422, "payload.height_cm")
    assert "30" in answer["fields"]["payload.height_cm"][0]
    refused(post(api, "/api/v1/notices/", {"colour": "green", "weight_kg": 40_000}),
            422, "payload.weight_kg")
    refused(post(api, "/api/v1/training/courses",
                 {"title": "T", "professions": ["police"], "refresher_months": 70_000}),
            422, "payload.refresher_months")


def test_a_version_that_cannot_be_incremented_is_refused(api: Client) -> None:
    # PostgreSQL's integer column holds 2**31 - 1; a write stores the version given plus one.
    refused(post(api, "/api/v1/governance/bills/1/stage",
                 {"stage": "draft", "version": 2**31 - 1}), 422, "payload.version")
    refused(post(api, "/api/v1/governance/actions/1/status",
                 {"status": "open", "version": -1}), 422, "payload.version")


def test_a_time_zone_offset_no_database_stores_is_refused(api: Client) -> None:
    answer = refused(post(api, "/api/v1/governance/committees/1/meetings",
                          {"title": "Quarterly", "starts_at": "2030-03-14T09:00:00-19:34"}),
                     422, "payload.starts_at")
    assert "15:59" in answer["fields"]["payload.starts_at"][0]


# 3. Text no column can hold: a lone surrogate, a NUL.

def test_a_lone_surrogate_in_a_body_is_refused_naming_the_field(api: Client) -> None:
    body = '{"colour": "green", "family_name": "\\ud800"}'
    refused(post(api, "/api/v1/notices/", body), 422, "payload.family_name")
    # Free-form values are checked after pydantic, by palermo.web.badinput.
    body = '{"version": 1, "fields": {"summary": ["\\udc00"]}}'
    answer = refused(post(api, "/api/v1/library/decisions/1/changes", body), 422,
                     "payload.fields.summary.0")
    assert "surrogate" in answer["message"] + json.dumps(answer["fields"])


def test_a_nul_in_a_body_key_or_value_is_refused(api: Client) -> None:
    refused(post(api, "/api/v1/cases/", {"title": "a\x00b"}), 422, "payload.title")
    refused(post(api, "/api/v1/cases/", {"title": "ok", "classification": {"a\x00": []}}),
            422)


def test_a_nul_in_the_query_or_the_path_is_refused(api: Client) -> None:
    refused(api.get("/api/v1/cases/?q=a%00b"), 422, "q")
    refused(api.get("/api/v1/vocab/a%00b"), 422, "name")


# 4. Size, count and depth.

def test_a_body_over_the_limit_is_413(api: Client) -> None:
    body = json.dumps({"title": "x", "summary": "y" * 2_700_000})
    answer = refused(post(api, "/api/v1/cases/", body), 413)
    assert answer["code"] == "too_large"


def test_more_than_a_thousand_query_parameters_is_400(api: Client) -> None:
    query = "&".join(f"p{n}=1" for n in range(1001))
    answer = refused(api.get(f"/api/v1/cases/?{query}"), 400)
    assert "1,000" in answer["message"]


DEEP = "[" * 5000 + "]" * 5000


def test_deeply_nested_json_is_400_with_a_clear_message(api: Client) -> None:
    answer = refused(post(api, "/api/v1/cases/", DEEP), 400, "body")
    assert "nested more than" in answer["message"]
    # Deep enough to pass Python's parser, too deep for us.
    answer = refused(post(api, "/api/v1/library/decisions/1/changes",
                          {"version": 1, "fields": {"x": json.loads("[" * 100 + "]" * 100)}}),
                     400, "body")
    refused(post(api, "/api/v1/cases/", '{"title": NaN}'), 400, "body")


def test_the_exchange_refuses_deeply_nested_and_unstorable_messages(api: Client) -> None:
    answer = refused(post(api, "/api/v1/exchange/import", DEEP), 400, "message")
    assert "nested more than" in answer["message"]
    nul = refused(post(api, "/api/v1/exchange/import",
                       '{"format": "palermo-hst", "case": {"title": "a\\u0000"}}'), 400)
    assert "$.case.title" in nul["message"]


def test_a_deep_body_marked_as_sealed_is_refused_not_a_server_error(api: Client) -> None:
    from palermo.exchange import sealing

    body = '{"' + sealing.SEALED + '": ' + DEEP + "}"
    refused(post(api, "/api/v1/exchange/import", body), 400, "message")


def test_a_message_file_larger_than_a_form_is_read_up_to_the_message_limit(api: Client
                                                                           ) -> None:
    """Django refuses form bodies over 2.5 MB; a message file may be larger."""
    big = '{"format": "palermo-hst", "padding": "' + "x" * 3_000_000 + '"}'
    answer = refused(post(api, "/api/v1/exchange/import", big), 400)
    assert "version" in answer["message"]
    too_big = "x" * (message.MAX_BYTES + 1)
    assert post(api, "/api/v1/exchange/import", too_big).status_code == 413


def test_the_exchange_inbox_refuses_a_deeply_nested_delivery(db: Any) -> None:
    world = exchange()
    raw = DEEP.encode()
    key = keys.signing_key(world.sender.agency_id)
    response = Client().post("/api/v1/exchange/inbox", raw, content_type="application/json",
                             HTTP_X_PALERMO_KEY=message.key_id(key.public_key()),
                             HTTP_X_PALERMO_SIGNATURE=message.sign_bytes(raw, key))
    refused(response, 400, "message")


def test_the_message_reader_refuses_depth_and_bad_text_where_it_is() -> None:
    with pytest.raises(message.MessageError, match="nested more than"):
        message.parse(DEEP.encode())
    with pytest.raises(message.MessageError, match="surrogate") as caught:
        message.parse(b'{"format": "palermo-hst", "case": {"names": ["\\udfff"]}}')
    assert caught.value.path == "$.case.names[0]"


# 5. The pages' limits.

def test_the_api_holds_the_pages_limits(api: Client, coordinator: Any) -> None:
    refused(post(api, "/api/v1/cases/", {"title": "t" * 10_000}), 422, "payload.title")
    refused(post(api, "/api/v1/cases/", {"title": "t", "summary": "s" * 1_000_000}),
            422, "payload.summary")
    case = open_case(coordinator)
    refused(post(api, f"/api/v1/cases/{case.pk}/persons",
                 {"role": "victim", "names": [f"Alias {n}" for n in range(10_000)]}),
            422, "payload.names")
    refused(post(api, "/api/v1/training/courses/1/sessions",
                 {"starts_on": "2030-01-01", "place": "Haifa", "capacity": 0}),
            422, "payload.capacity")


def test_every_shape_has_its_own_name_in_the_openapi_document() -> None:
    """The document names each shape by its class: two classes of one name would show one
    operation's body or answer as the other's."""
    from ninja import Schema

    import palermo.api  # noqa: F401  (every router and its shapes)

    names: dict[str, set[str]] = {}
    stack = [Schema]
    while stack:
        for shape in stack.pop().__subclasses__():
            stack.append(shape)
            if shape.__module__.startswith("palermo."):
                names.setdefault(shape.__name__, set()).add(shape.__module__)
    assert {name: where for name, where in names.items() if len(where) > 1} == {}


def test_every_operation_checks_its_input(api: Client) -> None:
    """guard_inputs wraps the operations it finds at start-up; an operation it missed (a
    router added after it, or nested) would take NUL bytes and 80-bit integers again."""
    from palermo.api import _GUARDED, _operations

    document = api.get("/api/v1/openapi.json").json()
    documented = sum(len(methods) for methods in document["paths"].values())
    operations = list(_operations())
    assert len(operations) == documented
    assert all(model in _GUARDED for operation in operations for model in operation.models)


def test_the_openapi_document_states_the_limits(api: Client) -> None:
    document = api.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert schemas["CaseIn"]["properties"]["title"]["maxLength"] == 200
    assert schemas["PersonIn"]["properties"]["names"]["maxItems"] == 100
    height = schemas["NoticeIn"]["properties"]["height_cm"]["anyOf"][0]
    assert (height["minimum"], height["maximum"]) == (30, 260)
    page = next(p for p in document["paths"]["/api/v1/cases/"]["get"]["parameters"]
                if p["name"] == "limit")
    assert page["schema"]["maximum"] == 2**63 - 1


# 6. The insights API takes the tokens its pages' users hold.

def test_the_insights_api_accepts_a_bearer_token(api: Client) -> None:
    response = api.get("/api/v1/insights/indicators")
    assert response.status_code == 200, response.content[:300]
    assert response.json()
    refused(api.get("/api/v1/insights/publications/latest"), 404)


# 7. The OpenAPI document: every error answer, for sessions and tokens alike.

def test_the_openapi_document_lists_every_error_answer_of_every_operation(api: Client
                                                                          ) -> None:
    document = api.get("/api/v1/openapi.json").json()
    error = {"$ref": "#/components/schemas/Error"}
    operations = [op for methods in document["paths"].values() for op in methods.values()]
    assert len(operations) > 90
    for operation in operations:
        for status in ("400", "401", "403", "404", "409", "413", "422"):
            answer = operation["responses"][status]
            assert answer["content"]["application/json"]["schema"] == error, (
                operation["operationId"], status)
    shape = document["components"]["schemas"]["Error"]
    assert shape["properties"]["error"]["required"] == ["code", "message", "fields"]


def test_the_openapi_document_names_no_key_twice(api: Client) -> None:
    """A key written twice (an answer under 200 and "200") makes Swagger UI refuse it."""
    def no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _value in pairs]
        assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
        return dict(pairs)

    json.loads(api.get("/api/v1/openapi.json").content, object_pairs_hook=no_twice)


def test_a_bearer_token_or_a_session_can_fetch_the_openapi_document(api: Client,
                                                                     signed_in: Any) -> None:
    assert api.get("/api/v1/openapi.json").json()["info"]["title"] == "Palermo API"
    assert signed_in("trainer").get("/api/v1/openapi.json").status_code == 200
    refused(Client(HTTP_AUTHORIZATION="Bearer plm_nonsense").get("/api/v1/openapi.json"), 401)
    assert Client().get("/api/v1/openapi.json")["Location"].startswith("/access/login/")
