import datetime as dt
from typing import Annotated

from ninja import Field, Schema

from palermo.web.limits import NAMES, NOTE, TEXT, Codes, Id, Version

# An exchange key id from the trust store.
KeyId = Annotated[str, Field(max_length=128)]


class OrganisationIn(Schema):
    name: str = Field(max_length=200)
    kind: str = Field(max_length=32)
    acronym: str = Field("", max_length=32)
    country: str = Field("", max_length=3)
    mandate: str = Field("", max_length=TEXT)
    exploitation_types: Codes = []
    services: Codes = []
    website: str = Field("", max_length=200)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    address: str = Field("", max_length=NOTE)
    agency_id: Id | None = None
    exchange_key_ids: list[KeyId] = Field([], max_length=NAMES)
    notes: str = Field("", max_length=NOTE)
    active: bool = True


class OrganisationUpdate(Schema):
    version: Version
    name: str | None = Field(None, max_length=200)
    kind: str | None = Field(None, max_length=32)
    acronym: str | None = Field(None, max_length=32)
    country: str | None = Field(None, max_length=3)
    mandate: str | None = Field(None, max_length=TEXT)
    exploitation_types: Codes | None = None
    services: Codes | None = None
    website: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=NOTE)
    agency_id: Id | None = None
    exchange_key_ids: list[KeyId] | None = Field(None, max_length=NAMES)
    notes: str | None = Field(None, max_length=NOTE)
    active: bool | None = None


# Answers carry what is stored, without the input limits (a page or an import may have
# written a record before a limit was set).
class OrganisationOut(Schema):
    id: int
    version: int
    name: str
    kind: str
    acronym: str
    country: str
    mandate: str
    exploitation_types: list[str]
    services: list[str]
    website: str
    email: str
    phone: str
    address: str
    agency_id: int | None
    exchange_key_ids: list[str]
    notes: str
    active: bool


class ContactIn(Schema):
    name: str = Field(max_length=200)
    role: str = Field("", max_length=200)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    languages: str = Field("", max_length=100)
    notes: str = Field("", max_length=NOTE)


class ContactOut(Schema):
    id: int
    organisation_id: int
    name: str
    role: str
    email: str
    phone: str
    languages: str
    notes: str


class AgreementIn(Schema):
    title: str = Field(max_length=300)
    kind: str = Field("mou", max_length=16)
    signed_on: dt.date | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    reference: str = Field("", max_length=100)
    renewal_note: str = Field("", max_length=NOTE)


class AgreementOut(Schema):
    id: int
    organisation_id: int
    title: str
    kind: str
    signed_on: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    reference: str
    renewal_note: str


class KeyStateOut(Schema):
    key_id: str
    state: str
    partner: str


class OrganisationDetail(OrganisationOut):
    contacts: list[ContactOut]
    agreements: list[AgreementOut]
    exchange_keys: list[KeyStateOut]
