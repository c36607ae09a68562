"""Messaging under /api/v1/messaging/: the same services, so the same rules, as the pages."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from palermo.access.permissions import Permission
from palermo.access.services.errors import ServiceError
from palermo.core.api import acting_user
from palermo.messaging import schemas, services
from palermo.messaging.models import ForwardRequest, Message, Participant
from palermo.messaging.services.reading import MessageView

router = Router(tags=["messaging"])


def _who(participant: Participant) -> str:
    return participant.user.full_name if participant.user else str(participant.agency)


def _message(view: MessageView) -> dict[str, Any]:
    m = view.message
    return {
        "id": m.pk, "thread": m.thread_id,
        "sender": m.sender.full_name if m.sender else "Palermo",
        "sender_agency": m.sender_agency.name if m.sender_agency else "",
        "created_at": m.created_at, "body": view.body, "note": view.note,
        "handling_code": m.handling_code, "restriction": view.restriction,
        "reliability": m.reliability, "accuracy": m.accuracy, "ack_due": m.ack_due,
        "forwarded_from": m.forwarded_from_id, "forward": view.forward,
        "attachments": [{"id": i, "name": n, "size": s} for i, n, s in view.attachments],
        "receipts": [{"user": r.user.full_name, "read_at": r.read_at} for r in view.receipts],
        "acknowledgements": [{"participant": _who(a.participant), "acknowledged_at": a.at,
                              "acknowledged_by": a.by, "overdue": a.overdue}
                             for a in view.acks],
    }


def _content(payload: schemas.ContentIn) -> services.Content:
    attachments = []
    for item in payload.attachments:
        try:
            data = base64.b64decode(item.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ServiceError(_("The attachment “%(name)s” is not valid base64.")
                               % {"name": item.name}, field="attachments") from None
        attachments.append((item.name, data))
    return services.Content(body=payload.body, handling_code=payload.handling_code,
                            restriction=payload.restriction, reliability=payload.reliability,
                            accuracy=payload.accuracy, ack_due=payload.ack_due,
                            attachments=attachments)


def _recipients(payload: schemas.RecipientsIn) -> services.Recipients:
    return services.Recipients(users=payload.users, agencies=payload.agencies,
                               groups=payload.groups)


@router.get("/threads", response=list[schemas.ThreadLineOut],
            auth=Permission("messaging.use"))
def thread_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"id": line.thread.pk, "subject": line.subject, "unread": line.unread,
             "awaiting_acknowledgement": line.awaiting_ack,
             "acknowledgement_overdue": line.overdue, "link_type": line.thread.link_type,
             "link_ref": line.thread.link_ref, "last_message_at": line.thread.last_message_at}
            for line in services.inbox(acting_user(request))]


@router.get("/threads/{thread_id}", response=schemas.ThreadOut,
            auth=Permission("messaging.use"))
def thread_detail(request: HttpRequest, thread_id: int) -> dict[str, Any]:
    page = services.open_thread(thread_id, actor=acting_user(request),
                                request=request)
    return {"id": page.thread.pk, "subject": page.subject, "link_type": page.thread.link_type,
            "link_ref": page.thread.link_ref,
            "participants": [_who(p) for p in page.participants],
            "messages": [_message(v) for v in page.messages]}


@router.post("/threads", response={201: schemas.SentOut}, auth=Permission("messaging.use"))
def send(request: HttpRequest, payload: schemas.SendIn) -> Status[dict[str, Any]]:
    message = services.start(actor=acting_user(request),
                             subject=payload.subject, content=_content(payload),
                             recipients=_recipients(payload.recipients),
                             link_type=payload.link_type, link_ref=payload.link_ref,
                             request=request)
    return Status(201, {"id": message.pk, "thread": message.thread_id})


@router.post("/threads/{thread_id}/messages", response={201: schemas.SentOut},
             auth=Permission("messaging.use"))
def reply(request: HttpRequest, thread_id: int, payload: schemas.ContentIn
          ) -> Status[dict[str, Any]]:
    from django.shortcuts import get_object_or_404

    thread = get_object_or_404(services.visible_threads(acting_user(request)),
                               pk=thread_id)
    message = services.reply(thread, actor=acting_user(request),
                             content=_content(payload), request=request)
    return Status(201, {"id": message.pk, "thread": message.thread_id})


def _get(request: HttpRequest, message_id: int) -> Message:
    return services.get_message(acting_user(request), message_id)


@router.post("/messages/{message_id}/forward", response={201: schemas.SentOut},
             auth=Permission("messaging.use"))
def forward(request: HttpRequest, message_id: int, payload: schemas.ForwardIn
            ) -> Status[dict[str, Any]]:
    message = services.forward(_get(request, message_id),
                               actor=acting_user(request),
                               recipients=_recipients(payload.recipients), note=payload.note,
                               request=request)
    return Status(201, {"id": message.pk, "thread": message.thread_id})


@router.post("/messages/{message_id}/acknowledge", response=schemas.AckDone,
             auth=Permission("messaging.use"))
def acknowledge(request: HttpRequest, message_id: int) -> dict[str, Any]:
    ack = services.acknowledge(_get(request, message_id),
                               actor=acting_user(request),
                               request=request)
    return {"message": ack.message_id, "acknowledged_at": ack.at}


def _permission(asked: ForwardRequest) -> dict[str, Any]:
    return {"id": asked.pk, "message": asked.message_id, "agency": asked.agency.name,
            "state": asked.state}


@router.post("/messages/{message_id}/permission", response={201: schemas.PermissionOut},
             auth=Permission("messaging.use"))
def ask_permission(request: HttpRequest, message_id: int, payload: schemas.PermissionIn
                   ) -> Status[dict[str, Any]]:
    asked = services.ask_permission(_get(request, message_id),
                                    actor=acting_user(request),
                                    reason=payload.reason, request=request)
    return Status(201, _permission(asked))


@router.post("/permissions/{request_id}/decide", response=schemas.PermissionOut,
             auth=Permission("messaging.use"))
def decide(request: HttpRequest, request_id: int, payload: schemas.GrantIn
           ) -> dict[str, Any]:
    user = acting_user(request)
    asked = services.decide(services.get_request(user, request_id), actor=user,
                            grant=payload.grant, request=request)
    return _permission(asked)
