"""Demo training: two courses with past sessions attended by officers of the demo agencies
(with evaluations and certificates), one coming session, an awareness campaign with reach
figures, and a material in the library. The trainer of the demo runs them."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from django.utils import timezone

from palermo.access.models import Agency, User
from palermo.training.models import Campaign, Course, Registration
from palermo.training.services import (
    campaigns,
    certificates,
    courses,
    evaluations,
    materials,
    trainees,
)

# (name, email local part, profession, agency)
PEOPLE = [
    ("Eitan Barak", "eitan.barak", "police_officer", "Israel Police"),
    ("Yael Shapiro", "yael.shapiro", "police_officer", "Israel Police"),
    ("Omer Katz", "omer.katz", "immigration_officer", "Population and Immigration Authority"),
    ("Lea Friedman", "lea.friedman", "border_officer", "Population and Immigration Authority"),
    ("Maya Peretz", "maya.peretz", "social_worker", "Ministry of Welfare and Social Affairs"),
    ("Dr. Samir Haddad", "samir.haddad", "medical_professional", "Ministry of Health"),
    ("Adv. Noga Levin", "noga.levin", "prosecutor", "State Attorney's Office"),
    ("Ruth Ben-David", "ruth.bendavid", "ngo_worker", "Shelter for Survivors (NGO)"),
]


def _agency(name: str) -> int:
    return Agency.objects.get(name=name).pk


def _run(trainer: User, course: Course, day: dt.date, place: str,
         people: list[tuple[str, str, str, str]], present: int) -> None:
    session = courses.create_session(course, actor=trainer, starts_on=day, ends_on=day,
                                     place=place, capacity=25, trainers="Tamar Trainer")
    for index, (name, local, job, agency) in enumerate(people):
        registration = trainees.register(session, actor=trainer, full_name=name,
                                         email=f"{local}@demo.palermo.test", profession=job,
                                         agency_id=_agency(agency))
        if day <= timezone.localdate():
            trainees.mark_attendance(registration, index < present, actor=trainer)
            if index < present:
                certificates.issue(registration, actor=trainer)
    if day <= timezone.localdate():
        for marks in ((5, 4, 4, 5), (4, 4, 3, 5), (5, 5, 4, 4)):
            evaluations.record(session, dict(zip(("relevance", "identify", "refer", "trainer"),
                                                 marks, strict=True)), actor=trainer)


def seed(say: Callable[[str], None]) -> None:
    trainer = User.objects.get(email="trainer@demo.palermo.test")
    if not Course.objects.exists():
        frontline = courses.create_course(
            actor=trainer, title="Identifying victims of trafficking: the frontline",
            professions=["police_officer", "immigration_officer", "border_officer",
                         "labour_inspector"], refresher_months=24,
            description="Indicators, first contact, referral to the national mechanism.")
        care = courses.create_course(
            actor=trainer, title="Trauma-informed care and the referral mechanism",
            professions=["social_worker", "medical_professional", "ngo_worker",
                         "prosecutor", "judge"], refresher_months=36)
        _run(trainer, frontline, dt.date(2024, 5, 14), "Police Academy, Beit Shemesh",
             PEOPLE[:4], present=4)
        _run(trainer, care, dt.date(2025, 2, 3), "Ministry of Welfare, Jerusalem",
             PEOPLE[4:], present=3)
        _run(trainer, frontline, dt.date(2027, 3, 9), "Ben Gurion Airport, Terminal 3",
             PEOPLE[2:4], present=0)
        materials.add(actor=trainer, title="Indicators pocket card", course=frontline,
                      upload=("indicators-card.txt", io.BytesIO(
                          b"Signs: no documents, debt to employer, not free to leave, "
                          b"scripted answers.\n")))
    if not Campaign.objects.exists():
        campaign = campaigns.create(
            actor=trainer, title="Know your rights at work",
            audiences=["migrant_workers", "employers"], channels=["radio", "print", "hotline"],
            starts_on=dt.date(2025, 6, 1), ends_on=dt.date(2025, 8, 31),
            description="Radio spots in Thai, Tigrinya and Russian; posters at border "
                        "crossings and manpower agencies.")
        campaigns.add_reach(campaign, actor=trainer, channel="radio", figure=120_000,
                            measured_on=dt.date(2025, 9, 5), note="Broadcaster's estimate")
        campaigns.add_reach(campaign, actor=trainer, channel="print", figure=8_000,
                            measured_on=dt.date(2025, 9, 5), note="Copies distributed")
        campaigns.add_reach(campaign, actor=trainer, channel="hotline", figure=340,
                            measured_on=dt.date(2025, 9, 5), note="Calls during the campaign")
    say(f"Demo training: {Course.objects.count()} courses, "
        f"{Registration.objects.filter(attended=True).count()} attendances, "
        f"{Campaign.objects.count()} campaign")
