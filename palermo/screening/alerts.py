"""Alerts to act on. A hit on a watch-list record goes to the agency that owns the record,
with who and what was hit, where (the officer's post, asked once a shift) and by whom. The
agency, or the coordinator, acknowledges it, takes it over and closes it with an outcome
from vocab/alert_outcomes.yaml; each step is version-checked and audited. Notices' travel
alerts go through the same steps (``act``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.cases.services import access as cases_access
from palermo.core.versioned import save_versioned
from palermo.messaging import services as messaging
from palermo.screening.models import Alert, AlertState
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

SHIFT = dt.timedelta(hours=12)
MAX_POST = 100
MAX_NOTE = 2000
STEPS = ("acknowledge", "take_over", "close")
_SESSION_KEY = "screening_post"


# The post: where the officer checks from, asked once a shift and kept in the session.

def shift(session: MutableMapping[str, Any]) -> dict[str, Any] | None:
    """The post and when the shift at it started, while the shift lasts."""
    kept = session.get(_SESSION_KEY) or {}
    since = parse_datetime(kept.get("since", "")) if kept.get("since") else None
    if not kept.get("post") or since is None or timezone.now() - since > SHIFT:
        return None
    return {"post": kept["post"], "since": since}


def post_of(session: MutableMapping[str, Any]) -> str:
    found = shift(session)
    return found["post"] if found else ""


def start_shift(session: MutableMapping[str, Any], post: str, *, actor: User,
                request: HttpRequest | None = None) -> str:
    if not actor.has_perm("screening.check"):
        raise NotAllowed(_("Your roles do not allow screening."))
    post = " ".join(post.split())
    if not post:
        raise ServiceError(_("Name the post you check from, e.g. the crossing or terminal."),
                           field="post")
    if len(post) > MAX_POST:
        raise ServiceError(_("A post's name has at most %(n)d characters.") % {"n": MAX_POST},
                           field="post")
    session[_SESSION_KEY] = {"post": post, "since": timezone.now().isoformat()}
    audit.record("screening.shift", actor=actor, request=request, object_type="screening",
                 detail={"post": post})
    return post


# Raising: one alert per hit, to the record's owner, committed with the check's audit entry.

def raise_alerts(user: User, hits: list[Any], *, post: str,
                 read: dict[str, str]) -> list[Alert]:
    """The alerts of a check's hits, not written yet: :func:`write_alerts` writes them in the
    check's commit. The owner hears of them afterwards, from the outbox (outbox.py)."""
    read = {k: v for k, v in read.items() if v}
    made = []
    for hit in hits:
        # The owner's id travels in the record to here and no further than the alert.
        owner_id = hit.record.pop("owner_id")
        made.append(Alert(
            agency_id=owner_id, kind=hit.kind, record_id=hit.record["id"], score=hit.score,
            checked_by=user, post=post[:MAX_POST], record=dict(hit.record), query=read,
            notice_id=(hit.notice or {}).get("id"),
            summary=f"{hit.kind} hit ({hit.score:.2f}) by {user.agency.name}"[:300]))
    return made


def write_alerts(made: list[Alert], check_seq: int | None) -> None:
    """One INSERT for a check's alerts, naming the check's audit entry."""
    for alert in made:
        alert.check_seq = check_seq
    Alert.objects.bulk_create(made)


def tell_owner(alerts: list[Alert]) -> None:
    """The owning agency of ``alerts`` (one check's, one agency's) hears of the hit in its
    messages, not only on its alerts page; the message names the record, never the
    traveller. The outbox calls this once the alerts are claimed."""
    owner = agencies.listing().filter(pk=alerts[0].agency_id).first()
    if owner is None:  # no longer an agency anyone reads for: nobody to tell
        return
    first = alerts[0]
    lines = [_("%(kind)s record %(id)s, score %(score).2f") % {
        "kind": registry.label("screening_kinds", a.kind, get_language() or "en"),
        "id": a.record_id, "score": a.score} for a in alerts]
    messaging.notify_agency(
        owner, _("Screening hit on your watch list"),
        "\n".join([_("Checked by %(agency)s at %(post)s.") % {
            "agency": first.checked_by.agency.name, "post": first.post or "—"}, *lines,
            _("Open your alerts: %(url)s") % {"url": reverse("screening:alerts")}]))


# Reading.

def _require(user: User) -> None:
    if not user.has_perm("screening.manage"):
        raise NotAllowed(_("Your roles do not allow reading alerts."))


def coordinates(user: User) -> bool:
    """The coordinator sees and acts on every agency's alerts."""
    return bool(user.has_perm("cases.coordinate"))


def visible(user: User) -> QuerySet[Alert]:
    _require(user)
    alerts = Alert.objects.select_related("agency", "checked_by__agency", "acknowledged_by",
                                          "taken_by", "closed_by")
    return alerts if coordinates(user) else alerts.filter(agency_id=user.agency_id)


def listing(user: User, show: str = "open") -> QuerySet[Alert]:
    """``open``: not closed yet (the default); ``closed``; anything else: every alert."""
    alerts = visible(user)
    if show == "open":
        return alerts.exclude(state=AlertState.CLOSED)
    if show == "closed":
        return alerts.filter(state=AlertState.CLOSED)
    return alerts


