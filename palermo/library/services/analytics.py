"""Sentencing analytics: for a charge or a form of exploitation, the prison sentences (in
months) of the decisions that hold it, by year and by court, and as a formula-safe CSV.

A sentence counts when the decision records it with a number of months (an acquittal or a
fine only has none); a decision with several defendants gives several sentences. JSON lists
are filtered in Python: SQLite cannot look inside them, and a library holds thousands of
decisions, not millions."""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.http import HttpRequest

from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.library.models import JudicialDecision

if TYPE_CHECKING:
    import datetime as dt

    from palermo.access.models import User

CSV_COLUMNS = ["decision", "case_number", "court", "court_level", "country", "decision_date",
               "defendant", "charge", "prison_months", "fine", "compensation"]


@dataclass(frozen=True)
class Sentence:
    decision_id: int
    case_number: str
    court: str
    court_level: str
    country: str
    date: dt.date | None
    defendant: str
    charge: str
    months: float
    fine: float | None
    compensation: float | None


@dataclass
class Group:
    label: str
    months: list[float] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.months)

    @property
    def median(self) -> float:
        return statistics.median(self.months)

    @property
    def quartiles(self) -> tuple[float, float]:
        if len(self.months) < 2:
            return self.months[0], self.months[0]
        q1, _q2, q3 = statistics.quantiles(self.months, n=4, method="inclusive")
        return q1, q3

    @property
    def low(self) -> float:
        return min(self.months)

    @property
    def high(self) -> float:
        return max(self.months)


@dataclass
class Distribution:
    charge: str
    exploitation: str
    sentences: list[Sentence]
    by_year: list[Group]
    by_court: list[Group]


def charges(user: User) -> list[str]:
    """The charges the library's decisions hold, for the page's choice."""
    require(user, "library.view")
    found: set[str] = set()
    for rows in JudicialDecision.objects.values_list("charges", flat=True):
        found.update(r.get("charge", "").strip() for r in rows if r.get("charge"))
    return sorted(found, key=str.casefold)


def _charge_of(rows: list[dict[str, object]], defendant: str, wanted: str) -> str | None:
    """The charge matching ``wanted`` (case-insensitive) for the defendant, or any
    defendant's when the charges do not name the sentenced one."""
    matching = [str(r.get("charge", "")) for r in rows
                if wanted.casefold() in str(r.get("charge", "")).casefold()]
    named = [str(r.get("charge", "")) for r in rows if r.get("defendant") == defendant
             and wanted.casefold() in str(r.get("charge", "")).casefold()]
    if named:
        return named[0]
    return matching[0] if matching else None


def distribution(user: User, *, charge: str = "", exploitation: str = "") -> Distribution:
    require(user, "library.view")
    found: list[Sentence] = []
    decisions = JudicialDecision.objects.only(
        "pk", "case_number", "court", "court_level", "country", "decision_date", "charges",
        "sentences", "exploitation_types").order_by("decision_date", "pk")
    for d in decisions.iterator(chunk_size=500):
        if exploitation and exploitation not in d.exploitation_types:
            continue
        for s in d.sentences:
            months = s.get("prison_months")
            if not isinstance(months, int | float) or isinstance(months, bool):
                continue
            defendant = str(s.get("defendant", ""))
            matched = _charge_of(d.charges, defendant, charge) if charge else (
                _charge_of(d.charges, defendant, "") or "")
            if matched is None:
                continue
            found.append(Sentence(d.pk, d.case_number, d.court, d.court_level, d.country,
                                  d.decision_date, defendant, matched, float(months),
                                  s.get("fine"), s.get("compensation")))
    years: dict[str, Group] = {}
    courts: dict[str, Group] = {}
    for s in found:
        year = str(s.date.year) if s.date else "—"
        years.setdefault(year, Group(year)).months.append(s.months)
        courts.setdefault(s.court, Group(s.court)).months.append(s.months)
    return Distribution(charge, exploitation, found,
                        [years[y] for y in sorted(years)],
                        sorted(courts.values(), key=lambda g: (-g.count, g.label)))


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet runs a cell starting with one of these as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(user: User, found: Distribution, *, request: HttpRequest | None = None) -> str:
    require(user, "library.view")
    audit.record("library.export", actor=user, request=request, object_type="library",
                 detail={"format": "csv", "charge": found.charge,
                         "exploitation": found.exploitation, "rows": len(found.sentences)})
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for s in found.sentences:
        writer.writerow([_cell(v) for v in (
            s.decision_id, s.case_number, s.court, s.court_level, s.country,
            s.date.isoformat() if s.date else "", s.defendant, s.charge, f"{s.months:g}",
            s.fine, s.compensation)])
    return buffer.getvalue()
