from __future__ import annotations

from typing import Any

import pytest

from tests.access.factories import AgencyFactory, UserFactory


@pytest.fixture
def people(user_with: Any) -> dict[str, Any]:
    """The award's secretariat (a coordinator), a chair and a juror holding the juror role
    (outside experts), an NGO worker who nominates, and an investigator who nominates too."""
    office = AgencyFactory(name="Coordinator", kind="coordinator", country="ISR")
    return {"manager": user_with("coordinator", agency=office),
            "chair": UserFactory(roles=["juror"], agency=office),
            "juror": UserFactory(roles=["juror"], agency=AgencyFactory(name="Ministry")),
            "nominator": user_with("ngo_case_worker", agency=AgencyFactory(name="NGO",
                                                                            kind="ngo")),
            "other": user_with("investigator", agency=AgencyFactory(name="Police")),
            "auditor": user_with("auditor", agency=office)}
