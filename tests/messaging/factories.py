"""Factories for messaging: people in agencies of a given kind, and a quick message."""

from __future__ import annotations

import datetime as dt
from typing import Any

from palermo.messaging import services
from palermo.messaging.models import Message, PartnerGroup
from palermo.messaging.services import Content, Recipients
from tests.access.factories import AgencyFactory, UserFactory

ROLE_OF_KIND = {"police": "investigator", "welfare": "social_worker", "ngo": "ngo_case_worker",
                "border": "border_officer", "coordinator": "coordinator",
                "health": "health_worker", "immigration": "border_officer"}


def person(kind: str, agency_name: str | None = None, **fields: Any) -> Any:
    """A user with the usual role of an agency of ``kind``."""
    agency = AgencyFactory(name=agency_name or f"The {kind} agency", kind=kind)
    return UserFactory(roles=[ROLE_OF_KIND[kind]], agency=agency, **fields)


def group(name: str, *agencies: Any) -> PartnerGroup:
    made = PartnerGroup.objects.create(name=name)
    made.agencies.set(agencies)
    return made


def send(sender: Any, *, to_agencies: tuple[Any, ...] = (), to_users: tuple[Any, ...] = (),
         subject: str = "Shelter place needed", body: str = "Please call us back.",
         handling_code: str = "H0", ack_due: dt.date | None = None,
         attachments: list[tuple[str, bytes]] | None = None, **content: Any) -> Message:
    return services.start(
        actor=sender, subject=subject,
        content=Content(body=body, handling_code=handling_code, ack_due=ack_due,
                        attachments=attachments or [], **content),
        recipients=Recipients(agencies=[a.pk for a in to_agencies],
                              users=[u.pk for u in to_users]))
