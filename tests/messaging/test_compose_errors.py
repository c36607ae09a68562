"""Writing a message with mistakes in it (issue 18, item 4): every fault at once, each next to
its field, the writer's input kept; the limits said before they type; and a confirmation that
says what was sent to whom and what comes next."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from palermo.access.services.errors import ServiceError
from palermo.messaging import services
from palermo.messaging.models import Thread
from tests.conftest import sign_in
from tests.messaging.factories import person, send

pytestmark = pytest.mark.django_db


def _field(html: str, name: str) -> str:
    """The part of the page that shows one field: its label, input, help and errors."""
    for part in html.split('<div class="field')[1:]:
        if f'for="id_{name}"' in part.split("</label>")[0]:
            return part
    raise AssertionError(f"no field {name} on the page")


def _recipients(html: str) -> str:
    start = html.index('data-testid="recipients"')
    return html[start:html.index("</fieldset>", start)]


def test_an_empty_message_shows_every_fault_at_once_next_to_its_field() -> None:
    writer = sign_in(Client(), person("police"))
    response = writer.post("/messaging/new/", {
        "subject": "", "body": "", "handling_code": "H0", "reliability": "X",
        "accuracy": "4"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Give the message a subject." in _field(html, "subject")
    assert "Write the message." in _field(html, "body")
    assert "Choose at least one recipient." in _recipients(html)
    assert not Thread.objects.exists()


def test_the_writers_input_is_kept_after_a_refusal() -> None:
    police, welfare = person("police"), person("welfare")
    writer = sign_in(Client(), police)
    html = writer.post("/messaging/new/", {
        "agencies": [welfare.agency.pk], "subject": "Shelter place tonight", "body": "",
        "handling_code": "H3", "restriction": "", "reliability": "B", "accuracy": "2",
        "link_type": "case", "link_ref": ""}).content.decode()
    assert 'value="Shelter place tonight"' in _field(html, "subject")
    assert "needs the restriction stated" in _field(html, "restriction")
    assert "Write the message." in _field(html, "body")
    assert "Give the reference of the case." in _field(html, "link_ref")
    box = html.split(f'name="agencies" value="{welfare.agency.pk}"')[1].split(">")[0]
    assert "checked" in box  # the agency stays ticked


def test_the_service_names_every_field_at_fault() -> None:
    police, welfare = person("police"), person("welfare")
    with pytest.raises(ServiceError) as caught:
        send(police, to_agencies=(welfare.agency,), subject="", body="",
             ack_due=dt.date(2000, 1, 1))
    fields = [e.field for e in caught.value.errors]  # type: ignore[attr-defined]
    assert fields == ["subject", "body", "ack_due"]


def test_an_unknown_code_is_named_by_the_fields_label() -> None:
    police, welfare = person("police"), person("welfare")
    with pytest.raises(ServiceError) as caught:
        send(police, to_agencies=(welfare.agency,), reliability="Z")
    assert caught.value.message == "Choose the source reliability from the list."


def test_the_api_lists_every_field_at_fault(client: Client) -> None:
    from tests.access.factories import api_token
    from tests.messaging.test_api import with_api

    writer = with_api(person("police"))
    _t, token = api_token(writer)
    refused = client.post("/api/v1/messaging/threads", {
        "subject": "", "body": "", "recipients": {}}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 400
    assert set(refused.json()["error"]["fields"]) == {"subject", "body", "recipients"}


def test_the_limits_are_stated_before_the_writer_types() -> None:
    html = sign_in(Client(), person("police")).get("/messaging/new/").content.decode()
    assert "At most 200 characters." in _field(html, "subject")
    assert 'maxlength="200"' in _field(html, "subject")
    assert "At most 100,000 characters." in _field(html, "body")
    assert "One file, at most 20 MB." in _field(html, "attachment")
    today = timezone.localdate().isoformat()
    assert f'min="{today}"' in _field(html, "ack_due")


def test_the_confirmation_says_what_was_sent_to_whom_and_what_comes_next() -> None:
    police, welfare = person("police"), person("welfare", "Welfare Ministry")
    writer = sign_in(Client(), police)
    due = (timezone.localdate() + dt.timedelta(days=3))
    response = writer.post("/messaging/new/", {
        "agencies": [welfare.agency.pk], "subject": "Shelter place tonight",
        "body": "A woman needs a bed.", "handling_code": "H0", "reliability": "B",
        "accuracy": "2", "ack_due": due.isoformat()}, follow=True)
    html = response.content.decode()
    assert "“Shelter place tonight” was sent to Welfare Ministry." in html
    assert "This page shows when they read it and acknowledge it" in html


def test_an_empty_answer_shows_its_faults_and_keeps_the_text() -> None:
    police, welfare = person("police"), person("welfare")
    message = send(police, to_agencies=(welfare.agency,))
    reader = sign_in(Client(), welfare)
    html = reader.post(f"/messaging/{message.thread_id}/reply/", {
        "body": "", "handling_code": "H3", "restriction": "", "reliability": "X",
        "accuracy": "4"}).content.decode()
    assert "Write the message." in _field(html, "body")
    assert "needs the restriction stated" in _field(html, "restriction")


def test_what_a_thread_is_about_is_named_in_words_not_codes() -> None:
    police, welfare = person("police"), person("welfare")
    message = services.start(actor=police, subject="About the referral",
                             content=services.Content(body="Any news?"),
                             recipients=services.Recipients(agencies=[welfare.agency.pk]),
                             link_type="referral", link_ref="R-17")
    reader = sign_in(Client(), welfare)
    page = reader.get(f"/messaging/{message.thread_id}/").content.decode()
    about = page[page.index('data-testid="thread-about"'):]
    assert about.startswith('data-testid="thread-about">Referral <bdi>R-17</bdi>')
    assert ">referral R-17<" not in reader.get("/messaging/").content.decode()
