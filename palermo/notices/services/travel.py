"""Travel alerts: a trip of a notice's subject, registered by a prison service or border
agency or detected by a border check, alerts at once the destination's agencies that hold
the notice permission and the issuing agency; each acknowledges and records its follow-up."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.messaging import services as messaging
from palermo.notices.models import Notice, NoticeState, TravelAlert, Trip
from palermo.screening import alerts as alert_steps
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


SAME_CROSSING = dt.timedelta(hours=6)


def raises_travel_alerts(notice: Notice) -> bool:
    return bool(registry.get("notice_types").get(notice.colour).extra.get("travel_alert"))


def _country(code: str, field: str, *, required: bool) -> str:
    code = (code or "").strip().upper()
    if not code and not required:
        return ""
    if code not in registry.get("countries"):
        raise ServiceError(_("Give a country as its three-letter ISO code."), field=field)
    return code


def register_trip(notice: Notice, *, actor: User, to_country: str, from_country: str = "",
                  departs_on: dt.date | None = None, returns_on: dt.date | None = None,
                  carrier: str = "", note: str = "",
                  request: HttpRequest | None = None) -> Trip:
    require(actor, "notices.register_travel")
    if notice.state != NoticeState.PUBLISHED or not raises_travel_alerts(notice):
        raise ServiceError(_("Trips are registered for subjects of published green, red or "
                             "yellow notices."), field="notice")
    if departs_on and returns_on and returns_on < departs_on:
        raise ServiceError(_("The return is before the departure."), field="returns_on")
    trip = Trip(notice=notice, source=Trip.Source.REGISTERED, registered_by=actor,
                to_country=_country(to_country, "to_country", required=True),
                from_country=_country(from_country, "from_country", required=False),
                departs_on=departs_on, returns_on=returns_on, carrier=carrier.strip()[:100],
                note=note.strip())
    with transaction.atomic():
        trip.save()
        _raise_alerts(trip, actor=actor, request=request)
    return trip


def _raise_alerts(trip: Trip, *, actor: User, request: HttpRequest | None) -> list[int]:
    found = {a.pk: a for a in agencies.holding("notices.view", country=trip.to_country)}
    found.setdefault(trip.notice.issuing_agency_id, trip.notice.issuing_agency)
    recipients = set(found)
    TravelAlert.objects.bulk_create(TravelAlert(trip=trip, agency_id=pk)
                                    for pk in sorted(recipients))
    _message(trip, list(found.values()))
    audit.record("notice.trip", actor=actor, request=request, object_type="notice",
                 object_id=trip.notice_id,
                 detail={"trip": trip.pk, "source": trip.source, "to": trip.to_country,
                         "alerted_agencies": sorted(recipients)})
    return sorted(recipients)


def _message(trip: Trip, to: list[Any]) -> None:
    """The alert also arrives as a message, in the agencies' message inbox."""
    notice = trip.notice
    kind = registry.get("notice_types").get(notice.colour).label("en")
    subject = _("Travel alert: %(kind)s subject %(name)s to %(country)s") % {
        "kind": kind, "name": (notice.subject_names or ["?"])[0], "country": trip.to_country}
    body = "\n".join([
        _("Requested action: %(action)s") % {"action": notice.requested_action or "—"},
        _("Trip: %(from)s → %(to)s, %(when)s, %(carrier)s") % {
            "from": trip.from_country or "?", "to": trip.to_country,
            "when": trip.departs_on or "?", "carrier": trip.carrier or "—"},
        _("Acknowledge it on the travel alert page: %(url)s") % {
            "url": reverse("notices:travel_alerts")}])
    for agency in to:
        messaging.notify_agency(agency, subject[:200], body, link_type="notice",
                                link_ref=str(notice.pk))


