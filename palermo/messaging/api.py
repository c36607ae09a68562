"""Messaging under /api/v1/messaging/: the same services, so the same rules, as the pages.
The answers are the schemas of ``schemas.py``, built from what the services return."""

from __future__ import annotations

import base64
import binascii

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status

from palermo.access.services.errors import ServiceError
from palermo.core.api import acting_user
from palermo.guards import Permission
from palermo.messaging import schemas, services
from palermo.messaging.models import Acknowledgement, ForwardRequest, Message
from palermo.messaging.services.reading import ThreadLine, ThreadPage

router = Router(tags=["messaging"])


def _content(payload: schemas.MessageContentIn) -> services.Content:
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


def _recipients(payload: schemas.MessageRecipientsIn) -> services.Recipients:
    return services.Recipients(users=payload.users, agencies=payload.agencies,
                               groups=payload.groups)


@router.get("/threads", response=list[schemas.ThreadLineOut],
            auth=Permission("messaging.use"))
def thread_list(request: HttpRequest) -> list[ThreadLine]:
    return services.inbox(acting_user(request))


@router.get("/threads/{thread_id}", response=schemas.ThreadOut,
            auth=Permission("messaging.use"))
def thread_detail(request: HttpRequest, thread_id: int) -> ThreadPage:
    return services.open_thread(thread_id, actor=acting_user(request), request=request)


@router.post("/threads", response={201: schemas.MessageSentOut},
             auth=Permission("messaging.use"))
def send(request: HttpRequest, payload: schemas.MessageSendIn) -> Status[Message]:
    message = services.start(actor=acting_user(request),
                             subject=payload.subject, content=_content(payload),
                             recipients=_recipients(payload.recipients),
                             link_type=payload.link_type, link_ref=payload.link_ref,
                             request=request)
    return Status(201, message)


@router.post("/threads/{thread_id}/messages", response={201: schemas.MessageSentOut},
             auth=Permission("messaging.use"))
def reply(request: HttpRequest, thread_id: int, payload: schemas.MessageContentIn
          ) -> Status[Message]:
    thread = get_object_or_404(services.visible_threads(acting_user(request)),
                               pk=thread_id)
    return Status(201, services.reply(thread, actor=acting_user(request),
                                      content=_content(payload), request=request))


def _get(request: HttpRequest, message_id: int) -> Message:
    return services.get_message(acting_user(request), message_id)


@router.post("/messages/{message_id}/forward", response={201: schemas.MessageSentOut},
             auth=Permission("messaging.use"))
def forward(request: HttpRequest, message_id: int, payload: schemas.MessageForwardIn
            ) -> Status[Message]:
    return Status(201, services.forward(_get(request, message_id), actor=acting_user(request),
                                        recipients=_recipients(payload.recipients),
                                        note=payload.note, request=request))


@router.post("/messages/{message_id}/acknowledge", response=schemas.MessageAcknowledgedOut,
             auth=Permission("messaging.use"))
def acknowledge(request: HttpRequest, message_id: int) -> Acknowledgement:
    return services.acknowledge(_get(request, message_id), actor=acting_user(request),
                                request=request)


@router.post("/messages/{message_id}/permission", response={201: schemas.ForwardPermissionOut},
             auth=Permission("messaging.use"))
def ask_permission(request: HttpRequest, message_id: int, payload: schemas.ForwardPermissionIn
                   ) -> Status[ForwardRequest]:
    return Status(201, services.ask_permission(_get(request, message_id),
                                               actor=acting_user(request),
                                               reason=payload.reason, request=request))


@router.post("/permissions/{request_id}/decide", response=schemas.ForwardPermissionOut,
             auth=Permission("messaging.use"))
def decide(request: HttpRequest, request_id: int, payload: schemas.ForwardGrantIn
           ) -> ForwardRequest:
    user = acting_user(request)
    return services.decide(services.get_request(user, request_id), actor=user,
                           grant=payload.grant, request=request)
