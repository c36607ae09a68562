import datetime as dt

from ninja import Schema


class OrganisationIn(Schema):
    name: str
    kind: str
    acronym: str = ""
    country: str = ""
    mandate: str = ""
    exploitation_types: list[str] = []
    services: list[str] = []
    website: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    agency_id: int | None = None
    exchange_key_ids: list[str] = []
    notes: str = ""
    active: bool = True


class OrganisationUpdate(Schema):
    version: int
    name: str | None = None
    kind: str | None = None
    acronym: str | None = None
    country: str | None = None
    mandate: str | None = None
    exploitation_types: list[str] | None = None
    services: list[str] | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    agency_id: int | None = None
    exchange_key_ids: list[str] | None = None
    notes: str | None = None
    active: bool | None = None


class OrganisationOut(OrganisationIn):
    id: int
    version: int


class ContactIn(Schema):
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    languages: str = ""
    notes: str = ""


class ContactOut(ContactIn):
    id: int
    organisation_id: int


class AgreementIn(Schema):
    title: str
    kind: str = "mou"
    signed_on: dt.date | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    reference: str = ""
    renewal_note: str = ""


class AgreementOut(AgreementIn):
    id: int
    organisation_id: int


class KeyStateOut(Schema):
    key_id: str
    state: str
    partner: str


class OrganisationDetail(OrganisationOut):
    contacts: list[ContactOut]
    agreements: list[AgreementOut]
    exchange_keys: list[KeyStateOut]
