"""A published green notice for the holder of the ICAO specimen passport (see
screening/demo.py): a border officer who scans it sees the notice with the hit. The prison
service has registered a planned trip of hers, and the police have sent a diffusion. A
yellow notice for a missing girl has its extract on the public portal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from palermo.access.models import Agency, User
from palermo.notices.models import Diffusion, Notice, Trip
from palermo.notices.services import diffusions, notices, publicity, travel
from palermo.vocab import registry


def _user(local: str) -> User:
    return User.objects.get(email=f"{local}@demo.palermo.test")


def _public_yellow_notice() -> None:
    """A missing girl whose notice the police chose to show on the public portal."""
    author, reviewer = _user("investigator"), _user("coordinator")
    notice = notices.draft(
        actor=author, colour="yellow", subject_names=["Dana Levi (invented)"],
        family_name="Levi", birth_date=dt.date(2011, 4, 2), sex="F", nationalities=["ISR"],
        height_cm=152, hair_colour="brown, long", eye_colour="brown", languages=["he", "en"],
        identifying_marks="A small scar above the left eyebrow. (Demo record: invented.)",
        reasons="Missing from Haifa; believed taken abroad by an adult she met online.",
        requested_action="Report any sighting to Israel Police.")
    notice = notices.submit(notice, actor=author)
    checks = {term.code: True for term in registry.get("notice_review_checks")}
    notice = notices.review(notice, checks, actor=reviewer)
    publicity.set_public(notice, actor=author, public=True, photo=False)


def seed(say: Callable[[str], None]) -> None:
    if not Notice.objects.exists():
        author, reviewer = _user("investigator"), _user("coordinator")
        notice = notices.draft(
            actor=author, colour="green",
            subject_names=["ANNA MARIA ERIKSSON", "Anna-Maria Eriksson"],
            family_name="ERIKSSON", birth_date=dt.date(1974, 8, 12), sex="F",
            reasons="Convicted in 2019 of sexual offences against children; known to travel "
                    "to places where children are exploited.",
            legal_basis="Demo judgment 1234-05-18 (invented).",
            requested_action="Inform the issuing agency of the trip at once; do not detain "
                             "on this ground alone.")
        notice = notices.submit(notice, actor=author)
        checks = {term.code: True for term in registry.get("notice_review_checks")}
        notice = notices.review(notice, checks, actor=reviewer)
        travel.register_trip(notice, actor=_user("prison"), to_country="THA",
                             from_country="ISR", departs_on=dt.date(2026, 12, 20),
                             returns_on=dt.date(2027, 1, 10), carrier="LY 081",
                             note="Booked a week after release; declared a holiday.")
    if not Notice.objects.filter(colour="yellow").exists():
        _public_yellow_notice()
    if not Diffusion.objects.exists():
        diffusions.send(
            actor=_user("investigator"), colour="yellow", purpose="request",
            subject_names=["Dana Levi (invented)"], birth_date=dt.date(2011, 4, 2),
            body="A 15-year-old girl missing from Haifa since yesterday; believed to be taken "
                 "abroad by an adult she met online.",
            requested_action="Check departures and report any sighting to Israel Police.",
            agency_ids=[Agency.objects.get(name="Population and Immigration Authority").pk])
    say(f"Demo notices: {Notice.objects.count()}, trips: {Trip.objects.count()}, "
        f"diffusions: {Diffusion.objects.count()}")
