"""The Directors General Committee and three other committees, a meeting held with its
approved minutes and decisions (one action item overdue), the next meeting, the national
action plan in the four Ps, and a bill on its way through parliament (all invented)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from palermo.access.models import Agency, User
from palermo.governance.models import ActionItem, Bill, Committee, Meeting, PlanGoal
from palermo.governance.services import (
    actions,
    committees,
    legislation,
    meetings,
    minutes,
    plan,
)

COMMITTEES = [
    ("Directors General Committee for Combating Trafficking", "directors_general",
     ["National Anti-Trafficking Coordinator", "Israel Police", "State Attorney's Office",
      "Ministry of Welfare and Social Affairs", "Ministry of Health",
      "Population and Immigration Authority", "Ministry of Foreign Affairs"]),
    ("Inter-ministerial Committee on Victim Identification", "inter_ministerial",
     ["National Anti-Trafficking Coordinator", "Israel Police",
      "Ministry of Welfare and Social Affairs", "Population and Immigration Authority"]),
    ("Parliamentary Subcommittee on Trafficking in Persons", "parliamentary", []),
    ("Working group on labour exploitation in agriculture", "working_group",
     ["National Anti-Trafficking Coordinator", "Population and Immigration Authority",
      "Shelter for Survivors (NGO)"]),
]
PLAN = [
    ("Prevention", ["Awareness among migrant workers on arrival",
                    "Inspections of recruitment agencies"]),
    ("Protection", ["Shelter places for men", "Identification at the border"]),
    ("Prosecution", ["Specialised prosecutors in every district"]),
    ("Partnership", ["Agreements with countries of origin"]),
]


def _agency(name: str) -> Agency:
    return Agency.objects.get(name=name)


def _committees(coordinator: User) -> Committee:
    for name, kind, members in COMMITTEES:
        if not Committee.objects.filter(name=name).exists():
            committee = committees.create(
                actor=coordinator, name=name, kind=kind,
                chair_agency=_agency("National Anti-Trafficking Coordinator")
                if kind != "parliamentary" else None)
            for member in members:
                committees.add_member(committee, _agency(member), actor=coordinator)
    return Committee.objects.get(name=COMMITTEES[0][0])


def _plan(coordinator: User) -> None:
    if PlanGoal.objects.exists():
        return
    deadline = dt.date(2027, 6, 30)
    for title, action_titles in PLAN:
        goal = plan.add_goal(actor=coordinator, title=title)
        for action_title in action_titles:
            action = plan.add_action(goal, actor=coordinator, title=action_title)
            actions.add_item(actions.ItemSpec(
                title=f"Report on: {action_title.lower()}",
                owner_agency=_agency("National Anti-Trafficking Coordinator"),
                deadline=deadline, plan_action=action), actor=coordinator)


def _meetings(coordinator: User, committee: Committee) -> None:
    if Meeting.objects.filter(committee=committee).exists():
        return
    held = meetings.create(committee, actor=coordinator, title="Quarterly meeting",
                           starts_at=dt.datetime(2026, 9, 14, 7, 0, tzinfo=dt.UTC),
                           ends_at=dt.datetime(2026, 9, 14, 9, 0, tzinfo=dt.UTC),
                           location="Ministry of Justice, Jerusalem",
                           agenda="Annual report\nShelter capacity\nNational action plan")
    for name, agency in (("Noa Coordinator", "National Anti-Trafficking Coordinator"),
                         ("Yossi Investigator", "Israel Police"),
                         ("Shira Social", "Ministry of Welfare and Social Affairs")):
        meetings.add_attendee(held, actor=coordinator, name=name, agency=_agency(agency))
    draft = minutes.save_draft(held, "The committee reviewed the annual report and the "
                               "shelter capacity.", actor=coordinator)
    minutes.approve(draft, actor=coordinator, version=draft.version)
    goal_action = plan.actions(coordinator).filter(title="Shelter places for men").first()
    actions.record_decision(held, "Open twenty shelter places for men by the end of the "
                            "year.", [actions.ItemSpec(
                                "Find a building for the men's shelter",
                                _agency("Ministry of Welfare and Social Affairs"),
                                dt.date(2026, 12, 31), plan_action=goal_action)],
                            actor=coordinator)
    actions.record_decision(held, "The police report on labour-exploitation raids.",
                            [actions.ItemSpec("Report on labour-exploitation raids",
                                              _agency("Israel Police"),
                                              dt.date(2026, 10, 31))], actor=coordinator)
    # The next meeting is a month after the demo is first seeded, so it is always ahead.
    start = (timezone.now() + dt.timedelta(days=30)).replace(hour=7, minute=0, second=0,
                                                             microsecond=0)
    meetings.create(committee, actor=coordinator, title="Next quarterly meeting",
                    starts_at=start, ends_at=start + dt.timedelta(hours=2),
                    location="Ministry of Justice, Jerusalem",
                    agenda="Follow-up of decisions\nTrafficking report")


def _bill(coordinator: User) -> None:
    if Bill.objects.exists():
        return
    bill = legislation.create(actor=coordinator, kind="bill",
                              title="Prohibition of Trafficking (Amendment No. 9) Bill "
                                    "(invented)", number="P/1234", sponsor="Government",
                              summary="Raises the penalty for holding passports and makes "
                                      "the victim's consent irrelevant.")
    bill = legislation.set_stage(bill, "first_reading", on=dt.date(2026, 7, 20),
                                 actor=coordinator, version=bill.version)
    legislation.write_position(bill, "The office supports the bill.", actor=coordinator)
    legislation.write_position(bill, "The office supports the bill and asks that holding "
                               "passports be an offence of its own.", actor=coordinator,
                               note="After the committee's first discussion.")
    legislation.record_session(actor=coordinator, bill=bill, held_on=dt.date(2026, 8, 3),
                               forum="Constitution, Law and Justice Committee",
                               attended_by="Noa Coordinator",
                               statement="Presented the office's position on passports.")


def seed(say: Callable[[str], None]) -> None:
    coordinator = User.objects.get(email="coordinator@demo.palermo.test")
    committee = _committees(coordinator)
    _plan(coordinator)
    _meetings(coordinator, committee)
    _bill(coordinator)
    say(f"Demo governance: {Committee.objects.count()} committees, "
        f"{Meeting.objects.count()} meetings, {ActionItem.objects.count()} action items, "
        f"{Bill.objects.count()} bills")
