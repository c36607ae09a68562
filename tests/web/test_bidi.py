"""The dashboard greets a reader by a Latin name in a Hebrew sentence with the full stop at
the sentence's end, and the header names the user and agency in their own direction."""

from __future__ import annotations

import pytest

from tests.access.factories import AgencyFactory, UserFactory
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_a_latin_name_in_the_hebrew_greeting_is_isolated() -> None:
    user = UserFactory(roles=["investigator"], full_name="Noa Bar", language="he",
                       agency=AgencyFactory(name="Israel Police."))
    page = hebrew_page(user, "/")
    greeting = page.split('<p class="lead">')[1].split("</p>")[0]
    assert isolated(user.get_short_name()) in greeting
    assert greeting.rstrip().endswith(".")  # the Hebrew sentence's own full stop, at its end
    assert f'<a href="/access/me/">{isolated("Noa Bar")}</a>' in page
    assert f'<span class="agency">{isolated("Israel Police.")}</span>' in page
