import datetime as dt

from ninja import Schema


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


class MeOut(UserOut):
    permissions: list[str]
    second_factor: bool


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
