"""Awareness campaigns: audiences and channels from the vocabularies, dates, and reach
figures recorded per channel as they come in."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import codes, require, text
from palermo.training.models import Campaign, Reach

if TYPE_CHECKING:
    from palermo.access.models import User


def campaigns(user: User) -> QuerySet[Campaign]:
    require(user, "training.view")
    return Campaign.objects.annotate(total_reach=Sum("reach__figure"))


def create(*, actor: User, title: str, audiences: list[str], channels: list[str],
           starts_on: dt.date | None, ends_on: dt.date | None = None, description: str = "",
           request: HttpRequest | None = None) -> Campaign:
    require(actor, "training.manage")
    if starts_on is None:
        raise ServiceError(_("Give the first day."), field="starts_on")
    if ends_on is not None and ends_on < starts_on:
        raise ServiceError(_("The last day is before the first."), field="ends_on")
    with transaction.atomic():
        campaign = Campaign.objects.create(
            title=text(title, "title", required=True, limit=200),
            description=text(description, "description", limit=5000),
            audiences=codes(audiences, "awareness_audiences", "audiences", required=True),
            channels=codes(channels, "awareness_channels", "channels", required=True),
            starts_on=starts_on, ends_on=ends_on, created_by=actor)
        audit.record("campaign.create", actor=actor, request=request, object_type="campaign",
                     object_id=campaign.pk, detail={"title": campaign.title})
    return campaign


def add_reach(campaign: Campaign, *, actor: User, channel: str, figure: int | None,
              measured_on: dt.date | None, note: str = "",
              request: HttpRequest | None = None) -> Reach:
    require(actor, "training.manage")
    if channel not in campaign.channels:
        raise ServiceError(_("Choose one of the campaign's channels."), field="channel")
    if figure is None or figure < 0:
        raise ServiceError(_("Give the figure as a whole number, 0 or more."), field="figure")
    if measured_on is None:
        raise ServiceError(_("Give the day the figure was measured."), field="measured_on")
    if measured_on < campaign.starts_on:
        raise ServiceError(_("The day is before the campaign began."), field="measured_on")
    with transaction.atomic():
        reach = Reach.objects.create(campaign=campaign, channel=channel, figure=figure,
                                     measured_on=measured_on,
                                     note=text(note, "note", limit=200),
                                     recorded_by=actor)
        audit.record("campaign.reach", actor=actor, request=request, object_type="campaign",
                     object_id=campaign.pk, detail={"channel": channel, "figure": figure})
    return reach


def reach_by_channel(campaign: Campaign) -> list[tuple[str, int]]:
    totals = dict(campaign.reach.values_list("channel").annotate(total=Sum("figure"))
                  .values_list("channel", "total"))
    return [(code, totals.get(code, 0)) for code in campaign.channels]
