"""A notice written in English keeps its own direction on a Hebrew page, and the list of
countries on the trip form is one to filter, not a long drop-down."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.notices.models import Trip
from tests.conftest import sign_in
from tests.notices.factories import green, published
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_an_english_notice_reads_left_to_right_in_hebrew(people: dict[str, Any]) -> None:
    notice = green(people["author"], subject_names=["Arkadi Gold"],
                   reasons="Convicted of sexual offences against children, 2019.")
    page = hebrew_page(people["author"], f"/notices/{notice.pk}/")
    assert isolated("Convicted of sexual offences against children, 2019.") in page
    assert isolated("Arkadi Gold") in page
    assert isolated("Inform the issuing agency of any trip.") in page  # requested action
    listing = hebrew_page(people["author"], "/notices/")
    assert isolated("Arkadi Gold") in listing


def test_the_trip_form_takes_a_country_from_the_filtered_list(people: dict[str, Any]) -> None:
    notice = published(people["author"], people["reviewer"])
    client = sign_in(Client(), people["author"])
    form = client.get(f"/notices/{notice.pk}/trip/").content.decode()
    destination = form.split("<legend>To")[1].split("</fieldset>")[0]
    assert destination.count('type="radio"') > 200 and "<select" not in destination
    assert 'class="picker-filter"' in destination
    assert 'value=""' not in destination  # a required choice offers no empty one
    leaving = form.split("<legend>From")[1].split("</fieldset>")[0]
    assert "Not given" in leaving  # the empty choice, named, where it may be left out
    client.post(f"/notices/{notice.pk}/trip/", {"to_country": "CYP", "from_country": ""})
    trip = Trip.objects.get(notice=notice)
    assert (trip.to_country, trip.from_country) == ("CYP", "")
