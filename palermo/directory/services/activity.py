"""What we have done with an organisation: referrals with its agency (cases), the message
threads its agency takes part in (messaging), the meetings it attended and the trainings its
staff took. Other capabilities add what they know through ``register``, so directory does
not import them and they do not import directory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from palermo.core.checks import require
from palermo.directory.models import Organisation

if TYPE_CHECKING:
    from palermo.access.models import User

LIMIT = 20


@dataclass(frozen=True)
class Item:
    when: dt.date | dt.datetime | None
    title: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    items: list[Item] = field(default_factory=list)
    count: int = 0


# key -> (title, provider(user, agency_id) -> (items, total)). Governance registers
# "meetings" and training may register "trainings" in their AppConfig.ready.
Provider = Callable[["User", int], tuple[list[Item], int]]
_providers: dict[str, tuple[str | Promise, Provider]] = {}


def register(key: str, title: str | Promise, provider: Provider) -> None:
    _providers[key] = (title, provider)


def _referrals(user: User, agency_id: int) -> Section:
    from django.urls import reverse

    from palermo.cases.services import referrals

    found = referrals.with_agency(user, agency_id)
    items = [Item(r.created_at, f"{r.case.reference}: {r.from_agency.name} → "
                                f"{r.to_agency.name}",
                  reverse("cases:case_detail", args=[r.case_id]), r.get_state_display())
             for r in found[:LIMIT]]
    return Section("referrals", _("Referrals"), items, found.count())


def _messages(user: User, agency_id: int) -> Section:
    from django.urls import reverse

    from palermo.messaging import services as messaging

    threads = messaging.visible_threads(user).filter(
        Q(participants__agency_id=agency_id) | Q(participants__user__agency_id=agency_id)
    ).distinct()
    # Subjects are sealed; the page says when and links to the thread, which the messaging
    # pages open with their own receipts and audit.
    items = [Item(t.last_message_at, str(_("Message thread %(n)d") % {"n": t.pk}),
                  reverse("messaging:thread", args=[t.pk])) for t in threads[:LIMIT]]
    return Section("messages", _("Messages"), items, threads.count())


def sections(organisation: Organisation, user: User) -> list[Section]:
    """What the user may see of our work with the organisation's platform agency."""
    require(user, "directory.view")
    if organisation.agency_id is None:
        return []
    agency_id = organisation.agency_id
    found = []
    if user.has_perm("cases.view"):
        found.append(_referrals(user, agency_id))
    if user.has_perm("messaging.use"):
        found.append(_messages(user, agency_id))
    for key, (title, provider) in _providers.items():
        items, count = provider(user, agency_id)
        found.append(Section(key, title, items, count))
    return found


@dataclass(frozen=True)
class KeyState:
    key_id: str
    state: str  # "trusted", "distrusted", "unknown" (not in the trust store), "hidden"
    partner: str = ""


def exchange_keys(organisation: Organisation, user: User) -> list[KeyState]:
    """The trust state of each exchange key recorded for the organisation, read from the
    exchange's trust store through its services."""
    require(user, "directory.view")
    ids = organisation.exchange_key_ids or []
    if not user.has_perm("exchange.view"):
        return [KeyState(key_id, "hidden") for key_id in ids]
    from palermo.exchange.services import partners

    found = {p.key_id: p for p in partners.listing(user).filter(key_id__in=ids)}
    states = []
    for key_id in ids:
        partner = found.get(key_id)
        if partner is None:
            states.append(KeyState(key_id, "unknown"))
        else:
            states.append(KeyState(key_id, "trusted" if partner.active else "distrusted",
                                   str(partner)))
    return states
