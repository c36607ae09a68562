"""Committees, meetings, decisions with action items and bills, made through the services
by a coordinator."""

from __future__ import annotations

import datetime as dt
from typing import Any

from palermo.access.models import Agency
from palermo.governance.models import ActionItem, Bill, Committee, Decision, Meeting
from palermo.governance.services import actions, committees, legislation, meetings


def committee(editor: Any, **fields: Any) -> Committee:
    """The named committee, made once: several meetings may share it."""
    values: dict[str, Any] = {"name": "Directors General Committee", "kind": "directors_general",
                              **fields}
    existing = Committee.objects.filter(name=values["name"]).first()
    return existing or committees.create(actor=editor, **values)


def meeting(editor: Any, committee_: Committee | None = None, **fields: Any) -> Meeting:
    values: dict[str, Any] = {"title": "Quarterly meeting",
                              "starts_at": dt.datetime(2026, 9, 14, 7, 0, tzinfo=dt.UTC),
                              "agenda": "Annual report\nShelters", **fields}
    return meetings.create(committee_ or committee(editor), actor=editor, **values)


def decision(editor: Any, meeting_: Meeting, agency: Agency,
             deadline: dt.date | None = None, **item: Any) -> Decision:
    spec = actions.ItemSpec(title=item.pop("title", "Report on raids"), owner_agency=agency,
                            deadline=deadline or dt.date.today() + dt.timedelta(days=30),
                            **item)
    return actions.record_decision(meeting_, "The police report on raids.", [spec],
                                   actor=editor)


def action_item(editor: Any, agency: Agency, **kwargs: Any) -> ActionItem:
    made = decision(editor, meeting(editor, committee(editor, name="Working group")), agency,
                    **kwargs)
    return made.action_items.get()


def bill(editor: Any, **fields: Any) -> Bill:
    values: dict[str, Any] = {"title": "Prohibition of Trafficking (Amendment) Bill",
                              "kind": "bill", **fields}
    return legislation.create(actor=editor, **values)
