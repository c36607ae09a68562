"""The errors a service raises for a caller (page or API) to show, and the API's one error
shape, used by the API itself and by the guards in front of it."""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse


class ServiceError(Exception):
    """A request the rules refuse; ``field`` names the input at fault when there is one."""

    code = "invalid"

    def __init__(self, message: str, field: str | None = None) -> None:
        self.message = message
        self.field = field
        super().__init__(message)


class StaleWrite(ServiceError):
    """Someone else changed the record since the caller read it."""

    code = "conflict"


class NotAllowed(ServiceError):
    code = "forbidden"


def error_response(status: int, code: str, message: str,
                   fields: dict[str, Any] | None = None) -> JsonResponse:
    """``{"error": {"code", "message", "fields"}}``: what every API error answers."""
    return JsonResponse(
        {"error": {"code": code, "message": message, "fields": fields or {}}}, status=status
    )
