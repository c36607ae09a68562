"""What the exchange API reads and answers, built from the services' own records (a case
report, a partner, an HTCDS field...) by the resolvers here, never by hand."""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Schema
from pydantic import Field

from palermo.exchange.services import htcds_fields
from palermo.web import limits


class ReportOut(Schema):
    id: int
    direction: str
    message_id: str
    sender_agency: str
    sender_country: str
    case_reference: str
    handling_code: str
    state: str
    state_reason: str
    case_id: int | None


class PartnerOut(Schema):
    id: int
    agency: str
    country: str
    key_id: str
    sealing_key: str
    endpoint: str
    active: bool


class ExportIn(Schema):
    partner_ids: limits.Ids
    handling_code: limits.Code = "H0"
    # As the message's schema (schema/hst-1.0.json) allows them.
    restriction: Annotated[str, Field(max_length=2000)] = ""
    requested_action: Annotated[str, Field(max_length=4000)] = ""
    person_ids: limits.Ids | None = None
    identities: bool = False
    documents: bool = True
    sealed: bool = False
    send: bool = False


class AcceptIn(Schema):
    # A report holds at most 2,000 persons (schema/hst-1.0.json).
    matches: Annotated[dict[Annotated[str, Field(max_length=32)], limits.Id | None],
                       Field(max_length=2000)] = {}


class RejectIn(Schema):
    reason: Annotated[str, Field(max_length=limits.NOTE)]


class HtcdsExportIn(Schema):
    case: Annotated[str, Field(max_length=32)] = ""
    query: Annotated[str, Field(max_length=200)] = ""
    status: limits.Code = ""
    exploitation: limits.Code = ""
    identities: bool = False
    labels: bool = False


class HtcdsExportOut(Schema):
    """An HTCDS file made by ``htcds_export.export``: the CSV in ``content``, and the export
    report (whose identities were left out, and why)."""

    filename: str
    report: dict[str, Any]
    content: str

    @staticmethod
    def resolve_report(made: Any) -> dict[str, Any]:
        return made.report.as_dict()

    @staticmethod
    def resolve_content(made: Any) -> str:
        return str(made.content.decode("utf-8-sig"))


class HtcdsValueOut(Schema):
    name: str
    label: str

    @staticmethod
    def resolve_label(value: Any) -> str:
        # As the standard writes it, less its stray spaces.
        return " ".join(value.label.split())


class HtcdsFieldOut(Schema):
    """A field of HTCDS 2.0 (``htcds_fields.Field``) and what Palermo does with it."""

    name: str
    label: str
    section: str
    core: bool
    status: str
    type: str
    kept: bool
    becomes: str
    values: list[HtcdsValueOut]

    @staticmethod
    def resolve_kept(field: Any) -> bool:
        return bool(field.kept)

    @staticmethod
    def resolve_becomes(field: Any) -> str:
        return str(field.becomes or field.reason)


class HtcdsColumnOut(Schema):
    """One of Palermo's own columns in an HTCDS file."""

    name: str
    label: str
    becomes: str


class HtcdsFieldsOut(Schema):
    """The standard's field table as shipped (``htcds_fields.table``), with what Palermo
    does with each field and Palermo's own columns."""

    standard: str
    version: str
    fields: list[HtcdsFieldOut]
    palermo_columns: list[HtcdsColumnOut]

    @staticmethod
    def resolve_fields(table: Any) -> tuple[Any, ...]:
        return htcds_fields.standard()

    @staticmethod
    def resolve_palermo_columns(table: Any) -> tuple[Any, ...]:
        return htcds_fields.palermo_columns()
