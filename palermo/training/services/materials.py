"""The materials library: files for courses and campaigns (checked by their content and
kept under the data directory), or links to guides of the knowledge library."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require, text
from palermo.library import services as library
from palermo.training.models import Campaign, Course, Material
from palermo.training.services import files

if TYPE_CHECKING:
    from palermo.access.models import User


def materials(user: User) -> QuerySet[Material]:
    require(user, "training.view")
    return Material.objects.select_related("course", "campaign")


def add(*, actor: User, title: str, course: Course | None = None,
        campaign: Campaign | None = None, upload: tuple[str, IO[bytes]] | None = None,
        library_guide_id: int | None = None, request: HttpRequest | None = None) -> Material:
    """A file (``upload`` = name and stream) or a guide of the library, not both."""
    require(actor, "training.manage")
    title = text(title, "title", required=True, limit=200)
    if (upload is None) == (library_guide_id is None):
        raise ServiceError(_("Upload a file or give a library guide, one of the two."),
                           field="file")
    fields: dict[str, object] = {}
    if library_guide_id is not None:
        if not actor.has_perm("library.view") or not library.guides(actor).filter(
                pk=library_guide_id).exists():
            raise ServiceError(_("No guide in the library has this number."),
                               field="library_guide_id")
        fields["library_guide_id"] = library_guide_id
    else:
        assert upload is not None
        stored = files.store("training", upload[0], upload[1])
        fields.update(name=stored.name, content_type=stored.content_type, size=stored.size,
                      sha256=stored.sha256, stored_as=stored.stored_as)
    with transaction.atomic():
        material = Material.objects.create(title=title, course=course, campaign=campaign,
                                           uploaded_by=actor, **fields)
        audit.record("material.create", actor=actor, request=request, object_type="material",
                     object_id=material.pk,
                     detail={"sha256": material.sha256, "guide": library_guide_id})
    return material


def open_file(material: Material, *, actor: User,
              request: HttpRequest | None = None) -> IO[bytes]:
    require(actor, "training.view")
    if not material.stored_as:
        raise ServiceError(_("This material is a library guide, not a file."), field="file")
    audit.record("material.download", actor=actor, request=request, object_type="material",
                 object_id=material.pk)
    return files.open_stored(material.stored_as)