def on_screening_hits(user: User, hits: list[Any], post: str,
                      request: HttpRequest | None) -> None:
    """A border check hit the subject of a notice that asks to hear of travel: the trip is
    detected, into the checking officer's country."""
    for hit in hits:
        found = hit.notice
        if not found:
            continue
        notice = Notice.objects.filter(pk=found["id"], state=NoticeState.PUBLISHED).first()
        if notice is None or not raises_travel_alerts(notice):
            continue
        # Officers scan a passport again at the next desk: one crossing is one trip.
        if Trip.objects.filter(notice=notice, source=Trip.Source.SCREENING,
                               to_country=user.agency.country,
                               registered_at__gte=timezone.now() - SAME_CROSSING).exists():
            continue
        trip = Trip.objects.create(notice=notice, source=Trip.Source.SCREENING,
                                   to_country=user.agency.country, carrier=post[:100],
                                   departs_on=timezone.localdate(), registered_by=user,
                                   note=_("Seen at a border check by %(agency)s.")
                                   % {"agency": user.agency.name})
        _raise_alerts(trip, actor=user, request=request)


def alerts_for(user: User) -> QuerySet[TravelAlert]:
    """The alerts the user's agency received; the coordinator's are every agency's."""
    require(user, "notices.view")
    found = (TravelAlert.objects
             .select_related("agency", "trip", "trip__notice", "trip__notice__issuing_agency",
                             "trip__registered_by__agency", "acknowledged_by", "taken_by",
                             "closed_by")
             .defer("trip__notice__photo"))
    return found if alert_steps.coordinates(user) else found.filter(agency_id=user.agency_id)


def sees_every_agency(user: User) -> bool:
    return alert_steps.coordinates(user)


def may_act(alert: TravelAlert, user: User) -> bool:
    return alert_steps.may_act(alert, user)


def open_alert_count(user: User) -> int:
    """Travel alerts to the user's agency that nobody there has acknowledged yet."""
    if not user.has_perm("notices.view"):
        return 0
    return TravelAlert.objects.filter(agency_id=user.agency_id,
                                      state=TravelAlert.State.OPEN).count()


def read_alert(alert: TravelAlert, *, actor: User,
               request: HttpRequest | None = None) -> TravelAlert:
    audit.record_read(actor, "travel_alert", alert.pk, request=request,
                      detail={"notice": alert.trip.notice_id})
    return alert


def acknowledge(alert: TravelAlert, *, actor: User, follow_up: str = "",
                version: int | None = None,
                request: HttpRequest | None = None) -> TravelAlert:
    """The receiving agency confirms it has the alert; later calls add to the follow-up."""
    require(actor, "notices.view")
    if not alert_steps.may_act(alert, actor):
        raise NotAllowed(_("Only the agency the alert went to acknowledges it."))
    follow_up = follow_up.strip()
    if alert.acknowledged_at and not follow_up:
        raise ServiceError(_("Write the follow-up to record."), field="follow_up")
    if len(follow_up) > alert_steps.MAX_NOTE:
        raise ServiceError(_("A note has at most %(n)d characters.")
                           % {"n": alert_steps.MAX_NOTE}, field="follow_up")
    first = alert.acknowledged_at is None
    changes: dict[str, Any] = {}
    if first:
        changes.update(acknowledged_at=timezone.now(), acknowledged_by=actor)
        if alert.state == TravelAlert.State.OPEN:
            changes["state"] = TravelAlert.State.ACKNOWLEDGED
    if follow_up:
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        changes["follow_up"] = f"{alert.follow_up}\n{stamp} {actor.full_name}: {follow_up}" \
            .strip()
    return save_versioned(
        alert, alert.version if version is None else version, changes, actor=actor,
        request=request, object_type="travel_alert",
        action="travel_alert.acknowledge" if first else "travel_alert.follow_up",
        detail={"notice": alert.trip.notice_id},
        stale=_("Someone else acted on this alert meanwhile. Reload the page to see what "
                "they did."))


def step(alert: TravelAlert, name: str, *, actor: User, version: int, outcome: str = "",
         note: str = "", request: HttpRequest | None = None) -> TravelAlert:
    """Take the alert over, or close it with an outcome, as screening's alerts are."""
    require(actor, "notices.view")
    result: TravelAlert = alert_steps.act(alert, name, actor=actor, version=version,
                                          object_type="travel_alert", outcome=outcome,
                                          note=note, request=request)
    return result
