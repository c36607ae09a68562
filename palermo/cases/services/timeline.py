"""A case's timeline, its notes, and the notifications (the bell)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.audit import services as audit
from palermo.cases.models import Case, CasePerson, Event, Notification
from palermo.cases.services.access import (
    CaseSight,
    MaterialSight,
    Sight,
    material_sight,
    person_sight,
    sight_of,
)
from palermo.cases.services.errors import NotAllowed, ServiceError
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


Param = str | int | float | dict[str, Any]


def vocab(vocabulary: str, code: str) -> dict[str, str]:
    """A timeline value shown as the vocabulary's label in the reader's language."""
    return {"vocab": vocabulary, "code": code}


def person(case_person: CasePerson) -> dict[str, Any]:
    """A timeline value shown as the person's pseudonym ("Victim 2") in the reader's language."""
    return {"role": case_person.role, "ordinal": case_person.ordinal}


def add_event(case: Case, kind: str, message: str, params: dict[str, Param] | None = None, *,
              actor: User | None, case_person: CasePerson | None = None,
              text: str = "") -> Event:
    """Write a timeline line and mark the case as active (for "no activity for N days").
    ``message`` is marked with gettext_noop where it is written and translated when read."""
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(last_activity_at=now)
    return Event.objects.create(
        case=case, at=now, actor=actor, agency=actor.agency if actor else None, kind=kind,
        message=message, params=params or {}, text=text, case_person=case_person,
    )


def _value(value: Param, language: str) -> str:
    if isinstance(value, dict) and "vocab" in value:
        try:
            return registry.get(value["vocab"]).get(value["code"]).label(language)
        except KeyError:
            return str(value["code"])
    if isinstance(value, dict) and "role" in value:
        label = registry.get("person_roles").get(value["role"]).label(language)
        return f"{label} {value['ordinal']}"
    return str(value)


def render(event: Event, *, with_words: bool = True) -> str:
    """The event in the current language: the services' sentence, then any words of the user
    (left out where the reader may not see the persons they may speak of)."""
    language = get_language() or "en"
    parts = []
    if event.message:
        values = {k: _value(v, language) for k, v in event.params.items()}
        parts.append(_(event.message) % values)
    if event.text and with_words:
        parts.append(event.text)
    return " ".join(parts)


# Events whose whole line is material (a user's note; a document's name; a task's title):
# shown only to those who may read what they concern. Other events are the case's outline,
# in pseudonyms.
MATERIAL_KINDS = ("note", "document", "task")


def concerned_persons(case: Case, actor: User, ids: Iterable[int]) -> list[CasePerson]:
    """The persons of ``case`` a note or document speaks of, as its writer chose them; each
    must be in the case and seen by the writer."""
    wanted = set(ids)
    if not wanted:
        return []
    sight = sight_of(actor, case)
    found = [cp for cp in CasePerson.objects.filter(case=case, pk__in=wanted)
             if person_sight(actor, sight, cp) != Sight.HIDDEN]
    if len(found) != len(wanted):
        raise ServiceError(_("Choose the persons it concerns among this case's persons."),
                           field="concerns")
    return found


def add_note(case: Case, text: str, *, actor: User, request: HttpRequest | None = None,
             concerns: Iterable[int] = ()) -> Event:
    """A user's note; ``concerns`` names the persons it speaks of (none: the whole case)."""
    if not sight_of(actor, case).can_edit or not actor.has_perm("cases.edit"):
        raise NotAllowed(_("Your agency does not take part in this case."))
    text = text.strip()
    if not text:
        raise ServiceError(_("A note cannot be empty."), field="text")
    if len(text) > 20_000:
        raise ServiceError(_("A note has at most 20,000 characters."), field="text")
    persons = concerned_persons(case, actor, concerns)
    with transaction.atomic():
        event = add_event(case, "note", "", actor=actor, text=text)
        event.concerns.set(persons)
        audit.record("case.note", actor=actor, request=request, object_type="case",
                     object_id=case.pk,
                     detail={"event": event.pk, "concerns": sorted(p.pk for p in persons)})
    return event


def _concerned(event: Event) -> list[int]:
    ids = [p.pk for p in event.concerns.all()]
    if not ids and event.case_person_id is not None and event.kind not in MATERIAL_KINDS:
        ids = [event.case_person_id]
    return ids


def visible_events(user: User, case: Case, limit: int = 200,
                   sight: CaseSight | None = None,
                   material: MaterialSight | None = None) -> list[Event]:
    """The timeline as this user may see it: a person's events only where the person is;
    notes, documents and users' words only where ``access.MaterialSight`` allows."""
    sight = sight or sight_of(user, case)
    material = material or material_sight(user, case, sight)
    events = list(
        Event.objects.filter(case=case).select_related("actor", "agency", "case_person")
        .prefetch_related("concerns")[:limit]
    )
    shown = []
    for event in events:
        if event.case_person is not None and \
                person_sight(user, sight, event.case_person) < Sight.PSEUDONYM:
            continue
        readable = material.shows(_concerned(event))
        if event.kind in MATERIAL_KINDS and not readable:
            continue
        event.rendered = render(event, with_words=readable)  # type: ignore[attr-defined]
        shown.append(event)
    return shown


def notify(users: list[User], text: str, url: str, case: Case | None = None,
           params: dict[str, Param] | None = None) -> None:
    """The bell for each of ``users``. With ``params``, ``text`` is a message marked with
    gettext_noop and is written in each reader's own language, its values as in the
    timeline: whoever sent a referral, its receiver reads it in theirs."""
    def written(user: User) -> str:
        if params is None:
            return text
        language = getattr(user, "language", "") or "en"
        with translation.override(language):
            return _(text) % {k: _value(v, language) for k, v in params.items()}

    Notification.objects.bulk_create(
        Notification(user=user, case=case, text=written(user)[:300], url=url) for user in users
    )


def unread(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, read_at__isnull=True)


def recent_notifications(user: User, limit: int = 30) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)[:limit]


def mark_read(user: User, notification_id: int | None = None) -> int:
    notes = unread(user)
    if notification_id is not None:
        notes = notes.filter(pk=notification_id)
    return notes.update(read_at=timezone.now())
