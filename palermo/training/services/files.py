"""Uploaded files of training (materials) and awards (nominations' attachments), checked and
kept by ``web.uploads`` under ``<data dir>/uploads/``, never served directly."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from django.conf import settings

from palermo.web import uploads
from palermo.web.uploads import StoredFile

# Trainers share slides as well as documents.
ALLOWED = (*uploads.DOCUMENTS, ".pptx")

__all__ = ["StoredFile", "open_stored", "root", "store"]


def root() -> Path:
    return Path(settings.DATA_DIR) / "uploads"


def store(folder: str, name: str, stream: IO[bytes], *, field: str = "file") -> StoredFile:
    """Check and keep the file under ``<data dir>/uploads/<folder>/<sha256>``."""
    return uploads.store(root(), folder, name, stream, allowed=ALLOWED, field=field)


def open_stored(stored_as: str) -> IO[bytes]:
    return (root() / stored_as).open("rb")
