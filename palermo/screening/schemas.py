"""What the screening API reads and answers. An alert is answered from the ``Alert``
itself by the resolvers here, never by hand; what the caller may see of it is the alerts
service's to say, for the user the request acts for."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from palermo.core.api import acting_user
from palermo.screening import alerts
from palermo.screening.alerts import MAX_NOTE
from palermo.web.limits import NOTE, Code, Version


class TravelDocumentIn(Schema):
    number: str = Field(max_length=64)
    issuing_state: str = Field("", max_length=3)


class VehicleIn(Schema):
    # As typed at the border: spaces and dashes are dropped before matching.
    vin: str = Field("", max_length=64)
    plate: str = Field("", max_length=32)
    country: str = Field("", max_length=3)


class TravellerIn(Schema):
    name: str = Field(max_length=300)
    birth_date: str | None = Field(None, max_length=32)
    nationality: str | None = Field(None, max_length=64)
    sex: str | None = Field(None, max_length=16)


class CheckIn(Schema):
    q: str = Field("", max_length=1000)  # one free field, as the border page sends it
    mrz: str = Field("", max_length=300)  # two or three lines of 30 to 44 characters
    document: TravelDocumentIn | None = None
    vehicle: VehicleIn | None = None
    person: TravellerIn | None = None
    post: str = Field("", max_length=100)
    reason: str = Field("", max_length=NOTE)


class CheckHitOut(Schema):
    kind: str
    score: float
    record: dict[str, Any]
    explanation: list[str]
    action: str
    notice: dict[str, Any] | None


class CheckOut(Schema):
    hits: list[CheckHitOut]
    mrz: dict[str, Any] | None
    warnings: list[str]
    took_ms: float


class AlertOut(Schema):
    """An alert as its page shows it: the listed person's identity only to those the page
    shows it to (``name_shown``); ``links`` are the application's pages for the record, the
    notice and the case, where the caller may open them."""

    id: int
    kind: str
    agency: str
    score: float
    record: dict[str, Any]
    name_shown: bool
    query: dict[str, Any]
    notice_id: int | None
    check_seq: int | None
    post: str
    checked_by: str
    checked_by_agency: str
    checked_at: dt.datetime
    state: str
    acknowledged_by: str | None
    acknowledged_at: dt.datetime | None
    taken_by: str | None
    taken_at: dt.datetime | None
    closed_by: str | None
    closed_at: dt.datetime | None
    outcome: str
    outcome_note: str
    may_act: bool
    links: dict[str, str]
    version: int

    @staticmethod
    def resolve_agency(alert: Any) -> str:
        return str(alert.agency.name)

    @staticmethod
    def resolve_record(alert: Any, context: dict[str, Any]) -> dict[str, Any]:
        return alerts.record_shown(alert, acting_user(context["request"]))

    @staticmethod
    def resolve_name_shown(alert: Any, context: dict[str, Any]) -> bool:
        return alerts.shows_name(alert, acting_user(context["request"]))

    @staticmethod
    def resolve_checked_by(alert: Any) -> str:
        return str(alert.checked_by.full_name)

    @staticmethod
    def resolve_checked_by_agency(alert: Any) -> str:
        return str(alert.checked_by.agency.name)

    @staticmethod
    def resolve_acknowledged_by(alert: Any) -> str | None:
        return _name(alert.acknowledged_by)

    @staticmethod
    def resolve_taken_by(alert: Any) -> str | None:
        return _name(alert.taken_by)

    @staticmethod
    def resolve_closed_by(alert: Any) -> str | None:
        return _name(alert.closed_by)

    @staticmethod
    def resolve_may_act(alert: Any, context: dict[str, Any]) -> bool:
        return alerts.may_act(alert, acting_user(context["request"]))

    @staticmethod
    def resolve_links(alert: Any, context: dict[str, Any]) -> dict[str, str]:
        return alerts.links(alert, acting_user(context["request"]))


def _name(user: Any) -> str | None:
    return str(user.full_name) if user is not None else None


class AlertStepIn(Schema):
    version: Version  # the alert's version as read: a step on a changed alert answers 409


class AlertCloseIn(Schema):
    version: Version
    outcome: Code  # from the alert_outcomes vocabulary
    note: str = Field("", max_length=MAX_NOTE)
