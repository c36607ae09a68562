"""Meetings of a committee: when, where, the agenda and who attended."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.governance.models import Attendee, Committee, Meeting

if TYPE_CHECKING:
    from palermo.access.models import Agency, User

FIELDS = ("title", "starts_at", "ends_at", "location", "agenda")


def listing(user: User) -> QuerySet[Meeting]:
    require(user, "governance.view")
    return Meeting.objects.select_related("committee")


def upcoming(user: User) -> QuerySet[Meeting]:
    return listing(user).filter(starts_at__gte=timezone.now()).order_by("starts_at")


def of_agency(user: User, agency_id: int) -> QuerySet[Meeting]:
    """Meetings an agency attended or, for those without a list, whose committee it sits on."""
    return listing(user).filter(Q(attendees__agency_id=agency_id)
                                | Q(committee__members__agency_id=agency_id)).distinct()


def _clean(fields: dict[str, Any], creating: bool) -> dict[str, Any]:
    checks.known_fields(fields, FIELDS)
    if creating or "title" in fields:
        fields["title"] = checks.text(fields.get("title"), "title", required=True, limit=300)
    for name, limit in (("location", 200), ("agenda", 0)):
        if name in fields:
            fields[name] = checks.text(fields[name], name, limit=limit)
    starts = fields.get("starts_at")
    if (creating or "starts_at" in fields) and not isinstance(starts, dt.datetime):
        raise ServiceError(_("Give the date and time the meeting starts."), field="starts_at")
    ends = fields.get("ends_at")
    if ends is not None and starts is not None and ends <= starts:
        raise ServiceError(_("A meeting ends after it starts."), field="ends_at")
    return fields


def create(committee: Committee, *, actor: User, request: HttpRequest | None = None,
           **fields: Any) -> Meeting:
    require(actor, "governance.edit")
    fields = _clean(fields, creating=True)
    with transaction.atomic():
        meeting = Meeting.objects.create(committee=committee, created_by=actor, **fields)
        audit.record("meeting.create", actor=actor, request=request, object_type="meeting",
                     object_id=meeting.pk, detail={"committee": committee.pk})
    return meeting


def update(meeting: Meeting, *, actor: User, version: int, request: HttpRequest | None = None,
           **fields: Any) -> Meeting:
    require(actor, "governance.edit")
    fields = _clean(fields, creating=False)
    return save_versioned(
        meeting, version, fields, actor=actor, request=request, action="meeting.update",
        stale=_("Someone else changed this meeting meanwhile. Reload the page."))


def add_attendee(meeting: Meeting, *, actor: User, name: str, agency: Agency | None = None,
                 affiliation: str = "", request: HttpRequest | None = None) -> Attendee:
    require(actor, "governance.edit")
    name = checks.text(name, "name", required=True, limit=200)
    affiliation = checks.text(affiliation, "affiliation", limit=200)
    if agency is None and not affiliation:
        raise ServiceError(_("Choose the attendee's agency, or name their organisation."),
                           field="agency")
    with transaction.atomic():
        attendee = Attendee.objects.create(meeting=meeting, agency=agency, name=name,
                                           affiliation=affiliation)
        audit.record("meeting.add_attendee", actor=actor, request=request,
                     object_type="meeting", object_id=meeting.pk,
                     detail={"attendee": attendee.pk})
    return attendee
