"""The JSON API at /api/v1/: one NinjaAPI, one error shape.

Every error is ``{"error": {"code", "message", "fields"}}`` with its HTTP status; no API
client ever gets an HTML error page, and bad input never becomes a 500: bodies are read by
a JSON parser that refuses depth and NaN, every operation's validated input is checked for
text no column can hold and integers beyond 64 bits (palermo.web.badinput), and the OpenAPI
document lists every error answer with its shape.
"""

import json
import logging
from collections.abc import Iterator
from typing import Any

import pydantic
from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    ValidationError,
)
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.parser import Parser
from pydantic_core import InitErrorDetails, PydanticCustomError

from palermo.access.api import router as access_router
from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit.api import router as audit_router
from palermo.awards.api import router as awards_router
from palermo.cases.api import router as cases_router
from palermo.core.errors import error_response as error
from palermo.directory.api import router as directory_router
from palermo.exchange.api import router as exchange_router
from palermo.governance.api import router as governance_router
from palermo.guards import ApiForbidden, DenyUndeclared, signed_in_or_token
from palermo.insights.api import router as insights_router
from palermo.library.api import router as library_router
from palermo.messaging.api import router as messaging_router
from palermo.notices.api import router as notices_router
from palermo.screening.api import router as screening_router
from palermo.training.api import router as training_router
from palermo.vocab.api import router as vocab_router
from palermo.web import badinput


class JsonParser(Parser):
    """Bodies as JSON, refusing NaN, Infinity and nesting deeper than any of our shapes
    (Python's parser and the walks after it would otherwise run out of stack)."""

    def parse_body(self, request: HttpRequest) -> Any:
        return badinput.loads(request.body)


class PalermoAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None,
                           path_params: dict[str, Any] | None = None) -> OpenAPISchema:
        document = super().get_openapi_schema(path_prefix=path_prefix,
                                              path_params=path_params)
        return document_errors_and_bounds(document)


api = PalermoAPI(
    title="Palermo API",
    version="1",
    description="The counter-trafficking coordination platform. Authenticate with "
    "`Authorization: Bearer <token>` (create a token on your profile page).",
    urls_namespace="api",
    auth=DenyUndeclared(),
    docs_url="/docs",
    openapi_url="/openapi.json",
    # The API's description is for people who work here: a session or a token.
    docs_decorator=signed_in_or_token,
    parser=JsonParser(),
)


def _location(loc: list[Any]) -> str:
    # ninja prefixes the part of the request ("body", "query", "path"); keep the field path.
    parts = [str(part) for part in loc[1:]] or [str(part) for part in loc]
    return ".".join(parts)


@api.exception_handler(NinjaValidationError)
def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for item in exc.errors:
        fields.setdefault(_location(list(item.get("loc", []))), []).append(str(item.get("msg")))
    first = next(iter(fields), "")
    return error(422, "invalid", f"the request is not valid: {first}", fields)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = error(401, "unauthenticated",
                     "sign in or send a valid token in the Authorization: Bearer header")
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(ApiForbidden)
def _forbidden(request: HttpRequest, exc: ApiForbidden) -> HttpResponse:
    return error(403, "forbidden", str(exc))


@api.exception_handler(PermissionDenied)
def _denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error(403, "forbidden", str(exc) or "not allowed")


