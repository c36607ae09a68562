"""Bills move through the stages of the vocabulary; the office's positions are kept in
versions; library records are linked by id and shown with their titles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import ServiceError, StaleWrite
from palermo.governance.services import legislation
from tests.conftest import sign_in
from tests.governance.factories import bill
from tests.library.factories import decision, opinion

pytestmark = pytest.mark.django_db


def test_stages_and_positions(people: dict[str, Any]) -> None:
    editor = people["coordinator"]
    with pytest.raises(ServiceError) as caught:
        bill(editor, stage="fourth_reading")
    assert caught.value.field == "stage"
    draft = bill(editor)
    draft = legislation.set_stage(draft, "first_reading", actor=editor, version=1,
                                  on=dt.date.today() + dt.timedelta(days=1))
    with pytest.raises(StaleWrite):
        legislation.set_stage(draft, "enacted", actor=editor, version=1)
    assert [s.stage for s in draft.stages.all()] == ["draft", "first_reading"]
    legislation.write_position(draft, "We support it.", actor=editor)
    legislation.write_position(draft, "We support it with one change.", actor=editor,
                               note="After the hearing.")
    legislation.write_position(draft, "Clause 3 is unclear.", kind="comment", actor=editor)
    assert [(p.kind, p.number) for p in draft.positions.all()] == [
        ("comment", 1), ("position", 2), ("position", 1)]
    with pytest.raises(ServiceError) as caught:
        legislation.write_position(draft, "", actor=editor)
    assert caught.value.field == "text"


def test_library_links(people: dict[str, Any]) -> None:
    editor = people["coordinator"]
    ruling, expert = decision(editor), opinion(editor)
    draft = bill(editor)
    with pytest.raises(ServiceError) as caught:
        legislation.link_library(draft, actor=editor, version=1, decision_ids=[99999],
                                 opinion_ids=[])
    assert caught.value.field == "decision_ids"
    draft = legislation.link_library(draft, actor=editor, version=1,
                                     decision_ids=[ruling.pk], opinion_ids=[expert.pk])
    links = legislation.library_links(draft, people["investigator"])
    assert [(link.kind, link.title) for link in links] == [
        ("decision", str(ruling)), ("opinion", str(expert))]
    # A social worker may not read the library: the ids are shown without titles.
    assert {link.title for link in legislation.library_links(draft, people["social"])} == {""}


def test_sessions_and_page(people: dict[str, Any]) -> None:
    editor = people["coordinator"]
    draft = bill(editor)
    with pytest.raises(ServiceError) as caught:
        legislation.record_session(actor=editor, held_on=None, forum="Plenary")
    assert caught.value.field == "held_on"
    legislation.record_session(actor=editor, bill=draft, held_on=dt.date(2026, 8, 3),
                               forum="Constitution Committee", statement="We spoke.")
    client = sign_in(Client(), editor)
    response = client.post(f"/governance/legislation/{draft.pk}/step/",
                           {"step": "links", "version": "1", "decision_ids": "abc"},
                           follow=True)
    assert "is not a number" in response.content.decode()
    response = client.post(f"/governance/legislation/{draft.pk}/step/",
                           {"step": "stage", "version": "1", "stage": "consultation"},
                           follow=True)
    assert "Public consultation" in response.content.decode()
    assert "Constitution Committee" in response.content.decode()
