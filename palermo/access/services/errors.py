"""The service errors, kept under this name for the many callers that import them from here;
they live in ``palermo.core.errors``."""

from __future__ import annotations

from palermo.core.errors import NotAllowed, ServiceError, StaleWrite

__all__ = ["NotAllowed", "ServiceError", "StaleWrite"]
