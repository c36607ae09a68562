"""What the access API answers, built from the services' own records (a user, an agency,
a token) by the resolvers here, never by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema

from palermo.access.services import mfa


class AgencyOut(Schema):
    id: int
    name: str
    kind: str
    country: str
    active: bool


class UserOut(Schema):
    id: int
    email: str
    full_name: str
    agency: AgencyOut
    roles: list[str]
    is_active: bool
    language: str
    time_zone: str
    version: int

    @staticmethod
    def resolve_roles(user: Any) -> list[str]:
        return [role.code for role in user.roles.all()]


class MeOut(UserOut):
    """The calling user, with what they may do and whether they have a second factor."""

    permissions: list[str]
    second_factor: bool

    @staticmethod
    def resolve_permissions(user: Any) -> list[str]:
        return sorted(user.palermo_permissions())

    @staticmethod
    def resolve_second_factor(user: Any) -> bool:
        return bool(mfa.has_device(user))


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
