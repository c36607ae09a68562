"""What the directory API reads and answers. The answers are built from the directory's own
records (an organisation, a contact, an agreement) by the schemas here, never by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from ninja import Field, Schema

from palermo.web.limits import NAMES, NOTE, TEXT, Codes, Id, Version

if TYPE_CHECKING:
    from palermo.directory.models import Contact, Organisation
    from palermo.directory.services.activity import KeyState

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


class ExchangeKeyStateOut(Schema):
    key_id: str
    state: str
    partner: str


@dataclass(frozen=True)
class OrganisationPage:
    """An organisation with what its detail shows beside it: its contacts (read through the
    audited service) and the trust state of its exchange keys. Every other attribute, its
    agreements among them, is the organisation's own, so the answer reads as the record."""

    organisation: Organisation
    contacts: list[Contact]
    exchange_keys: list[KeyState]

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the page itself lacks; its own and special names stay missing
        # (copying or unpickling would otherwise recurse).
        if name == "organisation" or name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.organisation, name)


class OrganisationDetail(OrganisationOut):
    """Built from an ``OrganisationPage``."""

    contacts: list[ContactOut]
    agreements: list[AgreementOut]
    exchange_keys: list[ExchangeKeyStateOut]
