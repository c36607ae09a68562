"""Files of a meeting (papers, presentations, signed minutes), stored as cases stores its
documents: under the data directory by digest, accepted only when the content is what the
name says, never served directly."""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.governance.models import Meeting, MeetingDocument
from palermo.governance.services.common import require

if TYPE_CHECKING:
    from palermo.access.models import User

# extension -> (content type, how the content must start)
KNOWN_TYPES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              b"PK\x03\x04"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
              b"PK\x03\x04"),
    ".txt": ("text/plain", b""),
}
OFFICE_PART = {".docx": "word/document.xml", ".pptx": "ppt/presentation.xml"}


def max_size() -> int:
    return int(getattr(settings, "PALERMO_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))


def storage_root() -> Path:
    return Path(settings.DATA_DIR) / "governance"


def _check_type(name: str, path: Path) -> str:
    extension = Path(name).suffix.lower()
    if extension not in KNOWN_TYPES:
        raise ServiceError(_("Only PDF, Word, PowerPoint, PNG, JPEG and text files are "
                             "accepted."), field="file")
    content_type, magic = KNOWN_TYPES[extension]
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head:
        raise ServiceError(_("The file is empty."), field="file")
    if magic and not head.startswith(magic):
        raise ServiceError(_("The file's content is not what its name says (%(ext)s).")
                           % {"ext": extension}, field="file")
    if extension in OFFICE_PART:
        try:
            with zipfile.ZipFile(path) as archive:
                ok = OFFICE_PART[extension] in archive.namelist()
        except zipfile.BadZipFile:
            ok = False
        if not ok:
            raise ServiceError(_("The file's content is not what its name says (%(ext)s).")
                               % {"ext": extension}, field="file")
    if extension == ".txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
                raise ServiceError(_("The text file is not UTF-8 (byte %(byte)d).")
                                   % {"byte": exc.start}, field="file") from None
    return content_type


def attach(meeting: Meeting, name: str, stream: IO[bytes], *, actor: User,
           request: HttpRequest | None = None) -> MeetingDocument:
    require(actor, "governance.edit")
    name = Path(name).name.strip()[:255]
    if not name:
        raise ServiceError(_("The file needs a name."), field="file")
    storage_root().mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    # Written to a temporary file first: nothing half-written ever carries a final name.
    with tempfile.NamedTemporaryFile(dir=storage_root(), delete=False) as temporary:
        try:
            for chunk in iter(lambda: stream.read(1024 * 1024), b""):
                size += len(chunk)
                if size > max_size():
                    raise ServiceError(_("The file is larger than %(mb)d MB.")
                                       % {"mb": max_size() // (1024 * 1024)}, field="file")
                digest.update(chunk)
                temporary.write(chunk)
        except BaseException:
            os.unlink(temporary.name)
            raise
    path = Path(temporary.name)
    try:
        content_type = _check_type(name, path)
        scanner = getattr(settings, "PALERMO_DOCUMENT_SCANNER", "")
        if scanner:
            import_string(scanner)(path)
        stored_as = f"{meeting.pk}/{digest.hexdigest()}"
        final = storage_root() / stored_as
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, final)
        os.chmod(final, 0o600)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    with transaction.atomic():
        document = MeetingDocument.objects.create(
            meeting=meeting, name=name, content_type=content_type, size=size,
            sha256=digest.hexdigest(), stored_as=stored_as, uploaded_by=actor)
        audit.record("meeting_document.create", actor=actor, request=request,
                     object_type="meeting_document", object_id=document.pk,
                     detail={"meeting": meeting.pk, "sha256": document.sha256, "size": size})
    return document


def open_for_download(document: MeetingDocument, *, actor: User,
                      request: HttpRequest | None = None) -> IO[bytes]:
    require(actor, "governance.view")
    audit.record("meeting_document.read", actor=actor, request=request,
                 object_type="meeting_document", object_id=document.pk,
                 detail={"meeting": document.meeting_id})
    return (storage_root() / document.stored_as).open("rb")
