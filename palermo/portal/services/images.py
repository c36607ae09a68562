"""Images sent with a report: JPEG, PNG or WebP judged by their content, re-encoded on
receipt so that no metadata (camera, place, time, author) survives, then kept through the
house upload check (``palermo.web.uploads``) under ``DATA_DIR/portal``."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

from palermo.portal.services.errors import PortalError
from palermo.web import uploads

FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"),
           "WEBP": ("image/png", ".png")}  # WebP is kept as PNG: the house check knows PNG
MAX_PIXELS = 40_000_000


def max_bytes() -> int:
    return int(getattr(settings, "PALERMO_PORTAL_IMAGE_MAX_BYTES", 5 * 1024 * 1024))


def max_images() -> int:
    return int(getattr(settings, "PALERMO_PORTAL_MAX_IMAGES", 3))


def root() -> Path:
    return Path(settings.DATA_DIR) / "portal"


def _read(stream: IO[bytes], field: str) -> bytes:
    limit = max_bytes()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise PortalError("report.error.image_size", field, mb=limit // (1024 * 1024))
    if not data:
        raise PortalError("report.error.image_kind", field)
    return data


def clean(stream: IO[bytes], *, field: str = "images") -> tuple[bytes, str, str, int, int]:
    """The image re-encoded without metadata: ``(bytes, content type, extension, w, h)``."""
    data = _read(stream, field)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            if kind not in FORMATS:
                raise PortalError("report.error.image_kind", field)
            if probe.width * probe.height > MAX_PIXELS:
                raise PortalError("report.error.image_pixels", field)
            probe.verify()
        with Image.open(io.BytesIO(data)) as source:
            source.load()
            upright = ImageOps.exif_transpose(source) or source
            mode = "RGB" if kind == "JPEG" else ("RGBA" if "A" in upright.getbands() else "RGB")
            # A fresh image from the pixels alone: EXIF, XMP, ICC and text chunks stay behind.
            pixels = Image.new(mode, upright.size)
            pixels.paste(upright.convert(mode))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise PortalError("report.error.image_kind", field) from None
    content_type, extension = FORMATS[kind]
    out = io.BytesIO()
    if extension == ".jpg":
        pixels.save(out, format="JPEG", quality=88)
    else:
        pixels.save(out, format="PNG", optimize=True)
    return out.getvalue(), content_type, extension, pixels.width, pixels.height


def keep(report_pk: int, number: int, stream: IO[bytes], *, field: str = "images"
         ) -> tuple[uploads.StoredFile, int, int]:
    data, _type, extension, width, height = clean(stream, field=field)
    stored = uploads.store(root(), str(report_pk), f"image-{number}{extension}",
                           io.BytesIO(data), allowed=(".png", ".jpg"), field=field)
    return stored, width, height


def read(stored_as: str) -> bytes:
    return (root() / stored_as).read_bytes()
