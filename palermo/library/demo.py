"""The demo library: 32 invented decisions (8 each in Hebrew, English, Arabic and Russian,
with an appeal in each language), 8 experts' opinions and the five investigators' guides.
Each record is generated from its own fixed seed, so a rerun makes nothing new and the same
text every time."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from palermo.access.models import User
from palermo.library import demo_texts, indexing, services
from palermo.library.models import ExpertOpinion, InvestigatorGuide, JudicialDecision
from palermo.vocab import registry

PER_LANGUAGE = 8
OPINIONS_PER_LANGUAGE = 2
FORMS = {"SexualExploitation": ("sex_industry", ["prostitution_of_others"]),
         "ForcedLabour": ("construction", ["forced_labour_or_services"]),
         "Servitude": ("domestic_work", ["servitude"]),
         "OrganRemoval": ("care_work", ["removal_of_organs"])}
SECTORS = {"SexualExploitation": ["sex_industry"], "ForcedLabour": ["agriculture", "construction"],
           "Servitude": ["domestic_work", "care_work"], "OrganRemoval": ["care_work"]}
INITIALS = {"he": "אבגדהזחטיכלמנסעפצקרשת", "en": "ABCDEFGHJKLMNPRSTV",
            "ar": "ابتثجحخدرزسشصطعفقكلمنهوي", "ru": "АБВГДЕЖЗИКЛМНОПРСТУФ"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _initials(rng: random.Random, language: str) -> str:
    letters = INITIALS[language]
    return f"{rng.choice(letters)}.{rng.choice(letters)}."


def _decision_fields(language: str, number: int) -> dict[str, Any]:
    # Demo text, not a secret: a seeded generator is what makes reruns identical.
    rng = random.Random(f"palermo-library-{language}-{number}")  # noqa: S311
    texts: dict[str, Any] = demo_texts.LANGUAGES[language]
    appeal = number == PER_LANGUAGE - 1
    if appeal:
        country, system, court = texts["supreme"]
        level = "supreme"
    else:
        country, system, pattern, cities = rng.choice(texts["jurisdictions"])
        court, level = pattern.format(city=rng.choice(cities)), "first_instance"
    form = rng.choice(list(FORMS))
    sector = rng.choice(SECTORS[form])
    year, month, day = rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28)
    defendant = rng.choice(texts["names"])
    acquitted = rng.random() < 0.2
    months = rng.choice([0, 18, 30, 48, 72, 96, 120, 144]) if not acquitted else rng.choice(
        [6, 12])
    fine, compensation = rng.choice([0, 5000, 20000, 50000]), rng.choice([0, 30000, 120000])
    initials = _initials(rng, language)
    values = {"court": court, "case": texts["case"].format(
                  number=rng.randint(1000, 99999), month=month, yy=year % 100, year=year),
              "defendant": defendant, "day": day, "month": month, "year": year,
              "month_name": MONTHS[month - 1], "start": year - rng.randint(1, 4),
              "victims": rng.randint(2, 40), "origin": rng.choice(texts["origins"]),
              "purpose": texts["purpose"][form], "sector": texts["sector"][sector],
              "initials": initials, "months": months, "fine": fine,
              "compensation": compensation,
              "verdict_text": texts["acquitted" if acquitted else "convicted"]}
    verdict = "convicted_lesser" if acquitted else ("appeal_dismissed" if appeal else "convicted")
    victims = values["victims"]
    return {
        "country": country, "court": court, "court_level": level, "legal_system": system,
        "case_number": values["case"], "decision_date": dt.date(year, month, day),
        "parties": f"{defendant}; {initials}", "language": language,
        "charges": [{"defendant": defendant, "charge": "Trafficking in persons",
                     "legislation": "", "verdict": verdict}],
        "sentences": [{"defendant": defendant, "prison_months": months, "fine": fine,
                       "compensation": compensation}],
        "victims_count": victims, "defendants_count": 1,
        "people_summary": {"victims": {"sex": rng.choice([["F"], ["M"], ["F", "M"]]),
                                       "age_group": rng.choice(["adult", "adult", "mixed"])},
                           "defendants": {"sex": ["M"], "age_group": "adult",
                                          "nationalities": [country]}},
        "acts": sorted(rng.sample(["recruitment", "transportation", "harbouring", "receipt"],
                                  2)),
        "means": sorted(rng.sample(["deception", "abuse_of_vulnerability", "threat_of_force",
                                    "fraud"], 2)),
        "purposes": FORMS[form][1], "exploitation_types": [form], "sector": sector,
        "transnational": rng.random() < 0.7, "organised_crime": rng.random() < 0.4,
        "full_text": texts["text"].format(**values),
        "source_file": f"demo/decision-{language}-{number:02d}.txt"}


def _opinion_fields(language: str, number: int) -> dict[str, Any]:
    rng = random.Random(f"palermo-library-opinion-{language}-{number}")  # noqa: S311
    texts: dict[str, Any] = demo_texts.LANGUAGES[language]
    purpose = texts["purpose"][rng.choice(list(FORMS))]
    subject = texts["subject"].format(purpose=purpose)
    author, expertise = rng.choice(demo_texts.EXPERTS)
    return {"author": author, "expertise": expertise, "subject": subject,
            "opinion_date": dt.date(rng.randint(2015, 2025), rng.randint(1, 12),
                                    rng.randint(1, 28)),
            "concerns": f"Bill {rng.randint(100, 999)}/{rng.randint(2015, 2025)}"
                        if number % 2 else "", "language": language,
            "full_text": texts["opinion"].format(subject=subject, purpose=purpose,
                                                 origin=rng.choice(texts["origins"])),
            "source_file": f"demo/opinion-{language}-{number:02d}.txt"}


def seed(say: Callable[[str], None]) -> None:
    author = User.objects.get(email="coordinator@demo.palermo.test")
    first: dict[str, JudicialDecision] = {}
    for language in demo_texts.LANGUAGES:
        for number in range(PER_LANGUAGE):
            fields = _decision_fields(language, number)
            record = JudicialDecision.objects.filter(source_file=fields["source_file"]).first()
            if record is None:
                if number == PER_LANGUAGE - 1:
                    fields["previous_decision"] = first[language]
                    # The appeal cites the judgment appealed from, as courts do.
                    fields["full_text"] += f"\n\n({first[language].case_number})"
                record = services.create_decision(actor=author, **fields)
            first.setdefault(language, record)
        for number in range(OPINIONS_PER_LANGUAGE):
            fields = _opinion_fields(language, number)
            if not ExpertOpinion.objects.filter(source_file=fields["source_file"]).exists():
                services.create_opinion(actor=author, **fields)
    for form, text in demo_texts.GUIDES.items():
        if not InvestigatorGuide.objects.filter(form=form).exists():
            services.create_guide(actor=author, form=form, language="en", full_text=text,
                                  title=registry.label("guide_forms", form, "en"))
    total = (JudicialDecision.objects.count() + ExpertOpinion.objects.count()
             + InvestigatorGuide.objects.count())
    if indexing.backend().count() != total:
        # The data directory's index was lost or is older than the database: rebuild it.
        indexing.reindex()
    say(f"Demo library: {JudicialDecision.objects.count()} decisions, "
        f"{ExpertOpinion.objects.count()} opinions, {InvestigatorGuide.objects.count()} guides")
