from __future__ import annotations

from typing import Any

import pytest

from tests.access.factories import AgencyFactory


@pytest.fixture
def people(user_with: Any) -> dict[str, Any]:
    """The coordinator's office runs the committees; the police and welfare own action
    items."""
    office = AgencyFactory(name="National Coordinator", kind="coordinator", country="ISR")
    police = AgencyFactory(name="Israel Police", kind="police", country="ISR")
    welfare = AgencyFactory(name="Welfare", kind="welfare", country="ISR")
    return {"coordinator": user_with("coordinator", agency=office),
            "police": police, "welfare": welfare,
            "investigator": user_with("investigator", agency=police),
            "social": user_with("social_worker", agency=welfare)}
