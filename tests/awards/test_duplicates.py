"""Issue 18: the same nominee nominated twice in a cycle gets a warning first; the second
nomination goes in only when the nominator confirms, and the secretariat sees both."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import ServiceError
from palermo.awards.models import Nomination
from palermo.awards.services import nominations
from tests.awards.factories import cycle, nomination
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_same_nominee_twice_is_warned_and_kept_until_confirmed(
        people: dict[str, Any]) -> None:
    at = cycle(people["manager"])
    first = nomination(at, people["nominator"], "Rachel Stern")
    client = sign_in(Client(), people["other"])
    form = {"nominee_name": "  rachel   STERN ", "achievements": "Ran the 2025 shelter."}
    warned = client.post(f"/awards/cycles/{at.pk}/nominate/", form)
    assert warned.status_code == 200
    page = warned.content.decode()
    assert "is already nominated in this cycle" in page
    assert "Ran the 2025 shelter." in page  # what was typed is kept
    assert "Nominate anyway" in page
    assert Nomination.objects.count() == 1
    confirmed = client.post(f"/awards/cycles/{at.pk}/nominate/",
                            {**form, "confirm_duplicate": "on"})
    assert confirmed.status_code == 302
    second = Nomination.objects.exclude(pk=first.pk).get()
    assert second.nominee_name == "rachel   STERN".strip()
    # The secretariat sees the two side by side.
    manager = sign_in(Client(), people["manager"])
    detail = manager.get(f"/awards/nominations/{first.pk}/").content.decode()
    assert "Also nominated in this cycle" in detail
    assert f'href="/awards/nominations/{second.pk}/"' in detail


def test_one_nominator_twice_and_the_same_email_are_warned(people: dict[str, Any]) -> None:
    at = cycle(people["manager"])
    nomination(at, people["nominator"], "Rachel Stern", nominee_email="rachel@hotline.org")
    with pytest.raises(ServiceError, match="You nominated Rachel Stern already") as caught:
        nomination(at, people["nominator"], "Rachel Stern")
    assert caught.value.field == "nominee_name"
    with pytest.raises(ServiceError, match="already nominated"):
        nomination(at, people["other"], "R. Stern", nominee_email="Rachel@Hotline.org")
    nomination(at, people["other"], "Dana Levi")
    assert nominations.same_nominee(at, "Dana Levi").count() == 1


def test_the_api_asks_for_the_same_confirmation(people: dict[str, Any],
                                                client: Client) -> None:
    from tests.access.factories import api_token

    at = cycle(people["manager"])
    nomination(at, people["nominator"], "Rachel Stern")
    _t, token = api_token(people["other"])
    body = {"nominee_name": "Rachel Stern", "achievements": "Shelter."}
    refused = client.post(f"/api/v1/awards/cycles/{at.pk}/nominations", body,
                          content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 400
    assert "already nominated" in refused.json()["error"]["fields"]["nominee_name"][0]
    done = client.post(f"/api/v1/awards/cycles/{at.pk}/nominations",
                       {**body, "confirm_duplicate": True}, content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}")
    assert done.status_code == 201
