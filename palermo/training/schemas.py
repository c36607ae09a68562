"""What the training API reads and answers, built from the services' own records (a
session, a registration, a coverage row, a campaign) by the resolvers here, never by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from palermo.training.services import campaigns
from palermo.training.services.courses import MAX_REFRESHER_MONTHS
from palermo.web.limits import TEXT, Codes, Id


class CourseIn(Schema):
    title: str = Field(max_length=200)
    professions: Codes
    refresher_months: int = Field(24, ge=0, le=MAX_REFRESHER_MONTHS)
    description: str = Field("", max_length=TEXT)


# Answers carry what is stored, without the input limits.
class CourseOut(Schema):
    id: int
    title: str
    professions: list[str]
    refresher_months: int
    description: str


class SessionIn(Schema):
    starts_on: dt.date
    ends_on: dt.date | None = None
    place: str = Field(max_length=200)
    capacity: int = Field(ge=1, le=2000)
    trainers: str = Field("", max_length=400)


class SessionOut(Schema):
    id: int
    starts_on: dt.date
    ends_on: dt.date | None
    place: str
    capacity: int
    trainers: str
    course_id: int
    registered: int

    @staticmethod
    def resolve_registered(session: Any) -> int:
        return int(session.registrations.count())


class RegistrationIn(Schema):
    full_name: str = Field(max_length=200)
    email: str = Field(max_length=254)
    profession: str = Field(max_length=40)
    agency_id: Id | None = None
    organisation: str = Field("", max_length=200)


class RegistrationOut(Schema):
    """A registration with its trainee: who they are and which agency sent them."""

    id: int
    session_id: int
    trainee_id: int
    full_name: str
    email: str
    profession: str
    agency: str | None
    attended: bool | None
    certificate_code: str | None

    @staticmethod
    def resolve_full_name(registration: Any) -> str:
        return str(registration.trainee.full_name)

    @staticmethod
    def resolve_email(registration: Any) -> str:
        return str(registration.trainee.email)

    @staticmethod
    def resolve_profession(registration: Any) -> str:
        return str(registration.trainee.profession)

    @staticmethod
    def resolve_agency(registration: Any) -> str | None:
        agency = registration.trainee.agency
        return str(agency.name) if agency else None


class AttendanceIn(Schema):
    attended: bool


class CoverageOut(Schema):
    """A row of ``coverage.coverage`` (``coverage.CoverageRow``)."""

    agency_id: int | None
    agency: str
    profession: str
    trained: int
    last_trained: dt.date | None
    due: int
    next_due: dt.date | None


class CampaignOut(Schema):
    id: int
    title: str
    audiences: list[str]
    channels: list[str]
    starts_on: dt.date
    ends_on: dt.date | None
    reach: dict[str, int]

    @staticmethod
    def resolve_reach(campaign: Any) -> dict[str, int]:
        return dict(campaigns.reach_by_channel(campaign))
