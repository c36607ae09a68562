"""The one way an uploaded file is accepted and kept, for every capability that takes files
(case documents, meeting papers, training materials, nomination attachments).

A file is accepted only when its content is one of the known types and its name says the
same thing (a ``.pdf`` that is really an executable is refused), it is within the size limit
(``PALERMO_DOCUMENT_MAX_BYTES``, 20 MB by default), and the scanner
(``PALERMO_DOCUMENT_SCANNER``, a dotted path to ``scan(path) -> None`` that raises
``ServiceError`` for an infected file) lets it through. It is kept under a root the caller
names, by its SHA-256, owner-only (file 0600, folders 0700, whatever the umask), and never
served directly.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palermo.core import files
from palermo.core.errors import ServiceError

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
NAMES = {".pdf": "PDF", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG",
         ".docx": "Word (.docx)", ".pptx": "PowerPoint (.pptx)", ".txt": gettext_lazy("text")}
# What an Office file's archive must hold to be what its name says.
OFFICE_PARTS = {".docx": ("word/document.xml", "Word"),
                ".pptx": ("ppt/presentation.xml", "PowerPoint")}
DOCUMENTS = (".pdf", ".png", ".jpg", ".jpeg", ".docx", ".txt")


@dataclass(frozen=True)
class StoredFile:
    name: str
    content_type: str
    size: int
    sha256: str
    stored_as: str  # relative to the root it was stored under


def max_size() -> int:
    return int(getattr(settings, "PALERMO_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))


def check_type(name: str, path: Path, *, allowed: Collection[str] = DOCUMENTS,
               field: str = "file") -> str:
    """The content type of the file at ``path``, or why it is refused."""
    extension = Path(name).suffix.lower()
    if extension not in allowed or extension not in KNOWN_TYPES:
        kinds = list(dict.fromkeys(str(NAMES[e]) for e in allowed))
        raise ServiceError(_("Only %(kinds)s files are accepted.")
                           % {"kinds": ", ".join(kinds)}, field=field)
    content_type, magic = KNOWN_TYPES[extension]
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head:
        raise ServiceError(_("The file is empty."), field=field)
    if magic and not head.startswith(magic):
        raise ServiceError(_("The file's content is not what its name says (%(ext)s).")
                           % {"ext": extension}, field=field)
    if extension in OFFICE_PARTS:
        part, kind = OFFICE_PARTS[extension]
        try:
            with zipfile.ZipFile(path) as archive:
                holds = part in archive.namelist()
        except zipfile.BadZipFile:
            holds = False
        if not holds:
            raise ServiceError(_("The file is not a %(kind)s document.") % {"kind": kind},
                               field=field)
    if extension == ".txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
                raise ServiceError(_("The text file is not UTF-8 (byte %(byte)d).")
                                   % {"byte": exc.start}, field=field) from None
    return content_type


def store(root: Path, folder: str, name: str, stream: IO[bytes], *,
          allowed: Collection[str] = DOCUMENTS, field: str = "file") -> StoredFile:
    """Check the file and keep it as ``<root>/<folder>/<sha256>``."""
    name = Path(name or "").name.strip()[:255]
    if not name:
        raise ServiceError(_("The file needs a name."), field=field)
    files.private_dir(root)
    digest, size, limit = hashlib.sha256(), 0, max_size()
    # Written to a temporary file first: nothing half-written ever carries a final name.
    with tempfile.NamedTemporaryFile(dir=root, delete=False) as temporary:
        try:
            for chunk in iter(lambda: stream.read(1024 * 1024), b""):
                size += len(chunk)
                if size > limit:
                    raise ServiceError(_("The file is larger than %(mb)d MB.")
                                       % {"mb": limit // (1024 * 1024)}, field=field)
                digest.update(chunk)
                temporary.write(chunk)
        except BaseException:
            os.unlink(temporary.name)
            raise
    path = Path(temporary.name)
    try:
        content_type = check_type(name, path, allowed=allowed, field=field)
        scanner = getattr(settings, "PALERMO_DOCUMENT_SCANNER", "")
        if scanner:
            import_string(scanner)(path)
        stored_as = f"{folder}/{digest.hexdigest()}"
        final = root / stored_as
        files.private_dir(final.parent)
        os.replace(path, final)
        os.chmod(final, files.FILE_MODE)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return StoredFile(name, content_type, size, digest.hexdigest(), stored_as)
