"""English subjects, names and messages on a Hebrew page keep their own direction."""

from __future__ import annotations

import pytest

from tests.messaging.factories import person, send
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_an_english_thread_reads_left_to_right_in_hebrew() -> None:
    police = person("police", agency_name="Israel Police.")
    welfare = person("welfare", full_name="Dana Cohen", language="he")
    message = send(police, to_users=(welfare,), subject="Shelter place tonight.",
                   body="A woman found on a farm needs a bed.")
    inbox = hebrew_page(welfare, "/messaging/")
    assert isolated("Shelter place tonight.") in inbox
    thread = hebrew_page(welfare, f"/messaging/{message.thread_id}/")
    assert f'data-testid="thread-subject">{isolated("Shelter place tonight.")}</h1>' in thread
    assert isolated("Israel Police.") in thread  # the sender's agency
    body = thread.split('data-testid="message-body"')[1].split("</div>")[0]
    assert body.startswith(' dir="auto">') and "needs a bed." in body


def test_the_people_to_write_to_are_named_in_their_own_direction() -> None:
    police = person("police", language="he")
    person("welfare", agency_name="Welfare Ministry", full_name="Dana Cohen")
    page = hebrew_page(police, "/messaging/new/")
    assert isolated("Dana Cohen (Welfare Ministry)") in page
    assert isolated("Welfare Ministry") in page
