"""Awareness campaigns with reach per channel, and the materials library with files checked
by their content."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from palermo.access.services.errors import ServiceError
from palermo.training.models import Material
from palermo.training.services import campaigns, materials
from tests.conftest import sign_in
from tests.library.factories import guide

pytestmark = pytest.mark.django_db


def _campaign(trainer: Any, **fields: Any) -> Any:
    values = {"title": "Know your rights", "audiences": ["migrant_workers"],
              "channels": ["radio", "print"], "starts_on": dt.date(2026, 3, 1), **fields}
    return campaigns.create(actor=trainer, **values)


def test_campaign_reach_by_channel(people: dict[str, Any]) -> None:
    trainer = people["trainer"]
    with pytest.raises(ServiceError) as caught:
        _campaign(trainer, channels=["pigeons"])
    assert caught.value.field == "channels"
    with pytest.raises(ServiceError) as caught:
        _campaign(trainer, ends_on=dt.date(2026, 1, 1))
    assert caught.value.field == "ends_on"
    campaign = _campaign(trainer)
    with pytest.raises(ServiceError) as caught:
        campaigns.add_reach(campaign, actor=trainer, channel="television", figure=10,
                            measured_on=dt.date(2026, 3, 5))
    assert caught.value.field == "channel"
    with pytest.raises(ServiceError) as caught:
        campaigns.add_reach(campaign, actor=trainer, channel="radio", figure=10,
                            measured_on=dt.date(2026, 2, 5))
    assert caught.value.field == "measured_on"
    campaigns.add_reach(campaign, actor=trainer, channel="radio", figure=1000,
                        measured_on=dt.date(2026, 3, 5))
    campaigns.add_reach(campaign, actor=trainer, channel="radio", figure=500,
                        measured_on=dt.date(2026, 3, 9))
    assert campaigns.reach_by_channel(campaign) == [("radio", 1500), ("print", 0)]
    client = sign_in(Client(), trainer)
    response = client.post(f"/training/campaigns/{campaign.pk}/reach/", {
        "channel": "print", "figure": "-3", "measured_on": "2026-03-10"})
    assert response.status_code == 400 and "figure" in response.content.decode()
    page = client.get("/training/campaigns/").content.decode()
    assert "Know your rights" in page and "1500" in page


def test_materials_are_checked_by_content(people: dict[str, Any], user_with: Any) -> None:
    trainer = people["trainer"]
    with pytest.raises(ServiceError) as caught:
        materials.add(actor=trainer, title="Slides",
                      upload=("slides.pdf", io.BytesIO(b"MZ\x90\x00 not a pdf")))
    assert caught.value.field == "file"
    with pytest.raises(ServiceError) as caught:
        materials.add(actor=trainer, title="Nothing")
    assert caught.value.field == "file"
    with pytest.raises(ServiceError) as caught:
        materials.add(actor=trainer, title="Guide", library_guide_id=999999)
    assert caught.value.field == "library_guide_id"
    linked = materials.add(actor=trainer, title="Guide",
                           library_guide_id=guide(user_with("coordinator")).pk)
    assert linked.library_guide_id
    client = sign_in(Client(), trainer)
    response = client.post("/training/materials/new/", {
        "title": "Indicators card",
        "file": SimpleUploadedFile("card.pdf", b"%PDF-1.4 card", "application/pdf")})
    assert response.status_code == 302, response.content.decode()[:2000]
    material = Material.objects.get(title="Indicators card")
    download = client.get(f"/training/materials/{material.pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 card"  # type: ignore[attr-defined]
    response = client.post("/training/materials/new/", {
        "title": "Fake", "file": SimpleUploadedFile("fake.docx", b"plain text")})
    assert "not what its name says" in response.content.decode()
