import datetime as dt

from ninja import Schema


class RecipientsIn(Schema):
    users: list[int] = []
    agencies: list[int] = []
    groups: list[int] = []


class AttachmentIn(Schema):
    name: str
    content_base64: str


class ContentIn(Schema):
    body: str
    handling_code: str = "H0"
    restriction: str = ""
    reliability: str = "X"
    accuracy: str = "4"
    ack_due: dt.date | None = None
    attachments: list[AttachmentIn] = []


class SendIn(ContentIn):
    subject: str
    recipients: RecipientsIn
    link_type: str = ""
    link_ref: str = ""


class ForwardIn(Schema):
    recipients: RecipientsIn
    note: str = ""


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
    reason: str


class DecisionIn(Schema):
    grant: bool


class PermissionOut(Schema):
    id: int
    message: int
    agency: str
    state: str
