"""What the notices API reads and answers. The answers are built from the services' own
records (a notice, a trip, a travel alert, a diffusion, an import report) by the resolvers
here, never by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import prefetch_related_objects
from ninja import Field, Schema

from palermo.core.api import acting_user
from palermo.notices.services import travel
from palermo.web.limits import INT32_MAX, NAMES, NOTE, TEXT, Code, Codes, Ids, PersonName, Version

Names = list[PersonName]


class NoticeIn(Schema):
    """The notice form's limits: heights and weights in its ranges (the columns refuse a
    negative number), lengths of the columns, ceilings on free text and lists."""

    colour: str = Field(max_length=16)
    subject_names: Names = Field([], max_length=NAMES)
    family_name: str = Field("", max_length=200)
    birth_date: dt.date | None = None
    sex: str = Field("", max_length=1)
    nationalities: Codes = []
    place_of_birth: str = Field("", max_length=200)
    country_of_birth: str = Field("", max_length=3)
    height_cm: int | None = Field(None, ge=30, le=260)
    weight_kg: int | None = Field(None, ge=1, le=400)
    eye_colour: str = Field("", max_length=40)
    hair_colour: str = Field("", max_length=40)
    languages: list[Code] = Field([], max_length=NAMES)
    case_reference: str = Field("", max_length=32)
    reasons: str = Field("", max_length=TEXT)
    legal_basis: str = Field("", max_length=NOTE)
    charges: str = Field("", max_length=NOTE)
    penalty_months: int | None = Field(None, ge=0, le=INT32_MAX)
    requested_action: str = Field("", max_length=NOTE)
    handling_restrictions: str = Field("", max_length=NOTE)
    identifying_marks: str = Field("", max_length=NOTE)


# Answers carry what is stored (INTERPOL's imports included), without the input limits.
class NoticeOut(Schema):
    id: int
    colour: str
    subject_names: list[str]
    family_name: str
    birth_date: dt.date | None
    sex: str
    nationalities: list[str]
    place_of_birth: str
    country_of_birth: str
    height_cm: int | None
    weight_kg: int | None
    eye_colour: str
    hair_colour: str
    languages: list[str]
    case_reference: str
    reasons: str
    legal_basis: str
    charges: str
    penalty_months: int | None
    requested_action: str
    handling_restrictions: str
    identifying_marks: str
    state: str
    issuing_agency: str
    source: str
    external_id: str
    expires_on: dt.date | None
    suspended_until: dt.date | None
    renewal_requested: bool
    version: int

    @staticmethod
    def resolve_issuing_agency(notice: Any) -> str:
        return str(notice.issuing_agency.name)


class ReviewIn(Schema):
    checks: dict[Code, bool] = Field(max_length=NAMES)
    notes: str = Field("", max_length=NOTE)


class ReasonIn(Schema):
    reason: str = Field(max_length=NOTE)


class SuspendIn(ReasonIn):
    until: dt.date


class TripIn(Schema):
    to_country: str = Field(max_length=3)
    from_country: str = Field("", max_length=3)
    departs_on: dt.date | None = None
    returns_on: dt.date | None = None
    carrier: str = Field("", max_length=100)
    note: str = Field("", max_length=NOTE)


class TravelAlertTripOut(Schema):
    """The trip (``Trip``) a travel alert is about."""

    id: int
    to_country: str
    from_country: str
    departs_on: dt.date | None
    returns_on: dt.date | None
    carrier: str
    note: str
    notice_id: int
    source: str


class TripOut(TravelAlertTripOut):
    """A trip just registered, with the agencies its travel alerts went to."""

    alerted_agencies: list[str]

    @staticmethod
    def resolve_alerted_agencies(trip: Any) -> list[str]:
        return [alert.agency.name for alert in trip.alerts.select_related("agency")]


def _full_name(user: Any) -> str | None:
    return user.full_name if user is not None else None


class TravelAlertOut(Schema):
    """A travel alert (``TravelAlert``) with the notice's subject it is about."""

    id: int
    notice_id: int
    colour: str
    subject_names: list[str]
    requested_action: str
    trip: TravelAlertTripOut
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None
    follow_up: str
    # The steps, as on screening's alerts: open, acknowledged, taken (over) or closed.
    agency: str
    state: str
    acknowledged_by: str | None
    taken_by: str | None
    taken_at: dt.datetime | None
    closed_by: str | None
    closed_at: dt.datetime | None
    outcome: str
    outcome_note: str
    may_act: bool
    version: int

    @staticmethod
    def resolve_notice_id(alert: Any) -> int:
        return int(alert.trip.notice_id)

    @staticmethod
    def resolve_colour(alert: Any) -> str:
        return str(alert.trip.notice.colour)

    @staticmethod
    def resolve_subject_names(alert: Any) -> list[str]:
        return list(alert.trip.notice.subject_names)

    @staticmethod
    def resolve_requested_action(alert: Any) -> str:
        return str(alert.trip.notice.requested_action)

    @staticmethod
    def resolve_agency(alert: Any) -> str:
        return str(alert.agency.name)

    @staticmethod
    def resolve_acknowledged_by(alert: Any) -> str | None:
        return _full_name(alert.acknowledged_by)

    @staticmethod
    def resolve_taken_by(alert: Any) -> str | None:
        return _full_name(alert.taken_by)

    @staticmethod
    def resolve_closed_by(alert: Any) -> str | None:
        return _full_name(alert.closed_by)

    @staticmethod
    def resolve_may_act(alert: Any, context: dict[str, Any]) -> bool:
        # Whether the caller may take the next step, as the page shows it.
        return travel.may_act(alert, acting_user(context["request"]))


