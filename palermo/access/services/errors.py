"""Errors a service raises for a caller (page or API) to show."""

from __future__ import annotations


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
