"""Demo award: last year's cycle decided, with its laureate in the archive, programme and
invitations; this year's call open with two nominations from partners. The coordinator
chairs the jury."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from django.utils import timezone

from palermo.access.models import User
from palermo.awards.models import Cycle, Laureate, Nomination
from palermo.awards.services import ceremony, cycles, jury, nominations
from palermo.vocab import registry


def _user(local: str) -> User:
    return User.objects.get(email=f"{local}@demo.palermo.test")


def _past(year: int) -> None:
    chair = office = _user("coordinator")
    cycle = cycles.create(actor=office, year=year,
                          title="Presidential award for combating trafficking in persons",
                          closes_on=timezone.localdate() + dt.timedelta(days=1))
    cycles.appoint(cycle, chair, actor=office, chair=True)
    won = nominations.submit(
        cycle, actor=_user("ngo"), nominee_name="Hotline for Refugees and Migrants (demo)",
        nominee_organisation="Hotline for Refugees and Migrants",
        achievements="Identified and accompanied 60 victims of labour trafficking in "
                     "agriculture; brought the first case of forced labour to court.",
        attachments=[("support-letter.txt", io.BytesIO(b"Letter of support (demo)."))])
    other = nominations.submit(
        cycle, actor=_user("investigator"), nominee_name="Cmdr. Avi Shalom (invented)",
        nominee_organisation="Israel Police",
        achievements="Led the investigation that dismantled a trafficking network.")
    cycles.close_call(cycle, actor=office)
    checks = {t.code: True for t in registry.get("award_eligibility")}
    for nomination, marks in ((won, 9), (other, 7)):
        nominations.check_eligibility(nomination, checks, actor=office)
        jury.score(nomination, {t.code: marks for t in jury.criteria()}, actor=chair)
    jury.add_note(cycle, actor=chair, text="Both strong; the Hotline's work changed practice.")
    jury.name_laureate(won, actor=chair, citation="For years of accompanying victims of "
                                                  "labour trafficking and bringing their "
                                                  "cases to court.")
    cycles.decide(cycle, actor=chair)
    # The cycle is seeded today; its dates are set to last year's afterwards, as they were.
    Cycle.objects.filter(pk=cycle.pk).update(
        closes_on=dt.date(year, 9, 30), ceremony_on=dt.date(year, 12, 2),
        ceremony_place="The President's Residence, Jerusalem")
    ceremony.add_item(cycle, actor=office, starts_at=dt.time(18, 0),
                      title="Opening remarks", speaker="The President")
    ceremony.add_item(cycle, actor=office, starts_at=dt.time(18, 30),
                      title="Presentation of the award", speaker="National Coordinator")
    guest = ceremony.invite(cycle, actor=office, name="Ambassador of a partner country (demo)",
                            organisation="Embassy")
    ceremony.answer(guest, "accepted", actor=office)


def _open(year: int) -> None:
    office = _user("coordinator")
    cycle = cycles.create(
        actor=office, year=year, title="Presidential award for combating trafficking in persons",
        call_text="Nominate a person or organisation whose work in the past three years "
                  "changed how victims are found, protected or heard.",
        closes_on=timezone.localdate() + dt.timedelta(days=60))
    cycles.appoint(cycle, office, actor=office, chair=True)
    nominations.submit(cycle, actor=_user("social"), nominee_name="Maya Peretz (invented)",
                       nominee_organisation="Ministry of Welfare",
                       achievements="Built the shelter's trauma-informed intake.")


def seed(say: Callable[[str], None]) -> None:
    year = timezone.localdate().year
    if not Cycle.objects.exists():
        _past(year - 1)
        _open(year)
    say(f"Demo awards: {Cycle.objects.count()} cycles, "
        f"{Nomination.objects.count()} nominations, {Laureate.objects.count()} laureate")
