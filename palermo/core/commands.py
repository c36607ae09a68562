"""What the operator's commands share: the user a command acts as (``--user EMAIL``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.contrib.auth import get_user_model

from palermo.core.errors import ServiceError

if TYPE_CHECKING:
    from palermo.access.models import User


def user_by_email(email: str) -> User:
    """The active user with this e-mail address (in any case): a disabled account acts in
    no command, as it signs in to no page."""
    model = get_user_model()
    user = model._default_manager.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ServiceError(f"no active user with the email {email!r}", field="--user")
    return cast("User", user)
