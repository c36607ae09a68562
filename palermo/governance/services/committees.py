"""Committees and their members by agency."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.governance.models import Committee, CommitteeMember
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import Agency, User


def listing(user: User) -> QuerySet[Committee]:
    require(user, "governance.view")
    return Committee.objects.select_related("chair_agency")


def create(*, actor: User, name: str, kind: str, mandate: str = "",
           chair_agency: Agency | None = None, request: HttpRequest | None = None
           ) -> Committee:
    require(actor, "governance.edit")
    name = checks.text(name, "name", required=True, limit=200)
    if kind not in registry.get("committee_kinds"):
        raise ServiceError(_("Choose the kind of committee."), field="kind")
    if Committee.objects.filter(name__iexact=name).exists():
        raise ServiceError(_("A committee with this name exists already."), field="name")
    with transaction.atomic():
        committee = Committee.objects.create(name=name, kind=kind, chair_agency=chair_agency,
                                             mandate=checks.text(mandate, "mandate"))
        audit.record("committee.create", actor=actor, request=request,
                     object_type="committee", object_id=committee.pk,
                     detail={"name": name, "kind": kind})
    return committee


def add_member(committee: Committee, agency: Agency, *, actor: User, representative: str = "",
               role: str = "", request: HttpRequest | None = None) -> CommitteeMember:
    require(actor, "governance.edit")
    if committee.members.filter(agency=agency).exists():
        raise ServiceError(_("This agency is a member already."), field="agency")
    with transaction.atomic():
        member = CommitteeMember.objects.create(
            committee=committee, agency=agency,
            representative=checks.text(representative, "representative", limit=200),
            role=checks.text(role, "role", limit=100))
        audit.record("committee.add_member", actor=actor, request=request,
                     object_type="committee", object_id=committee.pk,
                     detail={"agency": agency.pk})
    return member


def of_agency(user: User, agency_id: int) -> QuerySet[Committee]:
    return listing(user).filter(members__agency_id=agency_id)
