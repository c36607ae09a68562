"""An owning agency's view of its watch lists: what it has listed, and removing a record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.screening.models import WatchedDocument, WatchedPerson, WatchedVehicle

if TYPE_CHECKING:
    from palermo.access.models import User

KINDS: dict[str, Any] = {"documents": WatchedDocument, "vehicles": WatchedVehicle,
                         "persons": WatchedPerson}
SEARCH = {"documents": ("number__icontains",), "vehicles": ("vin__icontains", "plate__icontains"),
          "persons": ("names__icontains",)}


def _require(user: User) -> None:
    if not user.has_perm("screening.manage"):
        raise NotAllowed(_("Your roles do not allow managing watch lists."))


def _model(kind: str) -> Any:
    if kind not in KINDS:
        raise ServiceError(_("Unknown list %(kind)s.") % {"kind": kind}, field="kind")
    return KINDS[kind]


def counts(user: User) -> dict[str, int]:
    _require(user)
    return {kind: model.objects.filter(owner_agency_id=user.agency_id).count()
            for kind, model in KINDS.items()}


def listing(user: User, kind: str, query: str = "") -> QuerySet[Any]:
    """The records the user's agency owns (others' records are theirs to manage)."""
    _require(user)
    rows = _model(kind).objects.filter(owner_agency_id=user.agency_id).order_by("-id")
    if query:
        condition = Q()
        for lookup in SEARCH[kind]:
            condition |= Q(**{lookup: query})
        rows = rows.filter(condition)
    return rows


def remove(user: User, kind: str, record_id: int, *, reason: str,
           request: HttpRequest | None = None) -> None:
    if not reason.strip():
        raise ServiceError(_("Say why the record is taken off the list."), field="reason")
    record = listing(user, kind).filter(pk=record_id).first()
    if record is None:
        raise Http404
    with transaction.atomic():
        record.delete()
        audit.record("watchlist.remove", actor=user, request=request, object_type=kind,
                     object_id=record_id, reason=reason)
