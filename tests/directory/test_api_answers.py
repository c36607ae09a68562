"""The directory API's answers, key by key: built by the schemas from the records, they keep
the shape clients already read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from tests.access.factories import AgencyFactory
from tests.conftest import sign_in
from tests.directory.factories import agreement, contact, organisation
from tests.exchange.factories import trust

pytestmark = pytest.mark.django_db


def test_an_organisation_with_its_contacts_agreements_and_keys(people: dict[str, Any]) -> None:
    key = trust(AgencyFactory(name="Cyprus Police", country="CYP"))
    iom = organisation(people["editor"], exchange_key_ids=[key.key_id],
                       agency_id=people["police"].pk)
    maya = contact(people["editor"], iom)
    ends = dt.date.today() + dt.timedelta(days=30)
    deal = agreement(people["editor"], iom, ends_on=ends)
    client = sign_in(Client(), people["editor"])
    detail = client.get(f"/api/v1/directory/organisations/{iom.pk}").json()
    assert {name: detail[name] for name in ("id", "version", "name", "agency_id",
                                            "exchange_key_ids", "services")} == {
        "id": iom.pk, "version": 1, "name": "International Organization for Migration",
        "agency_id": people["police"].pk, "exchange_key_ids": [key.key_id],
        "services": ["repatriation", "shelter"]}
    assert detail["contacts"] == [{
        "id": maya.pk, "organisation_id": iom.pk, "name": "Maya Cohen",
        "role": "Programme officer", "email": "maya@iom.example", "phone": "+41 22 000 1111",
        "languages": "", "notes": ""}]
    assert detail["agreements"] == [{
        "id": deal.pk, "organisation_id": iom.pk, "title": "Assisted voluntary return",
        "kind": "mou", "signed_on": None, "starts_on": "2024-01-01",
        "ends_on": ends.isoformat(), "reference": "", "renewal_note": ""}]
    assert [(k["key_id"], k["state"]) for k in detail["exchange_keys"]] == [
        (key.key_id, "trusted")]
    assert client.get("/api/v1/directory/agreements/expiring").json() == detail["agreements"]
    updated = client.patch(f"/api/v1/directory/organisations/{iom.pk}",
                           {"version": 1, "notes": "Call before visiting."},
                           content_type="application/json").json()
    assert (updated["version"], updated["notes"]) == (2, "Call before visiting.")
    assert "contacts" not in updated
