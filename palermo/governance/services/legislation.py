"""The legislation tracker: bills and regulations moving through their stages, the office's
positions and comments in versions, linked library records, and the parliamentary sessions
the office attended with what was said there."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.governance.models import Bill, ParliamentarySession, Position, StageChange
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

FIELDS = ("kind", "title", "number", "sponsor", "summary")


def listing(user: User) -> QuerySet[Bill]:
    require(user, "governance.view")
    return Bill.objects.all()


def search(user: User, *, q: str = "", stage: str = "", kind: str = "") -> QuerySet[Bill]:
    bills = listing(user)
    if q.strip():
        bills = bills.filter(title__icontains=q.strip())
    if stage:
        bills = bills.filter(stage=stage)
    if kind:
        bills = bills.filter(kind=kind)
    return bills


def _clean(fields: dict[str, Any], creating: bool) -> dict[str, Any]:
    checks.known_fields(fields, FIELDS)
    if creating or "title" in fields:
        fields["title"] = checks.text(fields.get("title"), "title", required=True, limit=300)
    for name, limit in (("number", 64), ("sponsor", 200), ("summary", 0)):
        if name in fields:
            fields[name] = checks.text(fields[name], name, limit=limit)
    if "kind" in fields and fields["kind"] not in Bill.Kind.values:
        raise ServiceError(_("A bill or a regulation."), field="kind")
    return fields


def create(*, actor: User, request: HttpRequest | None = None, stage: str = "draft",
           **fields: Any) -> Bill:
    require(actor, "governance.edit")
    fields = _clean(fields, creating=True)
    if stage not in registry.get("legislation_stages"):
        raise ServiceError(_("Choose a stage."), field="stage")
    with transaction.atomic():
        bill = Bill.objects.create(created_by=actor, stage=stage, **fields)
        StageChange.objects.create(bill=bill, stage=stage, on=timezone.localdate(),
                                   changed_by=actor)
        audit.record("bill.create", actor=actor, request=request, object_type="bill",
                     object_id=bill.pk, detail={"stage": stage})
    return bill


def _versioned(bill: Bill, version: int, fields: dict[str, Any], *, actor: User,
               request: HttpRequest | None, action: str, detail: dict[str, Any]) -> Bill:
    return save_versioned(
        bill, version, fields, actor=actor, request=request, action=action, detail=detail,
        stale=_("Someone else changed this bill meanwhile. Reload the page."))


def update(bill: Bill, *, actor: User, version: int, request: HttpRequest | None = None,
           **fields: Any) -> Bill:
    require(actor, "governance.edit")
    fields = _clean(fields, creating=False)
    return save_versioned(
        bill, version, fields, actor=actor, request=request, action="bill.update",
        stale=_("Someone else changed this bill meanwhile. Reload the page."))


def set_stage(bill: Bill, stage: str, *, actor: User, version: int,
              on: dt.date | None = None, request: HttpRequest | None = None) -> Bill:
    require(actor, "governance.edit")
    if stage not in registry.get("legislation_stages"):
        raise ServiceError(_("Choose a stage."), field="stage")
    on = on or timezone.localdate()
    with transaction.atomic():
        bill = _versioned(bill, version, {"stage": stage, "stage_changed_at": timezone.now()},
                          actor=actor, request=request, action="bill.stage",
                          detail={"stage": stage, "on": str(on)})
        StageChange.objects.create(bill=bill, stage=stage, on=on, changed_by=actor)
    return bill


def write_position(bill: Bill, text: str, *, actor: User, kind: str = "position",
                   note: str = "", request: HttpRequest | None = None) -> Position:
    """A new version of the office's position (or of a comment); earlier ones stay."""
    require(actor, "governance.edit")
    if kind not in Position.Kind.values:
        raise ServiceError(_("A position or a comment."), field="kind")
    text = checks.text(text, "text", required=True)
    note = checks.text(note, "note", limit=300)
    try:
        with transaction.atomic():
            number = (bill.positions.filter(kind=kind).aggregate(n=Max("number"))["n"]
                      or 0) + 1
            position = Position.objects.create(bill=bill, kind=kind, number=number, text=text,
                                               note=note, written_by=actor)
            audit.record("bill.position", actor=actor, request=request, object_type="bill",
                         object_id=bill.pk, detail={"kind": kind, "number": number})
    except IntegrityError:
        raise StaleWrite(_("Someone else wrote a version meanwhile. Reload the page.")
                         ) from None
    return position


def record_session(*, actor: User, held_on: dt.date | None, forum: str,
                   bill: Bill | None = None, attended_by: str = "", statement: str = "",
                   request: HttpRequest | None = None) -> ParliamentarySession:
    require(actor, "governance.edit")
    if not isinstance(held_on, dt.date):
        raise ServiceError(_("Give the date of the session."), field="held_on")
    forum = checks.text(forum, "forum", required=True, limit=200)
    with transaction.atomic():
        session = ParliamentarySession.objects.create(
            bill=bill, held_on=held_on, forum=forum, recorded_by=actor,
            attended_by=checks.text(attended_by, "attended_by", limit=300),
            statement=checks.text(statement, "statement"))
        audit.record("parliamentary_session.create", actor=actor, request=request,
                     object_type="parliamentary_session", object_id=session.pk,
                     detail={"bill": bill.pk if bill else None})
    return session


@dataclass(frozen=True)
class LibraryLink:
    kind: str  # "decision" or "opinion"
    record_id: int
    title: str  # empty when the record is gone or the user may not read the library
    url: str


def link_library(bill: Bill, *, actor: User, version: int, decision_ids: list[int],
                 opinion_ids: list[int], request: HttpRequest | None = None) -> Bill:
    """Link judicial decisions and expert opinions of the library, checked to exist."""
    require(actor, "governance.edit")
    from palermo.library import services as library

    for field, ids, records in (("decision_ids", decision_ids, library.decisions(actor)),
                                ("opinion_ids", opinion_ids, library.opinions(actor))):
        found = set(records.filter(pk__in=ids).values_list("pk", flat=True))
        missing = sorted(set(ids) - found)
        if missing:
            raise ServiceError(_("The library has no record %(id)d.") % {"id": missing[0]},
                               field=field)
    fields = {"decision_ids": sorted(set(decision_ids)), "opinion_ids": sorted(set(opinion_ids))}
    return _versioned(bill, version, fields, actor=actor, request=request,
                      action="bill.link_library", detail=fields)


def library_links(bill: Bill, user: User) -> list[LibraryLink]:
    """The linked records with their titles, read through the library's services."""
    from django.urls import reverse

    links = []
    readable = user.has_perm("library.view")
    if readable:
        from palermo.library import services as library

        decisions = {d.pk: str(d) for d in library.decisions(user).filter(
            pk__in=bill.decision_ids)}
        opinions = {o.pk: str(o) for o in library.opinions(user).filter(pk__in=bill.opinion_ids)}
    else:
        decisions, opinions = {}, {}
    for kind, ids, titles in (("decision", bill.decision_ids, decisions),
                              ("opinion", bill.opinion_ids, opinions)):
        for record_id in ids:
            url = reverse(f"library:{kind}", args=[record_id]) if readable else ""
            links.append(LibraryLink(kind, record_id, titles.get(record_id, ""), url))
    return links
