"""A decision's English court and its appeal keep their own direction on a Hebrew page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.library.factories import decision
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_an_english_decision_reads_left_to_right_in_hebrew(editor: Any) -> None:
    first = decision(editor, court="Tel Aviv District Court.")
    appeal = decision(editor, court="Supreme Court.", case_number="777-01-22",
                      previous_decision=first)
    page = hebrew_page(editor, f"/library/decisions/{appeal.pk}/")
    assert f"<h1>{isolated('Supreme Court.')}" in page
    assert isolated(str(first)) in page  # the decision appealed from
