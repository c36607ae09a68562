"""The subject's photo on a notice: a JPEG or PNG checked by its content, not its name, set
by the issuing agency while the notice can still be changed, and an audited read when shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.notices.models import Notice, NoticeState
from palermo.notices.services.common import require_issuer

if TYPE_CHECKING:
    from palermo.access.models import User

MAX_BYTES = 2 * 1024 * 1024
SIGNATURES = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n"}


def set_photo(notice: Notice, content: bytes, *, actor: User,
              request: HttpRequest | None = None) -> Notice:
    require_issuer(notice, actor)
    if notice.state not in (NoticeState.DRAFT, NoticeState.RETURNED):
        raise ServiceError(_("The photo is set before the notice is submitted."),
                           field="photo")
    if not content:
        raise ServiceError(_("The file is empty."), field="photo")
    if len(content) > MAX_BYTES:
        raise ServiceError(_("A photo is at most 2 MB."), field="photo")
    kind = next((k for k, magic in SIGNATURES.items() if content.startswith(magic)), None)
    if kind is None:
        raise ServiceError(_("Only JPEG and PNG photos are accepted."), field="photo")
    with transaction.atomic():
        Notice.objects.filter(pk=notice.pk).update(photo=content, photo_type=kind,
                                                   version=notice.version + 1)
        notice.refresh_from_db()
        audit.record("notice.photo", actor=actor, request=request, object_type="notice",
                     object_id=notice.pk, detail={"bytes": len(content), "type": kind})
    return notice


def photo_of(notice: Notice, *, actor: User,
             request: HttpRequest | None = None) -> tuple[bytes, str]:
    if not notice.photo:
        raise ServiceError(_("This notice has no photo."), field="photo")
    audit.record_read(actor, "notice", notice.pk, request=request, detail={"photo": True})
    return bytes(notice.photo), notice.photo_type
