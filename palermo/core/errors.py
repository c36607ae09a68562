"""The API's one error shape, used by the API itself and by the guards in front of it."""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse


def error_response(status: int, code: str, message: str,
                   fields: dict[str, Any] | None = None) -> JsonResponse:
    """``{"error": {"code", "message", "fields"}}``: what every API error answers."""
    return JsonResponse(
        {"error": {"code": code, "message": message, "fields": fields or {}}}, status=status
    )
