"""The suppression log written with every disclosed table: worded by the disclosure engine
in English, and recorded in the language of the page that disclosed the tables."""

from __future__ import annotations

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from tests.conftest import sign_in
from tests.insights.factories import office, victims

pytestmark = pytest.mark.django_db


def logged_by(client: Client, **headers: str) -> list[str]:
    """The suppression log lines written while the dashboard was shown."""
    since = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    assert client.get("/insights/", **headers).status_code == 200
    events = AuditEvent.objects.filter(action="insights.disclose", seq__gt=since)
    return [line for event in events for lines in event.detail["suppressed"].values()
            for line in lines]


def test_the_log_is_in_the_language_of_the_page() -> None:
    people = office()
    victims(people, 7, sex="F", forms=["SexualExploitation"])
    victims(people, 2, sex="M", born="2012-01-01", forms=["ForcedBegging"])
    client = sign_in(Client(), people.coordinator)
    english = logged_by(client)
    assert any(line.endswith(": primary suppression (count under the threshold)")
               for line in english)
    client.cookies["django_language"] = "he"
    hebrew = logged_by(client, HTTP_ACCEPT_LANGUAGE="he")
    assert any(line.endswith(": השמטה ראשונית (ספירה מתחת לסף)") for line in hebrew)
    assert any(line.startswith("תא („") for line in hebrew)
    assert not any("suppression" in line or "cell" in line for line in hebrew)
