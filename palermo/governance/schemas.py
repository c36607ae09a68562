import datetime as dt

from ninja import Schema


class CommitteeIn(Schema):
    name: str
    kind: str
    mandate: str = ""
    chair_agency_id: int | None = None


class CommitteeOut(Schema):
    id: int
    name: str
    kind: str
    mandate: str
    chair_agency_id: int | None
    member_agency_ids: list[int]


class MeetingIn(Schema):
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    location: str = ""
    agenda: str = ""


class MeetingOut(MeetingIn):
    id: int
    committee_id: int
    version: int


class ItemIn(Schema):
    title: str
    owner_agency_id: int
    deadline: dt.date
    owner_id: int | None = None
    plan_action_id: int | None = None


class DecisionIn(Schema):
    text: str
    items: list[ItemIn] = []


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


class DecisionOut(Schema):
    id: int
    meeting_id: int
    number: int
    text: str
    items: list[ActionItemOut]


class StatusIn(Schema):
    status: str
    version: int
    note: str = ""


class MinutesIn(Schema):
    text: str
    version: int | None = None


class MinutesOut(Schema):
    id: int
    meeting_id: int
    number: int
    text: str
    state: str
    correction_reason: str
    version: int


class VersionIn(Schema):
    version: int


class ReasonIn(Schema):
    reason: str


class BillIn(Schema):
    title: str
    kind: str = "bill"
    number: str = ""
    sponsor: str = ""
    summary: str = ""
    stage: str = "draft"


class BillOut(BillIn):
    id: int
    decision_ids: list[int]
    opinion_ids: list[int]
    version: int


class StageIn(Schema):
    stage: str
    version: int
    on: dt.date | None = None


class PositionIn(Schema):
    text: str
    kind: str = "position"
    note: str = ""


class PositionOut(PositionIn):
    id: int
    number: int
    written_at: dt.datetime
