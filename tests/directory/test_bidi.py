"""An organisation's English name keeps its direction on a Hebrew list; its country is
chosen from a filtered list and its services ticked, several at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.directory.models import Organisation
from tests.conftest import sign_in
from tests.directory.factories import organisation
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_an_english_name_reads_left_to_right_on_the_hebrew_list(people: dict[str, Any]) -> None:
    organisation(people["editor"], name="Farm workers' union.")
    page = hebrew_page(people["reader"], "/directory/")
    assert isolated("Farm workers&#x27; union.") in page


def test_country_and_services_are_chosen_from_lists(people: dict[str, Any]) -> None:
    client = sign_in(Client(), people["editor"])
    form = client.get("/directory/new/").content.decode()
    country = form.split("<legend>Country")[1].split("</fieldset>")[0]
    assert country.count('type="radio"') > 200 and 'class="picker-filter"' in country
    services = form.split("<legend>Services offered")[1].split("</fieldset>")[0]
    assert 'type="checkbox"' in services
    assert 'class="picker-filter"' not in services  # five choices are read at a glance
    response = client.post("/directory/new/", {
        "name": "Eurojust", "kind": "international_body", "country": "NLD",
        "services": ["shelter", "repatriation"], "active": "on"})
    assert response.status_code == 302
    made = Organisation.objects.get(name="Eurojust")
    assert made.country == "NLD" and sorted(made.services) == ["repatriation", "shelter"]
