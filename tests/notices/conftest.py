from __future__ import annotations

from typing import Any

import pytest

from tests.access.factories import AgencyFactory


@pytest.fixture
def people(user_with: Any) -> dict[str, Any]:
    """An issuing police force in Israel, a coordinator who reviews, a border officer in
    Cyprus (where the subject travels) and a Cypriot police force that receives notices."""
    police = AgencyFactory(name="Police", country="ISR")
    # A liaison officer may both issue and review: the rule against self-review must bite.
    return {"author": user_with("liaison_officer", agency=police),
            "reviewer": user_with("coordinator", agency=AgencyFactory(
                name="NCB", kind="coordinator", country="ISR")),
            "border": user_with("border_officer", agency=AgencyFactory(
                name="Border", kind="border", country="CYP")),
            "destination": user_with("investigator", agency=AgencyFactory(
                name="Cyprus Police", kind="police", country="CYP"))}
