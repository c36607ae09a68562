"""A bill's English title and sponsor keep their own direction on a Hebrew page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.governance.factories import bill
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_an_english_bill_reads_left_to_right_in_hebrew(people: dict[str, Any]) -> None:
    made = bill(people["coordinator"], sponsor="Ms. K. Levi, MK.")
    page = hebrew_page(people["coordinator"], f"/governance/legislation/{made.pk}/")
    assert isolated("Prohibition of Trafficking (Amendment) Bill") in page
    assert isolated("Ms. K. Levi, MK.") in page
