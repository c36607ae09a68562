"""A case's timeline, its notes, and the notifications (the bell)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.audit import services as audit
from palermo.cases.models import Case, CasePerson, Event, Notification
from palermo.cases.services.access import CaseSight, Sight, person_sight, sight_of
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


def render(event: Event) -> str:
    """The event in the current language: the services' sentence, then any words of the user."""
    language = get_language() or "en"
    parts = []
    if event.message:
        values = {k: _value(v, language) for k, v in event.params.items()}
        parts.append(_(event.message) % values)
    if event.text:
        parts.append(event.text)
    return " ".join(parts)


def add_note(case: Case, text: str, *, actor: User, request: HttpRequest | None = None
             ) -> Event:
    if not sight_of(actor, case).can_edit or not actor.has_perm("cases.edit"):
        raise NotAllowed(_("Your agency does not take part in this case."))
    text = text.strip()
    if not text:
        raise ServiceError(_("A note cannot be empty."), field="text")
    if len(text) > 20_000:
        raise ServiceError(_("A note has at most 20,000 characters."), field="text")
    with transaction.atomic():
        event = add_event(case, "note", "", actor=actor, text=text)
        audit.record("case.note", actor=actor, request=request, object_type="case",
                     object_id=case.pk, detail={"event": event.pk})
    return event


def visible_events(user: User, case: Case, limit: int = 200,
                   sight: CaseSight | None = None) -> list[Event]:
    """The timeline as this user may see it: a person's events only where the person is."""
    sight = sight or sight_of(user, case)
    events = list(
        Event.objects.filter(case=case).select_related("actor", "agency", "case_person")[:limit]
    )
    shown = [
        event for event in events
        if event.case_person is None
        or person_sight(user, sight, event.case_person) >= Sight.PSEUDONYM
    ]
    for event in shown:
        event.rendered = render(event)  # type: ignore[attr-defined]
    return shown


def notify(users: list[User], text: str, url: str, case: Case | None = None) -> None:
    Notification.objects.bulk_create(
        Notification(user=user, case=case, text=text[:300], url=url) for user in users
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
