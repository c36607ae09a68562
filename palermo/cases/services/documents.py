"""Documents attached to a case: checked and kept by ``web.uploads`` under
``<data dir>/documents/<case>/``, never served directly. A document names the persons it
concerns (none: the whole case) and is listed and served only to those who may read it
(``access.MaterialSight``); a highly restricted case's document asks for a reason."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.audit import services as audit
from palermo.cases.models import Case, Document
from palermo.cases.services import restricted
from palermo.cases.services.access import MaterialSight, material_sight, sight_of
from palermo.cases.services.errors import NotAllowed
from palermo.cases.services.timeline import add_event, concerned_persons
from palermo.web import uploads

if TYPE_CHECKING:
    from palermo.access.models import User


def storage_root() -> Path:
    return Path(settings.DATA_DIR) / "documents"


def attach(case: Case, name: str, stream: IO[bytes], *, actor: User,
           request: object = None, concerns: Iterable[int] = ()) -> Document:
    """Keep a document; ``concerns`` names the persons it speaks of (none: the whole case)."""
    if not (actor.has_perm("cases.edit") and sight_of(actor, case).can_edit):
        raise NotAllowed(_("Your agency does not take part in this case."))
    persons = concerned_persons(case, actor, concerns)
    stored = uploads.store(storage_root(), str(case.pk), name, stream)
    with transaction.atomic():
        document = Document.objects.create(
            case=case, name=stored.name, content_type=stored.content_type, size=stored.size,
            sha256=stored.sha256, stored_as=stored.stored_as, uploaded_by=actor)
        document.concerns.set(persons)
        event = add_event(case, "document", N_("Document attached: %(name)s"),
                          {"name": stored.name}, actor=actor)
        event.concerns.set(persons)
        audit.record("document.create", actor=actor, request=request,  # type: ignore[arg-type]
                     object_type="document", object_id=document.pk,
                     detail={"case": case.reference, "sha256": document.sha256,
                             "size": document.size,
                             "concerns": sorted(p.pk for p in persons)})
    return document


def listing() -> QuerySet[Document]:
    return Document.objects.select_related("case")


def visible(user: User, case: Case, material: MaterialSight | None = None) -> list[Document]:
    """The case's documents this user may read, with the persons each concerns."""
    material = material or material_sight(user, case)
    found = case.documents.select_related("uploaded_by").prefetch_related("concerns")
    return [d for d in found if material.shows(p.pk for p in d.concerns.all())]


def open_for_download(document: Document, *, actor: User, request: object = None,
                      reason: str = "") -> IO[bytes]:
    """The file, for a reader allowed to read it; 404 otherwise, as for the case itself."""
    concerned = [p.pk for p in document.concerns.all()]
    if not material_sight(actor, document.case).shows(concerned):
        audit.record("document.read", actor=actor, request=request,  # type: ignore[arg-type]
                     object_type="document", object_id=document.pk, outcome="denied")
        raise Http404
    reason = restricted.gate(actor, document.case, reason,
                            request)  # type: ignore[arg-type]
    audit.record("document.read", actor=actor, request=request,  # type: ignore[arg-type]
                 object_type="document", object_id=document.pk, reason=reason,
                 detail={"case": document.case.reference, "concerns": concerned})
    return (storage_root() / document.stored_as).open("rb")
