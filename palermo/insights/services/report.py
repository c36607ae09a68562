"""The national annual report: every indicator of the year, the TIP questionnaire's figures,
the year's case law, charts, methodology and definitions, in English or Hebrew, as HTML, PDF
or a spreadsheet. It is a publication: every table passes public disclosure control."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.cases.services import statistics
from palermo.core.checks import require
from palermo.insights.engine.disclosure import Table, protect
from palermo.insights.services import indicators
from palermo.insights.services.periods import Period
from palermo.insights.services.report_contents import Decision, Figure, Report, sections
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

FORMATS = ("html", "pdf", "xlsx")
LANGUAGES = ("en", "he")
CONVICTED = ("convicted", "convicted_lesser", "plea_agreement")
SUMMARY_CHARS = 400


def _check(year: int | str | None, language: str, fmt: str = "html") -> int:
    if fmt not in FORMATS:
        raise ServiceError(_("Choose the format pdf, html or xlsx."), field="format")
    if language not in LANGUAGES:
        raise ServiceError(_("Choose the language en or he."), field="language")
    text = str(year or "").strip()
    if not (text.isascii() and text.isdigit()) or not 1900 <= int(text) <= 2200:
        raise ServiceError(_("Give the year as four digits, not “%(value)s”.")
                           % {"value": text[:20]}, field="year")
    return int(text)


def _decisions(actor: User, period: Period) -> list:
    from palermo.library import services as library

    return list(library.decisions(actor).filter(
        decision_date__range=(period.start, period.end)).order_by("decision_date", "pk"))


def _tip(actor: User, period: Period, decisions: list, threshold: int) -> list[Figure]:
    counts = statistics.tip_figures(period.start, period.end)
    convicted = sentenced = 0
    for decision in decisions:
        convicted += len({str(c.get("defendant", "")) for c in decision.charges or []
                          if isinstance(c, dict) and c.get("verdict") in CONVICTED})
        sentenced += len({str(s.get("defendant", "")) for s in decision.sentences or []
                          if isinstance(s, dict) and (s.get("prison_months") or 0) > 0})
    counts["tip.convictions"], counts["tip.sentences"] = convicted, sentenced
    order = ["tip.investigations", "tip.prosecutions", "tip.convictions", "tip.sentences",
             "tip.victims_identified", "tip.victims_assisted"]
    vocabulary = registry.get("statistical_categories")
    figures = []
    for code in order:
        # One figure at a time: they overlap (a person is prosecuted, then convicted), so no
        # total ties them together and only the small figure itself must be hidden.
        protected = protect(Table(code, (code,), ("count",), ((counts[code],),)), threshold)
        term = vocabulary.get(code)
        language = indicators.language()
        figures.append(Figure(term.label(language), term.explained(language),
                              protected.cells[0][0]))
    return figures


def _case_law(decisions: list) -> list[Decision]:
    lang = indicators.language()

    def labels(vocabulary: str, values: list[str]) -> list[str]:
        known = registry.get(vocabulary)
        return [known.get(v).label(lang) if v in known else v for v in values]

    return [Decision(court=d.court, decided_on=d.decision_date, number=d.case_number,
                     forms=labels("exploitation_types", d.exploitation_types or []),
                     verdicts=labels("verdicts", d.verdicts()),
                     summary=(d.summary or "")[:SUMMARY_CHARS]) for d in decisions]


def build(actor: User, year: int | str, *, language: str = "en",
          request: HttpRequest | None = None) -> Report:
    number = _check(year, language)
    require(actor, "insights.view")
    period = Period.year(number)
    threshold = indicators.threshold(indicators.PUBLIC)
    with translation.override(language):
        tables = indicators.tables(actor, period, audience=indicators.PUBLIC,
                                   request=request, purpose="annual report")
        decisions = _decisions(actor, period)
        report = Report(year=number, language=language, period=period,
                        generated_at=timezone.now(), threshold=threshold, tables=tables,
                        tip=_tip(actor, period, decisions, threshold),
                        case_law=_case_law(decisions))
    audit.record("insights.report", actor=actor, request=request, object_type="report",
                 object_id=str(number), detail={"language": language,
                                                "decisions": len(report.case_law)})
    return report


def render_body(report: Report) -> str:
    """The report's HTML body in its own language, whatever the page's."""
    with translation.override(report.language):
        return render_to_string("insights/_report_body.html",
                                {"report": report, "sections": sections(report)})


_STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "insights" / "report_document.css"


def render_html(report: Report) -> str:
    """A standalone document to download: its styles are embedded, because a file opened
    from a disk or sent by mail has no server to fetch a stylesheet from. Pages of the
    application itself never carry inline styles (their CSP forbids them)."""
    stylesheet = mark_safe(
        "<style>\n" + _STYLESHEET.read_text(encoding="utf-8") + "</style>")
    with translation.override(report.language):
        return render_to_string("insights/report_document.html", {
            "report": report, "body": render_body(report), "stylesheet": stylesheet})


def render(report: Report, fmt: str) -> bytes:
    _check(report.year, report.language, fmt)
    if fmt == "html":
        return render_html(report).encode()
    if fmt == "pdf":
        from palermo.insights.services.report_pdf import render_pdf

        return render_pdf(report)
    from palermo.insights.services.report_xlsx import render_xlsx

    return render_xlsx(report)


def content_type(fmt: str) -> str:
    return {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}[fmt]

