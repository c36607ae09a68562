"""Issue 6's done-when: the FollowTheMoney export of every demo case passes the
followthemoney library's validation."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.access.models import User
from palermo.cases.models import Case
from palermo.exchange.services import ftm
from palermo.ops.services import seed_demo

pytestmark = pytest.mark.django_db


def _problems(entity: dict[str, Any]) -> list[str]:
    from followthemoney import model

    proxy = model.get_proxy(entity, cleaned=False)
    found = []
    for prop, values in entity["properties"].items():
        spec = proxy.schema.properties.get(prop)
        if spec is None:
            found.append(f"{entity['schema']}.{prop}: not a property")
            continue
        found += [f"{entity['schema']}.{prop}: {value!r}" for value in values
                  if spec.type.clean(value) is None]
    return found


def test_every_demo_case_exports_valid_entities() -> None:
    seed_demo(lambda line: None)
    coordinator = User.objects.get(email="coordinator@demo.palermo.test")
    cases = list(Case.objects.order_by("pk"))
    assert len(cases) >= 12
    for case in cases:
        # A highly restricted demo case asks why, as it would of anyone.
        entities = ftm.case_entities(case.pk, actor=coordinator, reason="validation")
        persons = [e for e in entities if e["schema"] == "Person"]
        assert persons, case.reference
        assert [p for e in entities for p in _problems(e)] == [], case.reference
        ids = {e["id"] for e in entities}
        for link in (e for e in entities if e["schema"] == "UnknownLink"):
            assert {link["properties"]["subject"][0], link["properties"]["object"][0]} <= ids
