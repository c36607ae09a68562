"""Where each indicator's counts come from: the cases' aggregate feed, the library's
judicial decisions and the training records, each reached through its own services.

Each source returns counts keyed by (row code, column code); nothing here is shown before
``indicators`` puts it through disclosure control."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Sum

from palermo.cases.services import statistics
from palermo.insights.services import side_by_side
from palermo.insights.services.periods import Period

if TYPE_CHECKING:
    from palermo.access.models import User

Counts = Counter[tuple[str, str]]
# A source gets the period, the acting user and a memo shared by the tables of one request,
# so the grouped queries behind several tables run once.
Memo = dict[str, Any]
Source = Callable[[Period, "User", Memo], Counts]
# Upper bounds (exclusive) in months of the sentence intervals of statistical_categories.
PRISON = (("prison.under12", 12), ("prison.12-59", 60), ("prison.60-119", 120))


# The queries behind the tables, each run once per period and request: several tables
# are sums over one of them, and ``prefetch`` runs those a request needs side by side.
SHARED: dict[str, Callable[[dt.date, dt.date], Any]] = {
    "persons": statistics.person_groups,
    "referrals": statistics.referral_groups,
    "investigations": statistics.investigations,
    "shelter": statistics.time_to_shelter,
}
# Which shared query each table reads; the persons' one first, as it is the longest.
USES = {"victims_sex_age": "persons", "victims_status": "persons",
        "victims_exploitation": "persons", "victims_citizenship": "persons",
        "victims_industry": "persons", "victims_year": "persons", "persons_justice": "persons",
        "referrals_agency": "referrals", "referrals_overdue": "referrals",
        "investigations": "investigations", "time_to_shelter": "shelter"}


def _key(name: str, period: Period) -> str:
    return f"{name}:{period.start}:{period.end}"


def _memo(memo: Memo, name: str, period: Period) -> Any:
    key = _key(name, period)
    if key not in memo:
        memo[key] = SHARED[name](period.start, period.end)
    return memo[key]


def prefetch(memo: Memo, periods: Iterable[Period], codes: Iterable[str]) -> None:
    """Run the shared queries the tables ``codes`` of ``periods`` need, side by side."""
    names = sorted({USES[c] for c in codes if c in USES}, key=list(SHARED).index)
    jobs = {_key(name, period): functools.partial(SHARED[name], period.start, period.end)
            for name in names for period in periods if _key(name, period) not in memo}
    memo.update(side_by_side.run(jobs))


def _victims(dimension: str) -> Source:
    def source(period: Period, user: User, memo: Memo) -> Counts:
        groups = _memo(memo, "persons", period)
        return statistics.victims_by(dimension, period.start, period.end, groups)
    return source


def persons_justice(period: Period, user: User, memo: Memo) -> Counts:
    groups = _memo(memo, "persons", period)
    return statistics.persons_justice(period.start, period.end, groups)


def referrals_by_agency(period: Period, user: User, memo: Memo) -> Counts:
    groups = _memo(memo, "referrals", period)
    return statistics.referrals_by_agency(period.start, period.end, groups)


def referrals_overdue(period: Period, user: User, memo: Memo) -> Counts:
    groups = _memo(memo, "referrals", period)
    return statistics.referrals_overdue(period.start, period.end, groups)


def _prison_code(months: float) -> str:
    if months <= 0:
        return "prison.none"
    for code, upper in PRISON:
        if months < upper:
            return code
    return "prison.120_plus"


def _decisions(period: Period, user: User) -> list[tuple[list[dict], list[dict]]]:
    from palermo.library import services as library

    # Judicial decisions are counted in hundreds a year, not in cases' hundreds of thousands:
    # reading their charges and sentences here is cheaper than JSON SQL on two databases.
    return list(library.decisions(user).filter(
        decision_date__range=(period.start, period.end)).values_list("charges", "sentences"))


def court_verdicts(period: Period, user: User, memo: Memo) -> Counts:
    counts: Counts = Counter()
    for charges, _sentences in _decisions(period, user):
        seen = {(str(c.get("defendant", "")), c["verdict"]) for c in charges or []
                if isinstance(c, dict) and c.get("verdict")}
        for _defendant, verdict in seen:
            counts[(verdict, "count.persons")] += 1
    return counts


def sentences(period: Period, user: User, memo: Memo) -> Counts:
    counts: Counts = Counter()
    for _charges, given in _decisions(period, user):
        longest: dict[str, float] = {}
        for sentence in given or []:
            if not isinstance(sentence, dict):
                continue
            who = str(sentence.get("defendant", ""))
            months = sentence.get("prison_months") or 0
            longest[who] = max(longest.get(who, 0), float(months))
        for months in longest.values():
            counts[(_prison_code(months), "count.persons")] += 1
    return counts


def training_coverage(period: Period, user: User, memo: Memo) -> Counts:
    from palermo.training.services import coverage

    counts: Counts = Counter()
    for row in coverage.coverage(actor=user, on=period.end):
        counts[(row.profession or "unknown", "count.persons")] += row.trained
    return counts


def awareness_reach(period: Period, user: User, memo: Memo) -> Counts:
    from palermo.training.services import campaigns

    rows = (campaigns.campaigns(user).filter(reach__measured_on__range=(period.start, period.end))
            .order_by().values("reach__channel").annotate(n=Sum("reach__figure")))
    return Counter({(r["reach__channel"], "count.reach"): r["n"] or 0 for r in rows})


SOURCES: dict[str, Source] = {
    "victims_sex_age": _victims("age_groups"),
    "victims_status": _victims("trafficking_statuses"),
    "victims_exploitation": _victims("exploitation_types"),
    "victims_citizenship": _victims("countries"),
    "victims_industry": _victims("industries"),
    "victims_year": _victims("year"),
    "investigations": lambda p, u, m: _memo(m, "investigations", p),
    "persons_justice": persons_justice,
    "court_verdicts": court_verdicts,
    "sentences": sentences,
    "referrals_agency": referrals_by_agency,
    "referrals_overdue": referrals_overdue,
    "time_to_shelter": lambda p, u, m: _memo(m, "shelter", p),
    "training_coverage": training_coverage,
    "awareness_reach": awareness_reach,
}
