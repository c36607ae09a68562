"""A nomination written in English keeps its own direction on a Hebrew page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.awards.factories import cycle, nomination
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_an_english_nomination_reads_left_to_right_in_hebrew(people: dict[str, Any]) -> None:
    at = cycle(people["manager"])
    made = nomination(at, people["nominator"], name="Rachel Stern",
                      achievements="Identified 40 victims of labour trafficking in 2025.")
    page = hebrew_page(people["manager"], f"/awards/nominations/{made.pk}/")
    assert isolated("Identified 40 victims of labour trafficking in 2025.") in page
    assert isolated("Rachel Stern") in page
