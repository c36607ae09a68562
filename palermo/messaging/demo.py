"""Two demo threads: the police ask welfare for a shelter place under H2, with an
acknowledgement requested; an NGO writes to the coordinator, who answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from palermo.access.models import Agency, User
from palermo.messaging import services
from palermo.messaging.models import Thread
from palermo.messaging.services import Content, Recipients

DOMAIN = "demo.palermo.test"


def seed(say: Callable[[str], None]) -> None:
    investigator = User.objects.get(email=f"investigator@{DOMAIN}")
    if not Thread.objects.filter(created_by=investigator).exists():
        welfare = Agency.objects.get(name="Ministry of Welfare and Social Affairs")
        services.start(
            actor=investigator, subject="Shelter place for a presumed victim",
            content=Content(
                body="We identified a presumed victim of labour exploitation during a raid "
                     "on a farm in the south (invented demo case). She needs a shelter place "
                     "tonight. Please confirm a place and a contact person.",
                handling_code="H2", reliability="B", accuracy="2",
                ack_due=timezone.localdate() + dt.timedelta(days=2)),
            recipients=Recipients(agencies=[welfare.pk]), link_type="case",
            link_ref="DEMO-2026-0001")
    ngo = User.objects.get(email=f"ngo@{DOMAIN}")
    if not Thread.objects.filter(created_by=ngo).exists():
        coordinator = User.objects.get(email=f"coordinator@{DOMAIN}")
        first = services.start(
            actor=ngo, subject="Training for shelter staff",
            content=Content(body="Could the coordinator's office run the indicators course "
                                 "for our new shelter staff next month?"),
            recipients=Recipients(agencies=[coordinator.agency_id]))
        services.reply(first.thread, actor=coordinator, content=Content(
            body="Yes: we will propose two dates next week."))
    threads = Thread.objects.filter(created_by__email__endswith=DOMAIN).count()
    say(f"Demo message threads: {threads}")
