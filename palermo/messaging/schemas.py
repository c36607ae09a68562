"""What the messaging API reads and answers. The answers are built from what the services
return (a thread's line in the inbox, a thread as one user reads it, a message, an
acknowledgement, a request to forward) by the resolvers here, never by hand."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ninja import Field, Schema

from palermo.messaging.services.rules import MAX_ATTACHMENTS, MAX_BODY, MAX_SUBJECT, MAX_TEXT
from palermo.web.limits import Ids

if TYPE_CHECKING:
    from palermo.messaging.models import (
        Acknowledgement,
        ForwardRequest,
        Message,
        Participant,
        Receipt,
    )
    from palermo.messaging.services.reading import AckLine, MessageView, ThreadLine, ThreadPage


def _who(participant: Participant) -> str:
    return participant.user.full_name if participant.user else str(participant.agency)


class MessageRecipientsIn(Schema):
    users: Ids = []
    agencies: Ids = []
    groups: Ids = []


class MessageAttachmentIn(Schema):
    name: str = Field(max_length=255)
    # Bounded by the request's size (DATA_UPLOAD_MAX_MEMORY_SIZE) and the file size rule.
    content_base64: str


class MessageContentIn(Schema):
    body: str = Field(max_length=MAX_BODY)
    handling_code: str = Field("H0", max_length=8)
    restriction: str = Field("", max_length=MAX_TEXT)
    reliability: str = Field("X", max_length=2)
    accuracy: str = Field("4", max_length=2)
    ack_due: dt.date | None = None
    attachments: list[MessageAttachmentIn] = Field([], max_length=MAX_ATTACHMENTS)


class MessageSendIn(MessageContentIn):
    subject: str = Field(max_length=MAX_SUBJECT)
    recipients: MessageRecipientsIn
    link_type: str = Field("", max_length=16)
    link_ref: str = Field("", max_length=64)


class MessageForwardIn(Schema):
    recipients: MessageRecipientsIn
    note: str = Field("", max_length=MAX_TEXT)


class ThreadLineOut(Schema):
    """A thread's line in the inbox (built from ``reading.ThreadLine``)."""

    id: int
    subject: str
    unread: int
    awaiting_acknowledgement: int
    acknowledgement_overdue: bool
    link_type: str
    link_ref: str
    last_message_at: dt.datetime

    @staticmethod
    def resolve_id(line: ThreadLine) -> int:
        return int(line.thread.pk)

    @staticmethod
    def resolve_awaiting_acknowledgement(line: ThreadLine) -> int:
        return line.awaiting_ack

    @staticmethod
    def resolve_acknowledgement_overdue(line: ThreadLine) -> bool:
        return line.overdue

    @staticmethod
    def resolve_link_type(line: ThreadLine) -> str:
        return line.thread.link_type

    @staticmethod
    def resolve_link_ref(line: ThreadLine) -> str:
        return line.thread.link_ref

    @staticmethod
    def resolve_last_message_at(line: ThreadLine) -> dt.datetime:
        return line.thread.last_message_at


class MessageAttachmentOut(Schema):
    id: int
    name: str
    size: int


class MessageReceiptOut(Schema):
    """Who read a message, and when (built from a ``Receipt``)."""

    user: str
    read_at: dt.datetime

    @staticmethod
    def resolve_user(receipt: Receipt) -> str:
        return receipt.user.full_name


class MessageAcknowledgementOut(Schema):
    """Whether a participant acknowledged a message (built from ``reading.AckLine``)."""

    participant: str
    acknowledged_at: dt.datetime | None
    acknowledged_by: str
    overdue: bool

    @staticmethod
    def resolve_participant(line: AckLine) -> str:
        return _who(line.participant)

    @staticmethod
    def resolve_acknowledged_at(line: AckLine) -> dt.datetime | None:
        return line.at

    @staticmethod
    def resolve_acknowledged_by(line: AckLine) -> str:
        return line.by


class MessageOut(Schema):
    """A message as one user reads it (built from ``reading.MessageView``): its body, note
    and restriction deciphered, and what may be done with it."""

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
    attachments: list[MessageAttachmentOut]
    receipts: list[MessageReceiptOut]
    acknowledgements: list[MessageAcknowledgementOut]

    @staticmethod
    def resolve_id(view: MessageView) -> int:
        return int(view.message.pk)

    @staticmethod
    def resolve_thread(view: MessageView) -> int:
        return view.message.thread_id

    @staticmethod
    def resolve_sender(view: MessageView) -> str:
        sender = view.message.sender
        return sender.full_name if sender else "Palermo"

    @staticmethod
    def resolve_sender_agency(view: MessageView) -> str:
        agency = view.message.sender_agency
        return agency.name if agency else ""

    @staticmethod
    def resolve_created_at(view: MessageView) -> dt.datetime:
        return view.message.created_at

    @staticmethod
    def resolve_handling_code(view: MessageView) -> str:
        return view.message.handling_code

    @staticmethod
    def resolve_reliability(view: MessageView) -> str:
        return view.message.reliability

    @staticmethod
    def resolve_accuracy(view: MessageView) -> str:
        return view.message.accuracy

    @staticmethod
    def resolve_ack_due(view: MessageView) -> dt.date | None:
        return view.message.ack_due

    @staticmethod
    def resolve_forwarded_from(view: MessageView) -> int | None:
        return view.message.forwarded_from_id

    @staticmethod
    def resolve_attachments(view: MessageView) -> list[MessageAttachmentOut]:
        return [MessageAttachmentOut(id=pk, name=name, size=size)
                for pk, name, size in view.attachments]

    @staticmethod
    def resolve_acknowledgements(view: MessageView) -> list[AckLine]:
        return view.acks


class ThreadOut(Schema):
    """A thread as one user reads it (built from ``reading.ThreadPage``)."""

    id: int
    subject: str
    link_type: str
    link_ref: str
    participants: list[str]
    messages: list[MessageOut]

    @staticmethod
    def resolve_id(page: ThreadPage) -> int:
        return int(page.thread.pk)

    @staticmethod
    def resolve_link_type(page: ThreadPage) -> str:
        return page.thread.link_type

    @staticmethod
    def resolve_link_ref(page: ThreadPage) -> str:
        return page.thread.link_ref

    @staticmethod
    def resolve_participants(page: ThreadPage) -> list[str]:
        return [_who(p) for p in page.participants]


class MessageSentOut(Schema):
    """The message just sent or forwarded, and its thread (built from the ``Message``)."""

    id: int
    thread: int

    @staticmethod
    def resolve_thread(message: Message) -> int:
        return message.thread_id


class MessageAcknowledgedOut(Schema):
    """Built from the ``Acknowledgement``."""

    message: int
    acknowledged_at: dt.datetime

    @staticmethod
    def resolve_message(ack: Acknowledgement) -> int:
        return ack.message_id

    @staticmethod
    def resolve_acknowledged_at(ack: Acknowledgement) -> dt.datetime:
        return ack.at


class ForwardPermissionIn(Schema):
    reason: str = Field(max_length=MAX_TEXT)


class ForwardGrantIn(Schema):
    grant: bool


class ForwardPermissionOut(Schema):
    """A request to forward a message further (built from the ``ForwardRequest``)."""

    id: int
    message: int
    agency: str
    state: str

    @staticmethod
    def resolve_message(asked: ForwardRequest) -> int:
        return asked.message_id

    @staticmethod
    def resolve_agency(asked: ForwardRequest) -> str:
        return asked.agency.name
