"""A dozen synthetic cases across forms of exploitation and agencies for `palermo demo`.

Everyone here is invented. The cases go through the same services as real ones; afterwards a
few dates are moved into the past so the overview shows overdue and stale work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from palermo.access.models import User
from palermo.cases.models import Case, Referral, Task
from palermo.cases.services import assessment, cases, persons, referrals, tasks
from palermo.cases.services.persons import NewPerson

DOMAIN = "demo.palermo.test"

# title, sensitivity, classification, countries, victims, suspects, status
CASES: list[dict[str, Any]] = [
    {"title": "Agricultural workers held in the Arava", "exploitation": ["ForcedLabour"],
     "acts": ["recruitment", "harbouring"], "means": ["deception", "abuse_of_vulnerability"],
     "purposes": ["forced_labour_or_services"], "origin": ["THA"],
     "victims": [("Somchai Boonmee", "1991-03-02", "M", "THA"),
                 ("Niran Chaiyaporn", "1988-11-20", "M", "THA")],
     "suspects": [("Yaakov Ben-David", "1970-06-14", "M", "ISR")], "status": "under_investigation"},
    {"title": "Women brought through Sinai for prostitution",
     "exploitation": ["SexualExploitation"],
     "acts": ["transportation", "receipt"], "means": ["threat_of_force", "deception"],
     "purposes": ["prostitution_of_others"], "origin": ["UKR", "MDA"], "transit": ["EGY"],
     "victims": [("Olena Kovalenko", "1997-01-09", "F", "UKR"),
                 ("Ана Русу", "2008-05-30", "F", "MDA")],
     "suspects": [("Dmitri Volkov", "1979-02-11", "M", "RUS")], "status": "prosecution",
     "sensitivity": "restricted"},
    {"title": "Domestic worker with passport withheld", "exploitation": ["Servitude"],
     "acts": ["harbouring"], "means": ["abuse_of_vulnerability"],
     "purposes": ["servitude"], "origin": ["PHL"],
     "victims": [("Maria Santos", "1985-07-21", "F", "PHL")],
     "suspects": [("רונית לוי", "1962-09-03", "F", "ISR")], "status": "reported"},
    {"title": "Kidney sold abroad after false job offer", "exploitation": ["OrganRemoval"],
     "acts": ["recruitment", "transportation"], "means": ["fraud"],
     "purposes": ["removal_of_organs"], "destination": ["TUR"],
     "victims": [("אבי כהן", "1980-12-01", "M", "ISR")],
     "suspects": [("Mehmet Demir", "1966-04-17", "M", "TUR")], "status": "trial",
     "sensitivity": "highly_restricted"},
    {"title": "Children begging at junctions", "exploitation": ["ForcedBegging"],
     "acts": ["harbouring", "transfer"], "means": [], "purposes": ["forced_labour_or_services"],
     "origin": ["ROU"],
     "victims": [("Ionuț Popescu", "2014-08-08", "M", "ROU"),
                 ("Elena Popescu", "2016-02-19", "F", "ROU")],
     "suspects": [("Florin Dumitru", "1983-10-10", "M", "ROU")],
     "status": "under_investigation"},
    {"title": "Construction site debt bondage", "exploitation": ["ForcedLabour"],
     "acts": ["recruitment"], "means": ["abuse_of_vulnerability"],
     "purposes": ["forced_labour_or_services"], "origin": ["CHN"],
     "victims": [("Wang Wei", "1990-04-04", "M", "CHN")], "suspects": [], "status": "reported",
     "no_lead": True},
    {"title": "Online recruitment of minors for sexual exploitation",
     "exploitation": ["SexualExploitation"], "acts": ["recruitment"], "means": [],
     "purposes": ["other_sexual_exploitation"], "origin": ["ISR"],
     "victims": [("נועה מזרחי", "2009-03-15", "F", "ISR")],
     "suspects": [("Eli Shapiro", "1995-07-07", "M", "ISR")], "status": "under_investigation"},
    {"title": "Caregiver forced to work without pay", "exploitation": ["ForcedLabour"],
     "acts": ["receipt"], "means": ["deception"], "purposes": ["forced_labour_or_services"],
     "origin": ["LKA"], "victims": [("Dilani Perera", "1979-09-09", "F", "LKA")],
     "suspects": [], "status": "closed", "stale": True},
    {"title": "Forced marriage of an asylum seeker", "exploitation": ["ForcedMarriage"],
     "acts": ["transfer"], "means": ["other_coercion"],
     "purposes": ["slavery_or_similar_practices"], "origin": ["ERI"],
     "victims": [("Selam Tesfaye", "2000-01-25", "F", "ERI")],
     "suspects": [("Yonas Haile", "1981-05-05", "M", "ERI")], "status": "reported",
     "stale": True},
    {"title": "Fishing crew held at sea", "exploitation": ["ForcedLabour"],
     "acts": ["transportation", "harbouring"], "means": ["use_of_force"],
     "purposes": ["forced_labour_or_services"], "origin": ["IDN"], "destination": ["ISR"],
     "victims": [("Budi Santoso", "1993-06-30", "M", "IDN")],
     "suspects": [("Ahmad Nasser", "1975-03-03", "M", "JOR")], "status": "prosecution"},
    {"title": "Massage parlour network in Tel Aviv", "exploitation": ["SexualExploitation"],
     "acts": ["receipt", "harbouring"], "means": ["abuse_of_power"],
     "purposes": ["prostitution_of_others"], "origin": ["UZB"],
     "victims": [("Dilnoza Karimova", "1996-12-12", "F", "UZB")],
     "suspects": [("Arkadi Gold", "1968-08-08", "M", "ISR")], "status": "under_investigation"},
    {"title": "Surrogacy arrangement under coercion", "exploitation": ["Surrogacy"],
     "acts": ["recruitment"], "means": ["payments_to_controller"],
     "purposes": ["other_sexual_exploitation"], "origin": ["GEO"],
     "victims": [("Nino Beridze", "1994-10-02", "F", "GEO")], "suspects": [],
     "status": "reported"},
]


def _user(local: str) -> User:
    return User.objects.get(email=f"{local}@{DOMAIN}")


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _open(spec: dict[str, Any], investigator: User, social: User, welfare: Any) -> Case:
    case = cases.open_case(
        actor=investigator, title=spec["title"], sensitivity=spec.get("sensitivity", "normal"),
        summary="Synthetic demo case. Every person and detail is invented.",
        classification={"palermo_acts": spec["acts"], "palermo_means": spec["means"],
                        "palermo_purposes": spec["purposes"],
                        "exploitation_types": spec["exploitation"]},
        countries={role: spec.get(role, []) for role in ("origin", "transit", "destination")},
    )
    victims = []
    for name, born, sex, nationality in spec["victims"]:
        victims.append(persons.add_to_case(
            case, NewPerson([name], _date(born), sex=sex, nationalities=[nationality]),
            "victim", actor=investigator,
            exploitation_started_on=timezone.localdate() - dt.timedelta(days=200)))
    for name, born, sex, nationality in spec["suspects"]:
        persons.add_to_case(case, NewPerson([name], _date(born), sex=sex,
                                            nationalities=[nationality]),
                            "suspect", actor=investigator)
    if victims and "ForcedLabour" in spec["exploitation"]:
        assessment.assess(victims[0], ["fl_deception_nature_of_work",
                                       "fl_retention_of_documents"], actor=investigator)
    if victims:
        referral = referrals.send(victims[0], welfare, "shelter", actor=investigator,
                                  consent="given",
                                  due_on=timezone.localdate() + dt.timedelta(days=7))
        if spec["status"] != "reported":
            referrals.accept(referral, actor=social, version=referral.version)
    tasks.create(case, "Interview the victim with an interpreter", actor=investigator,
                 agency=investigator.agency, assignee=investigator,
                 due_on=timezone.localdate() + dt.timedelta(days=3), priority="high")
    return case


def _advance(case: Case, target: str, investigator: User) -> None:
    path = ["reported", "under_investigation", "prosecution", "trial"]
    for status in path[1:path.index(target) + 1] if target in path else path[1:2]:
        case = cases.change_status(case, status, actor=investigator, version=case.version)
    if target == "closed":
        cases.change_status(case, "closed", actor=investigator, version=case.version,
                            reason="convicted", note="Demo: sentenced.")


def seed(say: Callable[[str], None]) -> None:
    if Case.objects.filter(title=CASES[0]["title"]).exists():
        say(f"Demo cases: {Case.objects.count()}")
        return
    investigator, social = _user("investigator"), _user("social")
    welfare = social.agency
    for spec in CASES:
        case = _open(spec, investigator, social, welfare)
        if spec["status"] != "reported":
            _advance(case, spec["status"], investigator)
        case.refresh_from_db()
        if spec.get("no_lead"):
            participant = case.participants.get()
            Case.objects.filter(pk=case.pk).update(lead_agency=None)
            participant.role = "investigation"
            participant.save(update_fields=["role"])
        if spec.get("stale"):
            Case.objects.filter(pk=case.pk).update(
                last_activity_at=timezone.now() - dt.timedelta(days=45))
    # Some work is late: the overview shows it.
    past = timezone.localdate() - dt.timedelta(days=5)
    Task.objects.filter(case__title__in=[c["title"] for c in CASES[:4]]).update(due_on=past)
    Referral.objects.filter(state="sent").update(due_on=past)
    say(f"Demo cases: {Case.objects.count()}")
