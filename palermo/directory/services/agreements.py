"""Agreements and memoranda of understanding with partners, and the reminder to renew one
before it runs out."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.directory.models import Agreement, Organisation
from palermo.directory.services.organisations import touch

if TYPE_CHECKING:
    from palermo.access.models import User

FIELDS = ("kind", "title", "signed_on", "starts_on", "ends_on", "renewal_note", "reference")
RENEWAL_WINDOW = dt.timedelta(days=90)  # time enough to negotiate and sign a renewal


def listing(user: User) -> QuerySet[Agreement]:
    require(user, "directory.view")
    return Agreement.objects.select_related("organisation")


def expiring(user: User, *, today: dt.date | None = None) -> QuerySet[Agreement]:
    """Agreements in force that end within the renewal window, soonest first."""
    today = today or timezone.localdate()
    return listing(user).filter(ends_on__gte=today, ends_on__lte=today + RENEWAL_WINDOW,
                                organisation__active=True).order_by("ends_on")


def _clean(fields: dict[str, Any], creating: bool) -> dict[str, Any]:
    checks.known_fields(fields, FIELDS)
    checks.text_field(fields, "title", required=creating or "title" in fields, limit=300)
    checks.text_field(fields, "renewal_note")
    checks.text_field(fields, "reference", limit=100)
    if "kind" in fields and fields["kind"] not in Agreement.Kind.values:
        raise ServiceError(_("Choose the kind of agreement."), field="kind")
    for name in ("signed_on", "starts_on", "ends_on"):
        if fields.get(name) is not None and not isinstance(fields[name], dt.date):
            raise ServiceError(_("Give a date."), field=name)
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if starts and ends and ends < starts:
        raise ServiceError(_("An agreement ends after it starts."), field="ends_on")
    return fields


def add(organisation: Organisation, *, actor: User, request: HttpRequest | None = None,
        **fields: Any) -> Agreement:
    require(actor, "directory.edit")
    fields = _clean(fields, creating=True)
    with transaction.atomic():
        agreement = Agreement.objects.create(organisation=organisation, created_by=actor,
                                             **fields)
        touch(organisation)
        audit.record("agreement.create", actor=actor, request=request,
                     object_type="agreement", object_id=agreement.pk,
                     detail={"organisation": organisation.pk,
                             "ends_on": str(agreement.ends_on or "")})
    return agreement


def update(agreement: Agreement, *, actor: User, version: int,
           request: HttpRequest | None = None, **fields: Any) -> Agreement:
    require(actor, "directory.edit")
    fields = _clean(fields, creating=False)
    if "starts_on" not in fields and fields.get("ends_on") and agreement.starts_on \
            and fields["ends_on"] < agreement.starts_on:
        raise ServiceError(_("An agreement ends after it starts."), field="ends_on")
    return save_versioned(agreement, version, fields, actor=actor,
                          request=request, action="agreement.update")
