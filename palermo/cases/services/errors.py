"""The errors the case services raise; pages and the API show them."""

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite

__all__ = ["NotAllowed", "ServiceError", "StaleWrite"]
