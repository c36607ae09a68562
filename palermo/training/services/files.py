"""Uploaded files (training materials, award nominations' attachments): stored under the data
directory, never served directly, and accepted only when the content is one of the known
types and the name says the same (a ``.pdf`` that is really an executable is refused)."""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError

MAX_BYTES = 20 * 1024 * 1024
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
# What an Office file's archive must hold to be what its name says.
OFFICE_PARTS = {".docx": "word/document.xml", ".pptx": "ppt/presentation.xml"}


@dataclass(frozen=True)
class StoredFile:
    name: str
    content_type: str
    size: int
    sha256: str
    stored_as: str


def root() -> Path:
    return Path(settings.DATA_DIR) / "uploads"


def _check(name: str, path: Path, field: str) -> str:
    extension = Path(name).suffix.lower()
    if extension not in KNOWN_TYPES:
        raise ServiceError(_("Only PDF, Word (.docx), PowerPoint (.pptx), PNG, JPEG and text "
                             "files are accepted."), field=field)
    content_type, magic = KNOWN_TYPES[extension]
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head:
        raise ServiceError(_("The file is empty."), field=field)
    if magic and not head.startswith(magic):
        raise ServiceError(_("The file's content is not what its name says (%(ext)s).")
                           % {"ext": extension}, field=field)
    if extension in OFFICE_PARTS:
        try:
            with zipfile.ZipFile(path) as archive:
                if OFFICE_PARTS[extension] not in archive.namelist():
                    raise ServiceError(_("The file's content is not what its name says "
                                         "(%(ext)s).") % {"ext": extension}, field=field)
        except zipfile.BadZipFile:
            raise ServiceError(_("The file's content is not what its name says (%(ext)s).")
                               % {"ext": extension}, field=field) from None
    if extension == ".txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
                raise ServiceError(_("The text file is not UTF-8 (byte %(byte)d).")
                                   % {"byte": exc.start}, field=field) from None
    return content_type


def store(folder: str, name: str, stream: IO[bytes], *, field: str = "file") -> StoredFile:
    """Check and keep the file under ``<data dir>/uploads/<folder>/<sha256>``."""
    name = Path(name or "").name.strip()[:255]
    if not name:
        raise ServiceError(_("Choose a file."), field=field)
    root().mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    # Written to a temporary file first: nothing half-written ever carries a final name.
    with tempfile.NamedTemporaryFile(dir=root(), delete=False) as temporary:
        try:
            for chunk in iter(lambda: stream.read(1024 * 1024), b""):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise ServiceError(_("The file is larger than %(mb)d MB.")
                                       % {"mb": MAX_BYTES // (1024 * 1024)}, field=field)
                digest.update(chunk)
                temporary.write(chunk)
        except BaseException:
            os.unlink(temporary.name)
            raise
    path = Path(temporary.name)
    try:
        content_type = _check(name, path, field)
        stored_as = f"{folder}/{digest.hexdigest()}"
        final = root() / stored_as
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, final)
        os.chmod(final, 0o600)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return StoredFile(name, content_type, size, digest.hexdigest(), stored_as)


def open_stored(stored_as: str) -> IO[bytes]:
    return (root() / stored_as).open("rb")
