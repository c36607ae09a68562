from __future__ import annotations

from typing import Any

import pytest

from tests.access.factories import AgencyFactory


@pytest.fixture
def people(user_with: Any) -> dict[str, Any]:
    """The coordinator's office keeps the directory; a police investigator reads it."""
    office = AgencyFactory(name="National Coordinator", kind="coordinator", country="ISR")
    police = AgencyFactory(name="Israel Police", kind="police", country="ISR")
    return {"editor": user_with("coordinator", agency=office),
            "reader": user_with("investigator", agency=police), "police": police}