@api.exception_handler(NotAllowed)
def _not_allowed(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
    return error(403, "forbidden", exc.message)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(404, "not_found", "no such record, or not one you may see")


@api.exception_handler(StaleWrite)
def _conflict(request: HttpRequest, exc: StaleWrite) -> HttpResponse:
    return error(409, "conflict", exc.message)


@api.exception_handler(ServiceError)
def _refused(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    # A refusal may carry every fault found at once (``errors``), each naming its field.
    for fault in getattr(exc, "errors", None) or [exc]:
        if fault.field:
            fields.setdefault(fault.field, []).append(fault.message)
    return error(400, exc.code, exc.message, fields)


@api.exception_handler(ValidationError)
def _model_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return error(400, "invalid", "; ".join(exc.messages), fields)


HTTP_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "invalid",
              429: "too_many_requests"}


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    cause = exc.__cause__
    # ninja turns any failure of the body parser into "Cannot parse request body"; say why.
    if isinstance(cause, badinput.BadJson):
        return error(400, "bad_request", f"the body is refused: {cause}", {"body": [str(cause)]})
    if isinstance(cause, json.JSONDecodeError):
        reason = f"not valid JSON: {cause.msg} at line {cause.lineno}, column {cause.colno}"
        return error(400, "bad_request", f"the body is {reason}", {"body": [reason]})
    if isinstance(cause, UnicodeDecodeError):
        return error(400, "bad_request", f"the body is not UTF-8 (byte {cause.start})",
                     {"body": ["not UTF-8"]})
    return error(exc.status_code, HTTP_CODES.get(exc.status_code, "error"), str(exc))


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return error(413, "too_large", f"the body is larger than "
                 f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes")


@api.exception_handler(TooManyFieldsSent)
def _too_many_fields(request: HttpRequest, exc: TooManyFieldsSent) -> HttpResponse:
    return error(400, "bad_request", f"more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} "
                 "query or form fields")


@api.exception_handler(SuspiciousOperation)
def _suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    return error(400, "bad_request", "the request could not be understood")


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logging.getLogger("palermo.api").exception("unhandled error in %s", request.path)
    return error(500, "internal", "something went wrong on the server; it has been logged")


api.add_router("/", access_router)
api.add_router("/audit", audit_router)
api.add_router("/vocab", vocab_router)
api.add_router("/cases", cases_router)
api.add_router("/screening", screening_router)
api.add_router("/notices", notices_router)
api.add_router("/messaging", messaging_router)
api.add_router("/library", library_router)
api.add_router("/exchange", exchange_router)
api.add_router("/training", training_router)
api.add_router("/directory", directory_router)
api.add_router("/governance", governance_router)
api.add_router("/awards", awards_router)
api.add_router("/insights", insights_router)


# Every operation's input, once pydantic has read it: a field's type cannot say "no NUL" or
# "fits in a database integer" for every str and int at once, so the check wraps each
# operation's parameter models (query, path, body) instead.
def _operations() -> Iterator[Operation]:
    for entry in api._routers:
        router = entry[1]
        for path_view in router.path_operations.values():
            yield from path_view.operations


def _guarded(model: Any) -> Any:
    resolve = model.resolve

    def checked(cls: Any, request: HttpRequest, api: NinjaAPI, path_params: Any) -> Any:
        result = resolve(request, api, path_params)
        found = [InitErrorDetails(type=PydanticCustomError("bad_input", problem),
                                  loc=path, input=None)
                 for path, problem in badinput.problems(result.model_dump(warnings=False))]
        if found:
            raise pydantic.ValidationError.from_exception_data(model.__name__, found)
        return result

    return classmethod(checked)


_GUARDED: set[type] = set()


def guard_inputs() -> None:
    for operation in _operations():
        for model in operation.models:
            if model not in _GUARDED:
                model.resolve = _guarded(model)
                _GUARDED.add(model)


guard_inputs()


# The OpenAPI document: every operation may answer these, always in the one error shape.
ERROR_SCHEMA = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message", "fields"],
        "properties": {
            "code": {"type": "string"},
            "message": {"type": "string"},
            "fields": {"type": "object", "description": "the fields at fault, each with why",
                       "additionalProperties": {"type": "array",
                                                "items": {"type": "string"}}},
        },
    }},
}
ERROR_ANSWERS = {
    "400": "Refused: a rule of the service, or a body that is not JSON or nested too deeply",
    "401": "No valid session or bearer token",
    "403": "The user's roles do not grant the permission this operation needs",
    "404": "No such record, or not one you may see",
    "409": "The record changed since you read it (its version)",
    "413": "The body is larger than the limit",
    "422": "A field is not valid: `fields` names each one and says why",
}


# Operations that answer a file rather than JSON: the media types of their 200 answer.
FILE_ANSWERS = {
    "palermo_directory_api_organisation_vcard": ("text/vcard",),
    "palermo_exchange_api_case_ftm": ("application/x-ndjson",),
    "palermo_governance_api_calendar_ics": ("text/calendar",),
    # The CSV, or with report=true the report of what was generalised, as JSON.
    "palermo_insights_api_open_data_file": ("text/csv", "application/json"),
}


def _files(operations: dict[str, dict[str, Any]]) -> None:
    missing = set(FILE_ANSWERS) - set(operations)
    if missing:
        raise LookupError(f"FILE_ANSWERS names operations that do not exist: {missing}")
    for operation_id, media_types in FILE_ANSWERS.items():
        ok = operations[operation_id]["responses"].setdefault("200", {"description": "OK"})
        ok["content"] = {media_type: {"schema": {"type": "string"}
                                      if media_type != "application/json" else {}}
                         for media_type in media_types}


def _integers(node: Any) -> None:
    # Every integer the API reads is checked against 64 bits (see guard_inputs); say so.
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("type") == "integer":
                item.setdefault("minimum", badinput.INT64_MIN)
                item.setdefault("maximum", badinput.INT64_MAX)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def document_errors_and_bounds(document: OpenAPISchema) -> OpenAPISchema:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    operations = {operation["operationId"]: operation
                  for methods in document.get("paths", {}).values()
                  for operation in methods.values()}
    for operation in operations.values():
        # ninja keys answers by int; JSON keys are text, and 200 beside "200" would be the
        # same key twice in the document (which Swagger UI refuses to read).
        operation["responses"] = {str(status): answer for status, answer
                                  in operation.get("responses", {}).items()}
    _files(operations)
    for operation in operations.values():
        answers = operation.setdefault("responses", {})
        for status, description in ERROR_ANSWERS.items():
            answers.setdefault(status, {"description": description,
                                        "content": {"application/json": {"schema": reference}}})
    _integers(document)
    return document
