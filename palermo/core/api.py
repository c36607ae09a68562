"""What every API route shares: the user it acts for."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.http import HttpRequest

if TYPE_CHECKING:
    from palermo.access.models import User


def acting_user(request: HttpRequest) -> User:
    """The user the request's token or session authenticated: the API's default auth has
    run before any route reads this, so it is always a user."""
    return cast("User", request.auth)  # type: ignore[attr-defined]
