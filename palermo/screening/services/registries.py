"""What other capabilities plug into screening at start-up, so that neither app imports the
other's models: the lookup of the notice a watched person is under, and the listeners told of
hits on a notice's subject."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.screening.services.query import Hit

# Another capability (notices) tells screening which notice a watched person is under; the
# lookup is registered at start-up so neither app imports the other's models.
_notice_lookup: list[Callable[[int], dict[str, Any] | None]] = []


def register_notice_lookup(lookup: Callable[[int], dict[str, Any] | None]) -> None:
    if lookup not in _notice_lookup:
        _notice_lookup.append(lookup)


# Notices hears of hits on a notice's subject (a detected trip) the same way.
_hit_listeners: list[Callable[[User, list[Hit], str, HttpRequest | None], None]] = []


def register_hit_listener(
        listener: Callable[[User, list[Hit], str, HttpRequest | None], None]) -> None:
    if listener not in _hit_listeners:
        _hit_listeners.append(listener)


def notice_of(watched_person_id: int) -> dict[str, Any] | None:
    for lookup in _notice_lookup:
        found = lookup(watched_person_id)
        if found:
            return found
    return None


def tell_hit_listeners(user: User, noticed: list[Hit], post: str,
                       request: HttpRequest | None) -> None:
    """Tell each listener of the hits on a notice's subject, when there are any."""
    for listener in _hit_listeners if noticed else ():
        listener(user, noticed, post, request)