class FollowUpIn(Schema):
    follow_up: str = Field("", max_length=NOTE)
    # The alert's version as read; when given, a step on a changed alert answers 409.
    version: Version | None = None


class TravelAlertStepIn(Schema):
    version: Version  # the alert's version as read: a step on a changed alert answers 409


class TravelAlertCloseIn(Schema):
    version: Version
    outcome: Code  # from the alert_outcomes vocabulary
    note: str = Field("", max_length=NOTE)


class DiffusionIn(Schema):
    colour: str = Field(max_length=16)
    purpose: str = Field(max_length=16)
    body: str = Field(max_length=TEXT)
    subject_names: Names = Field([], max_length=NAMES)
    birth_date: dt.date | None = None
    requested_action: str = Field("", max_length=NOTE)
    legal_basis: str = Field("", max_length=NOTE)
    agency_ids: Ids = []
    countries: Codes = []
    kinds: Codes = []


class DiffusionRecipientOut(Schema):
    """An agency a diffusion went to (``DiffusionRecipient``) and its answer."""

    agency: str
    acknowledged_at: dt.datetime | None
    response: str

    @staticmethod
    def resolve_agency(recipient: Any) -> str:
        return str(recipient.agency.name)


class DiffusionOut(Schema):
    id: int
    colour: str
    purpose: str
    body: str
    subject_names: list[str]
    sender_agency: str
    sent_at: dt.datetime
    state: str
    recipients: list[DiffusionRecipientOut]

    @staticmethod
    def resolve_sender_agency(diffusion: Any) -> str:
        return str(diffusion.sender_agency.name)

    @staticmethod
    def resolve_recipients(diffusion: Any) -> list[Any]:
        # A no-op when the list already fetched them for every diffusion at once.
        prefetch_related_objects([diffusion], "recipients__agency")
        return list(diffusion.recipients.all())


class ResponseIn(Schema):
    response: str = Field("", max_length=NOTE)


class NoticeImportErrorOut(Schema):
    """A record of an INTERPOL file left out: ``(position from 1, reason)`` in the report."""

    position: int
    reason: str

    @staticmethod
    def resolve_position(error: tuple[int, str]) -> int:
        return error[0]

    @staticmethod
    def resolve_reason(error: tuple[int, str]) -> str:
        return error[1]


class ImportOut(Schema):
    """What an import of INTERPOL notices did (``interpol.ImportReport``)."""

    imported: bool
    created: int
    updated: int
    skipped: int
    errors: list[NoticeImportErrorOut]
