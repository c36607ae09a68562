"""A published green notice for the holder of the ICAO specimen passport (see
screening/demo.py): a border officer who scans it sees the notice with the hit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from palermo.access.models import User
from palermo.notices import services
from palermo.notices.models import Notice
from palermo.vocab import registry


def seed(say: Callable[[str], None]) -> None:
    if not Notice.objects.exists():
        author = User.objects.get(email="investigator@demo.palermo.test")
        reviewer = User.objects.get(email="coordinator@demo.palermo.test")
        notice = services.draft(
            actor=author, colour="green",
            subject_names=["ANNA MARIA ERIKSSON", "Anna-Maria Eriksson"],
            birth_date=dt.date(1974, 8, 12), sex="F",
            reasons="Convicted in 2019 of sexual offences against children; known to travel "
                    "to places where children are exploited.",
            legal_basis="Demo judgment 1234-05-18 (invented).",
            requested_action="Inform the issuing agency of the trip at once; do not detain "
                             "on this ground alone.")
        notice = services.submit(notice, actor=author)
        checks = {term.code: True for term in registry.get("notice_review_checks")}
        services.review(notice, checks, actor=reviewer)
    say(f"Demo notices: {Notice.objects.count()}")
