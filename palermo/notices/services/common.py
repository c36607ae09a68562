"""What every notices rule needs: the issuer check, the guarded state change, and the
watch-list entry that a notice in force keeps for its subject."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.notices.models import Notice
from palermo.screening import services as screening
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

VALIDITY = dt.timedelta(days=5 * 365)  # INTERPOL's default; renewal needs a new review


def require_issuer(notice: Notice, user: User, permission: str = "notices.issue") -> None:
    require(user, permission)
    if notice.issuing_agency_id != user.agency_id:
        raise NotAllowed(_("Only the issuing agency does this to its notices."))


def move(notice: Notice, state: str, *, actor: User | None, action: str,
         request: HttpRequest | None, reason: str = "", **fields: Any) -> Notice:
    """Change the state if nobody else changed the notice since it was read, and audit it."""
    return save_versioned(
        notice, notice.version, {"state": state, **fields}, actor=actor, request=request,
        action=f"notice.{action}", reason=reason, detail={"state": state},
        stale=_("Someone else changed this notice meanwhile. Reload the page."))


def watch(notice: Notice) -> int | None:
    """Put the subject on the person watch list, owned by the issuing agency."""
    if not notice.subject_names:
        return None
    kind = registry.get("notice_types").get(notice.colour)
    source = (f"INTERPOL {notice.external_id}" if notice.external_id
              else f"notice {notice.pk}")
    return screening.watch_person(
        names=notice.subject_names, birth_date=notice.birth_date, sex=notice.sex,
        nationalities=notice.nationalities, reason=kind.extra["watch_reason"],
        action=notice.requested_action or kind.definition,
        owner_agency_id=notice.issuing_agency_id, source=source)


def unwatch(notice: Notice) -> None:
    if notice.watched_person_id:
        screening.unwatch_person(notice.watched_person_id)
