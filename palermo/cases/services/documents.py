"""Documents attached to a case: checked and kept by ``web.uploads`` under
``<data dir>/documents/<case>/``, never served directly."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.audit import services as audit
from palermo.cases.models import Case, Document
from palermo.cases.services.access import sight_of
from palermo.cases.services.errors import NotAllowed
from palermo.cases.services.timeline import add_event
from palermo.web import uploads

if TYPE_CHECKING:
    from palermo.access.models import User


def storage_root() -> Path:
    return Path(settings.DATA_DIR) / "documents"


def attach(case: Case, name: str, stream: IO[bytes], *, actor: User,
           request: object = None) -> Document:
    if not (actor.has_perm("cases.edit") and sight_of(actor, case).can_edit):
        raise NotAllowed(_("Your agency does not take part in this case."))
    stored = uploads.store(storage_root(), str(case.pk), name, stream)
    with transaction.atomic():
        document = Document.objects.create(
            case=case, name=stored.name, content_type=stored.content_type, size=stored.size,
            sha256=stored.sha256, stored_as=stored.stored_as, uploaded_by=actor)
        add_event(case, "document", N_("Document attached: %(name)s"), {"name": stored.name},
                  actor=actor)
        audit.record("document.create", actor=actor, request=request,  # type: ignore[arg-type]
                     object_type="document", object_id=document.pk,
                     detail={"case": case.reference, "sha256": document.sha256,
                             "size": document.size})
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
