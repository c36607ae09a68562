import datetime as dt

from ninja import Schema


class CourseIn(Schema):
    title: str
    professions: list[str]
    refresher_months: int = 24
    description: str = ""


class CourseOut(CourseIn):
    id: int


class SessionIn(Schema):
    starts_on: dt.date
    ends_on: dt.date | None = None
    place: str
    capacity: int
    trainers: str = ""


class SessionOut(SessionIn):
    id: int
    course_id: int
    registered: int


class RegistrationIn(Schema):
    full_name: str
    email: str
    profession: str
    agency_id: int | None = None
    organisation: str = ""


class RegistrationOut(Schema):
    id: int
    session_id: int
    trainee_id: int
    full_name: str
    email: str
    profession: str
    agency: str | None
    attended: bool | None
    certificate_code: str | None


class AttendanceIn(Schema):
    attended: bool


class CoverageOut(Schema):
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
