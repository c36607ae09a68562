"""What the governance API reads and answers. The answers are built from the services' own
records (a committee, a meeting, a decision and its action items, minutes, a bill) by the
resolvers here, never by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from palermo.web.limits import NOTE, TEXT, Id, Version


class CommitteeIn(Schema):
    name: str = Field(max_length=200)
    kind: str = Field(max_length=32)
    mandate: str = Field("", max_length=TEXT)
    chair_agency_id: Id | None = None


class CommitteeOut(Schema):
    id: int
    name: str
    kind: str
    mandate: str
    chair_agency_id: int | None
    member_agency_ids: list[int]

    @staticmethod
    def resolve_member_agency_ids(committee: Any) -> list[int]:
        return [member.agency_id for member in committee.members.all()]


class MeetingIn(Schema):
    title: str = Field(max_length=300)
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    location: str = Field("", max_length=200)
    agenda: str = Field("", max_length=TEXT)


# Answers carry what is stored, without the input limits.
class MeetingOut(Schema):
    id: int
    committee_id: int
    version: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    location: str
    agenda: str


class ItemIn(Schema):
    title: str = Field(max_length=300)
    owner_agency_id: Id
    deadline: dt.date
    owner_id: Id | None = None
    plan_action_id: Id | None = None


class DecisionIn(Schema):
    text: str = Field(max_length=TEXT)
    items: list[ItemIn] = Field([], max_length=100)


class ActionItemOut(Schema):
    id: int
    title: str
    owner_agency_id: int
    owner_id: int | None
    deadline: dt.date
    status: str
    progress_note: str
    decision_id: int | None
    plan_action_id: int | None
    overdue: bool
    version: int

    @staticmethod
    def resolve_overdue(item: Any) -> bool:
        return bool(item.is_overdue)


class DecisionOut(Schema):
    id: int
    meeting_id: int
    number: int
    text: str
    items: list[ActionItemOut]

    @staticmethod
    def resolve_items(decision: Any) -> list[Any]:
        return list(decision.action_items.all())


class ActionStatusIn(Schema):
    status: str = Field(max_length=16)
    version: Version
    note: str = Field("", max_length=NOTE)


class MinutesIn(Schema):
    text: str = Field(max_length=TEXT)
    version: Version | None = None


class MinutesOut(Schema):
    id: int
    meeting_id: int
    number: int
    text: str
    state: str
    correction_reason: str
    version: int


class VersionIn(Schema):
    version: Version


class CorrectionIn(Schema):
    reason: str = Field(max_length=NOTE)


class BillIn(Schema):
    title: str = Field(max_length=300)
    kind: str = Field("bill", max_length=16)
    number: str = Field("", max_length=64)
    sponsor: str = Field("", max_length=200)
    summary: str = Field("", max_length=TEXT)
    stage: str = Field("draft", max_length=32)


class BillOut(Schema):
    id: int
    title: str
    kind: str
    number: str
    sponsor: str
    summary: str
    stage: str
    decision_ids: list[int]
    opinion_ids: list[int]
    version: int


class StageIn(Schema):
    stage: str = Field(max_length=32)
    version: Version
    on: dt.date | None = None


class PositionIn(Schema):
    text: str = Field(max_length=TEXT)
    kind: str = Field("position", max_length=16)
    note: str = Field("", max_length=300)


class PositionOut(Schema):
    id: int
    text: str
    kind: str
    note: str
    number: int
    written_at: dt.datetime
