"""A diffusion goes at once to the chosen recipients, is reviewed afterwards (and recalled
when it fails), and each recipient acknowledges."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.notices.models import Diffusion
from palermo.notices.services import diffusions
from tests.access.factories import AgencyFactory
from tests.conftest import sign_in
from tests.notices.factories import ALL_PASS

pytestmark = pytest.mark.django_db


def _send(sender: Any, **fields: Any) -> Diffusion:
    values = {"colour": "yellow", "purpose": "request", "subject_names": ["Dana Levi"],
              "body": "Missing girl, 15, believed taken to Cyprus by car ferry.",
              "requested_action": "Report any sighting at once.", **fields}
    return diffusions.send(actor=sender, **values)


def test_sent_to_a_country_reaches_every_agency_there_that_receives_notices(
        people: dict[str, Any], user_with: Any) -> None:
    diffusion = _send(people["author"], countries=["CYP"])
    names = {r.agency.name for r in diffusion.recipients.select_related("agency")}
    assert names == {"Border", "Cyprus Police"}
    event = AuditEvent.objects.get(action="diffusion.send")
    assert len(event.detail["recipients"]) == 2
    assert diffusions.visible(people["destination"]).filter(pk=diffusion.pk).exists()
    outsider = user_with("investigator", agency=AgencyFactory(name="Tax office", country="CYP",
                                                              kind="other"))
    # Created after the sending: the outsider neither received nor may read it.
    assert not diffusions.visible(outsider).filter(pk=diffusion.pk).exists()


def test_bad_diffusions_are_refused(people: dict[str, Any]) -> None:
    with pytest.raises(ServiceError) as caught:
        _send(people["author"])
    assert caught.value.field == "agencies"
    with pytest.raises(ServiceError) as caught:
        _send(people["author"], countries=["ZZZ"])
    assert caught.value.field == "countries"
    with pytest.raises(ServiceError) as caught:
        _send(people["author"], body=" ", countries=["CYP"])
    assert caught.value.field == "body"
    with pytest.raises(NotAllowed):
        _send(people["border"], countries=["ISR"])
    assert not Diffusion.objects.exists()


def test_review_after_sending_recalls_a_failing_diffusion(people: dict[str, Any]) -> None:
    diffusion = _send(people["author"], kinds=["border"])
    with pytest.raises(NotAllowed, match="other than its sender"):
        diffusions.review(diffusion, ALL_PASS, actor=people["author"])
    failing = {**ALL_PASS, "neutral": False}
    with pytest.raises(ServiceError, match="why"):
        diffusions.review(diffusion, failing, actor=people["reviewer"])
    diffusion = diffusions.review(diffusion, failing, actor=people["reviewer"],
                                  notes="Religious grounds given as the reason.")
    assert diffusion.state == Diffusion.State.RECALLED
    page = sign_in(Client(), people["border"]).get(
        f"/notices/diffusions/{diffusion.pk}/").content.decode()
    assert "Recalled after review" in page and "Religious grounds" in page


def test_recipients_acknowledge_on_the_page(people: dict[str, Any]) -> None:
    author = sign_in(Client(), people["author"])
    response = author.post("/notices/diffusions/new/", {
        "colour": "yellow", "purpose": "request", "subject_names": "Dana Levi",
        "body": "Missing girl, 15.", "agency_ids": [people["destination"].agency_id]})
    assert response.status_code == 302, response.content.decode()[:2000]
    diffusion = Diffusion.objects.get()
    client = sign_in(Client(), people["destination"])
    assert "Dana Levi" in client.get("/notices/diffusions/").content.decode()
    client.post(f"/notices/diffusions/{diffusion.pk}/step/", {
        "step": "acknowledge", "response": "Ports alerted."})
    recipient = diffusion.recipients.get()
    assert recipient.acknowledged_by == people["destination"]
    assert recipient.response == "Ports alerted."
    with pytest.raises(ServiceError, match="already"):
        diffusions.acknowledge(diffusion, actor=people["destination"])
    with pytest.raises(NotAllowed):
        diffusions.acknowledge(diffusion, actor=people["border"])


def test_a_country_where_no_agency_receives_notices_is_refused_by_name(
        people: dict[str, Any]) -> None:
    """Issue 18: sent to Cyprus Police and to Greece, where nobody receives notices, it read
    'Diffusion sent to 1 agencies' and reached nobody in Greece."""
    author = sign_in(Client(), people["author"])
    form = {"colour": "yellow", "purpose": "request", "subject_names": "Dana Levi",
            "body": "Missing girl, 15.", "agency_ids": [people["destination"].agency_id],
            "countries": ["GRC"]}
    refused = author.post("/notices/diffusions/new/", form)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "No agency in Greece receives notices here" in page
    assert "Missing girl, 15." in page  # what was typed is kept
    assert not Diffusion.objects.exists()
    with pytest.raises(ServiceError) as caught:
        _send(people["author"], kinds=["prison"])
    assert caught.value.field == "kinds"
    assert "No agency of the kind" in caught.value.message


def test_the_confirmation_names_who_received_it(people: dict[str, Any]) -> None:
    author = sign_in(Client(), people["author"])
    sent = author.post("/notices/diffusions/new/", {
        "colour": "yellow", "purpose": "request", "subject_names": "Dana Levi",
        "body": "Missing girl, 15.", "agency_ids": [people["destination"].agency_id]},
        follow=True)
    page = sent.content.decode()
    assert "Diffusion sent to 1 agency: Cyprus Police (Cyprus)." in page
    assert "agencies" not in page.split("Diffusion sent to")[1].split(".")[0]
    assert "acknowledge" in page.split("Diffusion sent to")[1]
    both = author.post("/notices/diffusions/new/", {
        "colour": "yellow", "purpose": "request", "subject_names": "Dana Levi",
        "body": "Missing girl, 15.", "countries": ["CYP"]}, follow=True)
    assert "Diffusion sent to 2 agencies: Border (Cyprus), Cyprus Police (Cyprus)." in \
        both.content.decode()
