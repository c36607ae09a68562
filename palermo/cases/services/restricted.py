"""Highly restricted cases: whoever reaches their persons, documents or exports says why
first, on every path (case page, person page, download, API, export). The reason goes into
each audit entry of the read, and the coordinators are told."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.cases.models import Case, Notification
from palermo.cases.services.errors import NotAllowed
from palermo.cases.services.timeline import notify
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

# The same user giving the same reason for the same case again within this window (a page
# reloaded, a document opened after the case page) does not tell the coordinators twice.
TELL_AGAIN_AFTER = dt.timedelta(hours=1)
MAX_REASON = 500
SESSION_KEY = "palermo_case_reason_{}"


class ReasonRequired(NotAllowed):
    """The case asks why before anything of it is shown; pages ask for the reason and come
    back, the API answers 403 with this message (the caller adds ``?reason=``)."""

    def __init__(self, case: Case) -> None:
        self.case_id = case.pk
        super().__init__(_("Say why you open this case: give a reason."), field="reason")


def levels_asking_reason() -> list[str]:
    return [t.code for t in registry.get("sensitivity_levels") if t.extra.get("asks_reason")]


def needs_reason(case: Case) -> bool:
    return bool(registry.get("sensitivity_levels").get(case.sensitivity).extra.get("asks_reason"))


def linked_case(case_id: int | None) -> Case | None:
    """The case a record of another capability points to (an exchanged report's), for its
    reason gate and the coordinators' bell only: nothing of the case is shown from it."""
    return Case.objects.filter(pk=case_id).first() if case_id else None


def remember(request: HttpRequest, case_id: int, reason: str,
             key: str = SESSION_KEY) -> None:
    """A reason given on a page holds for the rest of the session's visit to that case (or,
    with another ``key``, to another record that asks why)."""
    request.session[key.format(case_id)] = " ".join(reason.split())[:MAX_REASON]


def given(reason: str, request: HttpRequest | None, key: str) -> str:
    """The reason given now, or the one given on a page earlier in the session (``key``)."""
    session = getattr(request, "session", None)
    if not reason.strip() and session is not None:
        reason = session.get(key, "")
    return " ".join(reason.split())[:MAX_REASON]


def gate(user: User, case: Case, reason: str, request: HttpRequest | None = None) -> str:
    """The reason to record with a read of this case's persons, documents or exports ("" for a
    case that asks none): the one given, or the one given on a page earlier in the session.
    Raises ``ReasonRequired`` when the case asks and none is given."""
    if not needs_reason(case):
        return ""
    reason = given(reason, request, SESSION_KEY.format(case.pk))
    if not reason:
        raise ReasonRequired(case)
    if not user.has_perm("cases.coordinate"):
        tell_coordinators(user, _("%(who)s opened restricted case %(case)s: %(reason)s")
                          % {"who": user.full_name, "case": case.reference, "reason": reason},
                          reverse("cases:case_detail", args=[case.pk]), case)
    return reason


def tell_coordinators(user: User, text: str, url: str, case: Case | None) -> None:
    """Every coordinator but ``user`` gets ``text`` in the bell, once within TELL_AGAIN_AFTER."""
    from palermo.access.services import users as user_services

    text = text[:300]
    if Notification.objects.filter(text=text,
                                   created_at__gte=timezone.now() - TELL_AGAIN_AFTER).exists():
        return
    coordinators = [u for u in user_services.listing(include_disabled=False)
                    if u.has_perm("cases.coordinate") and u.pk != user.pk]
    notify(coordinators, text, url, case)
