"""The JSON API at /api/v1/: one NinjaAPI, one error shape.

Every error is ``{"error": {"code", "message", "fields"}}`` with its HTTP status; no API
client ever gets an HTML error page, and bad input never becomes a 500.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from palermo.access.api import router as access_router
from palermo.access.permissions import ApiForbidden, DenyUndeclared, signed_in
from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit.api import router as audit_router
from palermo.awards.api import router as awards_router
from palermo.cases.api import router as cases_router
from palermo.directory.api import router as directory_router
from palermo.exchange.api import router as exchange_router
from palermo.governance.api import router as governance_router
from palermo.insights.api import router as insights_router
from palermo.library.api import router as library_router
from palermo.messaging.api import router as messaging_router
from palermo.notices.api import router as notices_router
from palermo.screening.api import router as screening_router
from palermo.training.api import router as training_router
from palermo.vocab.api import router as vocab_router

api = NinjaAPI(
    title="Palermo API",
    version="1",
    description="The counter-trafficking coordination platform. Authenticate with "
    "`Authorization: Bearer <token>` (create a token on your profile page).",
    urls_namespace="api",
    auth=DenyUndeclared(),
    docs_url="/docs",
    openapi_url="/openapi.json",
    # The API's description is for people who work here: sign in to read it.
    docs_decorator=signed_in,
)


def error(status: int, code: str, message: str, fields: dict[str, Any] | None = None
          ) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code, "message": message, "fields": fields or {}}}, status=status
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
    fields = {exc.field: [exc.message]} if exc.field else {}
    return error(400, exc.code, exc.message, fields)


@api.exception_handler(ValidationError)
def _model_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return error(400, "invalid", "; ".join(exc.messages), fields)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    codes = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
             405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "invalid",
             429: "too_many_requests"}
    return error(exc.status_code, codes.get(exc.status_code, "error"), str(exc))


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    import logging

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
