"""Public extracts of notices, for the public portal: the issuing agency chooses to show a
notice (only the types whose vocabulary term lists ``public_fields``: missing persons, and
wanted persons where the agency allows it), and whether its photo goes with it. The extract
carries those fields and nothing else, and only while the notice is in force."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.notices.models import Notice, NoticeSource, NoticeState
from palermo.notices.services.common import require_issuer
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


def public_fields(colour: str) -> list[str]:
    types = registry.get("notice_types")
    if colour not in types:
        return []
    return list(types.get(colour).extra.get("public_fields") or [])


def public_colours() -> list[str]:
    """The notice types that may have a public extract."""
    return [t.code for t in registry.get("notice_types") if t.extra.get("public_fields")]


def may_be_public(notice: Notice) -> bool:
    """Only notices issued here can be made public: an imported INTERPOL notice is
    INTERPOL's to publish."""
    return notice.source == NoticeSource.AGENCY and bool(public_fields(notice.colour))


def set_public(notice: Notice, *, actor: User, public: bool, photo: bool,
               request: HttpRequest | None = None) -> Notice:
    require_issuer(notice, actor)
    if public and not may_be_public(notice):
        raise ServiceError(_("Only yellow and red notices issued by your agency can have a "
                             "public extract."), field="public_extract")
    photo = public and photo
    if photo and not notice.photo_type:
        raise ServiceError(_("This notice has no photo to show."), field="public_photo")
    with transaction.atomic():
        Notice.objects.filter(pk=notice.pk).update(public_extract=public, public_photo=photo)
        notice.refresh_from_db()
        audit.record("notice.publicity", actor=actor, request=request, object_type="notice",
                     object_id=notice.pk, detail={"public": public, "photo": photo})
    return notice


@dataclass(frozen=True)
class Extract:
    """What the public may read of a notice."""

    id: int
    colour: str
    issuing_agency: str
    issuing_country: str
    fields: dict[str, Any]
    has_photo: bool

    @property
    def name(self) -> str:
        return " · ".join(self.fields.get("subject_names") or []) or "?"

    @property
    def age(self) -> int | None:
        born = self.fields.get("birth_date")
        if not isinstance(born, dt.date):
            return None
        today = dt.date.today()
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _public() -> Any:
    return (Notice.objects.filter(public_extract=True, state=NoticeState.PUBLISHED,
                                  source=NoticeSource.AGENCY, colour__in=public_colours())
            .select_related("issuing_agency").defer("photo"))


def _extract(notice: Notice) -> Extract:
    return Extract(notice.pk, notice.colour, notice.issuing_agency.name,
                   notice.issuing_country,
                   {name: getattr(notice, name) for name in public_fields(notice.colour)},
                   notice.public_photo and bool(notice.photo_type))


def public_extracts(colour: str = "") -> list[Extract]:
    notices = _public().order_by("-created_at")
    if colour:
        notices = notices.filter(colour=colour)
    return [_extract(n) for n in notices[:500]]


def public_extract(notice_id: int) -> Extract | None:
    notice = _public().filter(pk=notice_id).first()
    return _extract(notice) if notice is not None else None


def public_photo(notice_id: int) -> tuple[bytes, str] | None:
    """The photo of a public extract, decoded and saved again so that nothing but the
    picture leaves (no camera data, no place where it was taken)."""
    notice = _public().filter(pk=notice_id, public_photo=True).defer(None).first()
    if notice is None or not notice.photo:
        return None
    from PIL import Image

    png = notice.photo_type == "image/png"
    with Image.open(io.BytesIO(bytes(notice.photo))) as image:
        pixels = image.convert("RGBA" if png else "RGB")
    # A new image from the pixels alone carries none of the original's metadata.
    clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    clean.save(out, format="PNG" if png else "JPEG", quality=90)
    return out.getvalue(), notice.photo_type


def issuing_agency_of(notice_id: int) -> Any:
    """The agency to tell when someone sends information about a public notice."""
    notice = _public().filter(pk=notice_id).first()
    return notice.issuing_agency if notice is not None else None
