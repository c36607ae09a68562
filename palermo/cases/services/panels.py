"""What other capabilities show beside a case: each registers a provider in its
``AppConfig.ready`` (the library shows its investigators' guides for the case's forms of
exploitation), so cases imports none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from palermo.access.models import User


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Panel:
    key: str
    title: str | Promise
    links: list[Link] = field(default_factory=list)


# provider(user, classification of the case: vocabulary -> codes) -> its links, or none.
Provider = Callable[["User", dict[str, list[str]]], list[Link]]
_providers: dict[str, tuple[str | Promise, Provider]] = {}


def register(key: str, title: str | Promise, provider: Provider) -> None:
    _providers[key] = (title, provider)


def collect(user: User, classification: dict[str, list[str]]) -> list[Panel]:
    """The panels that have something for this user and case."""
    found = []
    for key, (title, provider) in _providers.items():
        links = provider(user, classification)
        if links:
            found.append(Panel(key, title, links))
    return found
