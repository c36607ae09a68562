from __future__ import annotations

from typing import Any

import pytest

from tests.access.factories import AgencyFactory


@pytest.fixture
def people(user_with: Any) -> dict[str, Any]:
    """A trainer at the coordinator's office, a border agency whose officers are trained,
    and an investigator who may not see the training records."""
    office = AgencyFactory(name="Coordinator", kind="coordinator", country="ISR")
    return {"trainer": user_with("trainer", agency=office),
            "border": AgencyFactory(name="Border Authority", kind="border", country="ISR"),
            "outsider": user_with("investigator", agency=AgencyFactory(name="Police"))}
