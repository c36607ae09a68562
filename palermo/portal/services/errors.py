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

    @property
    def each(self) -> list[PortalError]:
        """Every fault this error stands for, in the order of the form's fields."""
        return [self]


class PortalErrors(PortalError):
    """Several faults found in one submission, so the visitor corrects them all at once
    instead of meeting them one by one."""

    def __init__(self, errors: list[PortalError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.key, first.field, **first.values)

    @property
    def each(self) -> list[PortalError]:
        return list(self.errors)


def raise_all(errors: list[PortalError]) -> None:
    """Raise the faults found, one or many; nothing when the list is empty."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise PortalErrors(errors)
