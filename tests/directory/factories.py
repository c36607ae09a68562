"""Partner organisations made through the services, by a coordinator."""

from __future__ import annotations

import datetime as dt
from typing import Any

from palermo.directory.models import Agreement, Contact, Organisation
from palermo.directory.services import agreements, contacts, organisations


def organisation(editor: Any, **fields: Any) -> Organisation:
    values: dict[str, Any] = {"name": "International Organization for Migration",
                              "acronym": "IOM", "kind": "international_body",
                              "country": "CHE", "services": ["shelter", "repatriation"],
                              "exploitation_types": ["ForcedLabour"],
                              "mandate": "The UN migration agency.",
                              "email": "info@iom.example", "phone": "+41 22 717 9111",
                              **fields}
    return organisations.create(actor=editor, **values)


def contact(editor: Any, organisation: Organisation, **fields: Any) -> Contact:
    values: dict[str, Any] = {"name": "Maya Cohen", "role": "Programme officer",
                              "email": "maya@iom.example", "phone": "+41 22 000 1111",
                              **fields}
    return contacts.add(organisation, actor=editor, **values)


def agreement(editor: Any, organisation: Organisation, **fields: Any) -> Agreement:
    values: dict[str, Any] = {"title": "Assisted voluntary return", "kind": "mou",
                              "starts_on": dt.date(2024, 1, 1),
                              "ends_on": dt.date.today() + dt.timedelta(days=30), **fields}
    return agreements.add(organisation, actor=editor, **values)
