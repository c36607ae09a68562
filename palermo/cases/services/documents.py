"""Documents attached to a case: stored under the data directory, never served directly.

A file is accepted only when its content is one of the known types and its name says the
same thing (a ``.pdf`` that is really an executable is refused), it is within the size limit,
and the scanner (``PALERMO_DOCUMENT_SCANNER``, a dotted path to ``scan(path) -> None`` that
raises ``ServiceError`` for an infected file) lets it through.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.audit import services as audit
from palermo.cases.models import Case, Document
from palermo.cases.services.access import sight_of
from palermo.cases.services.errors import NotAllowed, ServiceError
from palermo.cases.services.timeline import add_event

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
    ".txt": ("text/plain", b""),
}


def max_size() -> int:
    return int(getattr(settings, "PALERMO_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))


def storage_root() -> Path:
    return Path(settings.DATA_DIR) / "documents"


def _check_type(name: str, path: Path) -> str:
    extension = Path(name).suffix.lower()
    if extension not in KNOWN_TYPES:
        raise ServiceError(_("Only PDF, Word (.docx), PNG, JPEG and text files are accepted."),
                           field="file")
    content_type, magic = KNOWN_TYPES[extension]
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head:
        raise ServiceError(_("The file is empty."), field="file")
    if magic and not head.startswith(magic):
        raise ServiceError(_("The file's content is not what its name says (%(ext)s).")
                           % {"ext": extension}, field="file")
    if extension == ".docx":
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" not in archive.namelist():
                    raise ServiceError(_("The file is not a Word document."), field="file")
        except zipfile.BadZipFile:
            raise ServiceError(_("The file is not a Word document."), field="file") from None
    if extension == ".txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
                raise ServiceError(_("The text file is not UTF-8 (byte %(byte)d).")
                                   % {"byte": exc.start}, field="file") from None
    return content_type


def _scan(path: Path) -> None:
    scanner = getattr(settings, "PALERMO_DOCUMENT_SCANNER", "")
    if scanner:
        import_string(scanner)(path)


def attach(case: Case, name: str, stream: IO[bytes], *, actor: User,
           request: object = None) -> Document:
    if not (actor.has_perm("cases.edit") and sight_of(actor, case).can_edit):
        raise NotAllowed(_("Your agency does not take part in this case."))
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
        _scan(path)
        stored_as = f"{case.pk}/{digest.hexdigest()}"
        final = storage_root() / stored_as
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, final)
        os.chmod(final, 0o600)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    with transaction.atomic():
        document = Document.objects.create(
            case=case, name=name, content_type=content_type, size=size,
            sha256=digest.hexdigest(), stored_as=stored_as, uploaded_by=actor)
        add_event(case, "document", N_("Document attached: %(name)s"), {"name": name},
                  actor=actor)
        audit.record("document.create", actor=actor, request=request,  # type: ignore[arg-type]
                     object_type="document", object_id=document.pk,
                     detail={"case": case.reference, "sha256": document.sha256, "size": size})
    return document


def listing() -> QuerySet[Document]:
    return Document.objects.select_related("case")


def open_for_download(document: Document, *, actor: User, request: object = None) -> IO[bytes]:
    if not sight_of(actor, document.case).can_open:
        from django.http import Http404

        raise Http404  # as for the case itself: no hint that it exists
    audit.record("document.read", actor=actor, request=request,  # type: ignore[arg-type]
                 object_type="document", object_id=document.pk,
                 detail={"case": document.case.reference})
    return (storage_root() / document.stored_as).open("rb")
