import datetime as dt

from ninja import Field, Schema

from palermo.messaging.services.rules import MAX_ATTACHMENTS, MAX_BODY, MAX_SUBJECT, MAX_TEXT
from palermo.web.limits import Ids


class RecipientsIn(Schema):
    users: Ids = []
    agencies: Ids = []
    groups: Ids = []


class AttachmentIn(Schema):
    name: str = Field(max_length=255)
    # Bounded by the request's size (DATA_UPLOAD_MAX_MEMORY_SIZE) and the file size rule.
    content_base64: str


class ContentIn(Schema):
    body: str = Field(max_length=MAX_BODY)
    handling_code: str = Field("H0", max_length=8)
    restriction: str = Field("", max_length=MAX_TEXT)
    reliability: str = Field("X", max_length=2)
    accuracy: str = Field("4", max_length=2)
    ack_due: dt.date | None = None
    attachments: list[AttachmentIn] = Field([], max_length=MAX_ATTACHMENTS)


class SendIn(ContentIn):
    subject: str = Field(max_length=MAX_SUBJECT)
    recipients: RecipientsIn
    link_type: str = Field("", max_length=16)
    link_ref: str = Field("", max_length=64)


class ForwardIn(Schema):
    recipients: RecipientsIn
    note: str = Field("", max_length=MAX_TEXT)


class ThreadLineOut(Schema):
    id: int
    subject: str
    unread: int
    awaiting_acknowledgement: int
    acknowledgement_overdue: bool
    link_type: str
    link_ref: str
    last_message_at: dt.datetime


class AttachmentOut(Schema):
    id: int
    name: str
    size: int


class ReceiptOut(Schema):
    user: str
    read_at: dt.datetime


class AckOut(Schema):
    participant: str
    acknowledged_at: dt.datetime | None
    acknowledged_by: str
    overdue: bool


class MessageOut(Schema):
    id: int
    thread: int
    sender: str
    sender_agency: str
    created_at: dt.datetime
    body: str
    note: str
    handling_code: str
    restriction: str
    reliability: str
    accuracy: str
    ack_due: dt.date | None
    forwarded_from: int | None
    forward: str
    attachments: list[AttachmentOut]
    receipts: list[ReceiptOut]
    acknowledgements: list[AckOut]


class ThreadOut(Schema):
    id: int
    subject: str
    link_type: str
    link_ref: str
    participants: list[str]
    messages: list[MessageOut]


class SentOut(Schema):
    id: int
    thread: int


class AckDone(Schema):
    message: int
    acknowledged_at: dt.datetime


class PermissionIn(Schema):
    reason: str = Field(max_length=MAX_TEXT)


class GrantIn(Schema):
    grant: bool


class PermissionOut(Schema):
    id: int
    message: int
    agency: str
    state: str