def open_alert_count(user: User) -> int:
    """Alerts on the user's agency's records that nobody there has acknowledged yet."""
    if not user.has_perm("screening.manage"):
        return 0
    return Alert.objects.filter(agency_id=user.agency_id, state=AlertState.OPEN).count()


def read(alert: Alert, *, actor: User, request: HttpRequest | None = None) -> Alert:
    """An alert names a listed person or a traveller: opening it is an audited read."""
    audit.record_read(actor, "screening_alert", alert.pk, request=request,
                      detail={"kind": alert.kind, "record": alert.record_id})
    return alert


def shows_name(alert: Alert, user: User) -> bool:
    """Who was hit, by name: the agency that listed the person, and frontline roles that may
    screen (a check would show them the same name)."""
    return alert.agency_id == user.agency_id or bool(user.has_perm("screening.check"))


def links(alert: Alert, user: User) -> dict[str, str]:
    """Where the user can go from the alert: the listed record (in the owner's own list),
    the notice the person is under, the case the record names (need-to-know decides)."""
    found: dict[str, str] = {}
    if alert.agency_id == user.agency_id:
        kind = {"document": "documents", "vehicle": "vehicles"}.get(alert.kind, "persons")
        record = alert.record
        term = (record.get("number") or record.get("vin") or record.get("plate")
                or (record.get("names") or [""])[0])
        found["record"] = f"{reverse('screening:lists')}?kind={kind}&q={term}"
    if alert.notice_id and user.has_perm("notices.view"):
        found["notice"] = reverse("notices:detail", args=[alert.notice_id])
    reference = alert.record.get("case") or ""
    if reference:
        case = cases_access.listable_cases(user).filter(reference=reference).first()
        if case is not None:
            found["case"] = reverse("cases:case_detail", args=[case.pk])
    return found


# Acting: the steps, shared with travel alerts.

def may_act(alert: Any, user: User) -> bool:
    return bool(alert.agency_id == user.agency_id or coordinates(user))


def outcome_choices() -> list[tuple[str, str]]:
    return registry.get("alert_outcomes").choices(get_language() or "en")


def act(alert: Any, step: str, *, actor: User, version: int, object_type: str,
        outcome: str = "", note: str = "", request: HttpRequest | None = None) -> Any:
    """One step on an alert of either kind (a screening ``Alert`` or a ``TravelAlert``, which
    share these fields); the caller has checked the actor's roles."""
    if not may_act(alert, actor):
        raise NotAllowed(_("Only the agency the alert went to, or the coordinator, acts on "
                           "it."))
    if alert.state == AlertState.CLOSED:
        raise ServiceError(_("This alert is closed already."), field="step")
    now, note = timezone.now(), note.strip()
    changes: dict[str, Any] = {}
    if alert.acknowledged_at is None:
        changes.update(acknowledged_at=now, acknowledged_by=actor)
    if step == "acknowledge":
        if alert.acknowledged_at is not None:
            raise ServiceError(_("%(name)s acknowledged this alert already.")
                               % {"name": alert.acknowledged_by.full_name}, field="step")
        changes["state"] = AlertState.ACKNOWLEDGED
    elif step == "take_over":
        if alert.taken_by_id == actor.pk:
            raise ServiceError(_("You have taken this alert over already."), field="step")
        changes.update(state=AlertState.TAKEN, taken_by=actor, taken_at=now)
    elif step == "close":
        changes.update(_closing(outcome, note), state=AlertState.CLOSED, closed_by=actor,
                       closed_at=now)
    else:
        raise ServiceError(_("Unknown step."), field="step")
    return save_versioned(
        alert, version, changes, actor=actor, request=request,
        action=f"{object_type}.{step}", object_type=object_type, reason=note,
        detail={"agency": alert.agency_id, "state": changes["state"],
                **({"outcome": outcome} if step == "close" else {})},
        stale=_("Someone else acted on this alert meanwhile. Reload the page to see what they "
                "did."))


def _closing(outcome: str, note: str) -> dict[str, str]:
    outcomes = registry.get("alert_outcomes")
    if outcome not in outcomes:
        raise ServiceError(_("Choose how the alert ended."), field="outcome")
    if len(note) > MAX_NOTE:
        raise ServiceError(_("A note has at most %(n)d characters.") % {"n": MAX_NOTE},
                           field="note")
    if outcomes.get(outcome).extra.get("needs_note") and not note:
        raise ServiceError(_("Say in the note what was done: “%(outcome)s” needs one.")
                           % {"outcome": outcomes.get(outcome).label(get_language() or "en")},
                           field="note")
    return {"outcome": outcome, "outcome_note": note}


def step(alert: Alert, name: str, *, actor: User, version: int, outcome: str = "",
         note: str = "", request: HttpRequest | None = None) -> Alert:
    _require(actor)
    return act(alert, name, actor=actor, version=version, object_type="screening_alert",
               outcome=outcome, note=note, request=request)


# The API's view of an alert: what the alert's page shows the same user, field by field.

_IDENTITY = ("names", "birth_date", "nationalities", "sex")


def record_shown(alert: Alert, user: User) -> dict[str, Any]:
    """The record as it was hit, without the listed person's identity where the page
    withholds the name (``shows_name``)."""
    if shows_name(alert, user):
        return dict(alert.record)
    return {key: value for key, value in alert.record.items() if key not in _IDENTITY}
