"""Files of a meeting (papers, presentations, signed minutes), checked and kept by
``web.uploads`` under ``<data dir>/governance/<meeting>/``, never served directly."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.governance.models import Meeting, MeetingDocument
from palermo.web import uploads

if TYPE_CHECKING:
    from palermo.access.models import User

def storage_root() -> Path:
    return Path(settings.DATA_DIR) / "governance"


def attach(meeting: Meeting, name: str, stream: IO[bytes], *, actor: User,
           request: HttpRequest | None = None) -> MeetingDocument:
    require(actor, "governance.edit")
    stored = uploads.store(storage_root(), str(meeting.pk), name, stream,
                           allowed=(*uploads.DOCUMENTS, ".pptx"))
    with transaction.atomic():
        document = MeetingDocument.objects.create(
            meeting=meeting, name=stored.name, content_type=stored.content_type,
            size=stored.size, sha256=stored.sha256, stored_as=stored.stored_as,
            uploaded_by=actor)
        audit.record("meeting_document.create", actor=actor, request=request,
                     object_type="meeting_document", object_id=document.pk,
                     detail={"meeting": meeting.pk, "sha256": document.sha256,
                             "size": document.size})
    return document


def open_for_download(document: MeetingDocument, *, actor: User,
                      request: HttpRequest | None = None) -> IO[bytes]:
    require(actor, "governance.view")
    audit.record("meeting_document.read", actor=actor, request=request,
                 object_type="meeting_document", object_id=document.pk,
                 detail={"meeting": document.meeting_id})
    return (storage_root() / document.stored_as).open("rb")
