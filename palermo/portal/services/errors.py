"""The error a portal service raises for a public visitor: a key of the portal's strings, so
the page shows it in the visitor's language, and the field at fault."""

from __future__ import annotations

from typing import Any

from palermo.access.services.errors import ServiceError
from palermo.portal.services import language


class PortalError(ServiceError):
    def __init__(self, key: str, field: str | None = None, **values: Any) -> None:
        self.key = key
        self.values = values
        super().__init__(language.text(key, "en", **values), field=field)

    def text(self, lang: str) -> str:
        return language.text(self.key, lang, **self.values)
