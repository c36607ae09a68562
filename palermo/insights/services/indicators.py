"""The national indicators, defined once in vocab/insights_indicators.yaml, computed from
live data for any period, and always put through disclosure control before they leave.

``tables()`` is the one way out: it checks ``insights.view``, builds each table from its
source, protects it (the internal threshold for the office's own pages, the public one for
publication and partners) and writes one audit entry listing what was suppressed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.insights.engine.disclosure import (
    INTERNAL_THRESHOLD,
    PUBLIC_THRESHOLD,
    ProtectedTable,
    Table,
    protect,
)
from palermo.insights.services.periods import Period
from palermo.insights.services.sources import SOURCES, Counts, Memo, prefetch
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

INTERNAL, PUBLIC = "internal", "public"
# Dimensions whose rows are only the categories that occur (too many to list them all).
SPARSE = {"countries", "agency", "year"}
# Categories of a shared vocabulary that do not apply to one person ("children and adults"
# describes a group of victims in a judicial decision).
NOT_FOR_PERSONS = {"age_groups": {"mixed"}}
# Columns of a table narrower than its vocabulary.
COLUMNS = {"referrals_overdue": ("sent", "accepted"), "awareness_reach": ("count.reach",)}


def threshold(audience: str) -> int:
    if audience == PUBLIC:
        return int(getattr(settings, "INSIGHTS_PUBLIC_THRESHOLD", PUBLIC_THRESHOLD))
    return int(getattr(settings, "INSIGHTS_INTERNAL_THRESHOLD", INTERNAL_THRESHOLD))


def language() -> str:
    return "he" if (get_language() or "en").startswith("he") else "en"


def codes() -> list[str]:
    return registry.get("insights_indicators").codes()


def definition(code: str) -> Any:
    vocabulary = registry.get("insights_indicators")
    if code not in vocabulary:
        raise ServiceError(_("“%(code)s” is not a known indicator.") % {"code": code[:60]},
                           field="code")
    return vocabulary.get(code)


def category_labels(dimension: str, code: str) -> dict[str, str]:
    """The category's label in every UI language."""
    if dimension in ("agency", "year"):
        return {"en": code, "he": code}
    for name in (dimension, "statistical_categories"):
        vocabulary = registry.get(name) if name in registry.names() else None
        if vocabulary is not None and code in vocabulary:
            term = vocabulary.get(code)
            return {"en": term.label("en"), "he": term.label("he")}
    return {"en": code, "he": code}


def _categories(dimension: str) -> list[str]:
    if dimension in SPARSE:
        return []
    if dimension in registry.names():
        return registry.get(dimension).codes()
    return [t.code for t in registry.get("statistical_categories")
            if t.extra.get("dimension") == dimension]


def _axes(code: str, counts: Counts) -> tuple[list[str], list[str]]:
    term = definition(code)
    skip = {"unknown"} | NOT_FOR_PERSONS.get(term.extra["rows"], set())
    rows = [c for c in _categories(term.extra["rows"]) if c not in skip]
    present = sorted({r for r, _c in counts} - set(rows))
    if term.extra["rows"] == "year":
        present.sort(key=lambda y: (not y.isdigit(), y))
    columns = list(COLUMNS.get(code) or _categories(term.extra["columns"]))
    if term.extra["columns"] == "count" and code not in COLUMNS:
        columns = ["count.persons"]
    return rows + present, columns


@dataclass
class Indicator:
    """A protected table and everything needed to show or publish it."""

    code: str
    period: Period
    audience: str
    row_codes: list[str]
    column_codes: list[str]
    row_labels_i18n: list[dict[str, str]]
    column_labels_i18n: list[dict[str, str]]
    titles: dict[str, str]
    methodology_i18n: dict[str, str]
    protected: ProtectedTable
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.titles[language()]

    @property
    def row_labels(self) -> list[str]:
        return [labels[language()] for labels in self.row_labels_i18n]

    @property
    def column_labels(self) -> list[str]:
        return [labels[language()] for labels in self.column_labels_i18n]

    @property
    def methodology(self) -> str:
        return self.methodology_i18n[language()]

    @property
    def rows(self) -> list[tuple[str, list[int | None], int | None]]:
        """(label, cells, row total) for a template."""
        return list(zip(self.row_labels, self.protected.cells, self.protected.row_totals,
                        strict=True))

    def as_dict(self) -> dict[str, Any]:
        """Language-neutral form, as a publication stores it."""
        table = self.protected
        return {"code": self.code, "titles": self.titles, "row_codes": self.row_codes,
                "column_codes": self.column_codes, "row_labels": self.row_labels_i18n,
                "column_labels": self.column_labels_i18n, "cells": table.cells,
                "row_totals": table.row_totals, "column_totals": table.column_totals,
                "total": table.total, "threshold": table.threshold,
                "rounding_base": table.rounding_base, "methodology": self.methodology_i18n,
                "suppressed": len(table.suppressed)}


def methodology(code: str, limit: int) -> dict[str, str]:
    term = definition(code)
    mapping = {"glotip": term.extra.get("glotip", ""), "eurostat": term.extra.get("eurostat", ""),
               "tip": term.extra.get("tip", ""), "threshold": limit}
    from django.utils import translation

    texts = {}
    for lang in ("en", "he"):
        with translation.override(lang):
            note = _("GLOTIP: %(glotip)s. Eurostat: %(eurostat)s. TIP questionnaire: %(tip)s. "
                     "Counts under %(threshold)s are suppressed, with further cells where "
                     "needed so they cannot be worked out from the totals.") % mapping
        texts[lang] = f"{term.explained(lang)} {note}"
    return texts


def build(code: str, period: Period, actor: User, audience: str = INTERNAL,
          rounding_base: int | None = None, memo: dict[str, Any] | None = None) -> Indicator:
    """One indicator, protected, without the permission check or the audit entry (callers
    go through ``tables``)."""
    term = definition(code)
    counts = SOURCES[code](period, actor, {} if memo is None else memo)
    rows, columns = _axes(code, counts)
    cells = tuple(tuple(int(counts.get((r, c), 0)) for c in columns) for r in rows)
    limit = threshold(audience)
    table = Table(title=code, row_labels=tuple(rows), column_labels=tuple(columns),
                  cells=cells)
    protected = protect(table, limit, rounding_base=rounding_base)
    if not rows:
        # Nothing recorded (no agency received a referral): every total is a true zero.
        protected.column_totals, protected.total = [0] * len(columns), 0
    return Indicator(
        code=code, period=period, audience=audience, row_codes=rows, column_codes=columns,
        row_labels_i18n=[category_labels(term.extra["rows"], r) for r in rows],
        column_labels_i18n=[category_labels(term.extra["columns"], c) for c in columns],
        titles={"en": term.label("en"), "he": term.label("he")},
        methodology_i18n=methodology(code, limit), protected=protected,
        extra={"glotip": term.extra.get("glotip", ""), "eurostat": term.extra.get("eurostat", ""),
               "tip": term.extra.get("tip", "")})


def tables(actor: User, period: Period, codes_: Iterable[str] | None = None, *,
           audience: str = INTERNAL, rounding_base: int | None = None,
           request: HttpRequest | None = None, purpose: str = "dashboard",
           also: Iterable[Period] = (), memo: Memo | None = None) -> list[Indicator]:
    """The indicators for the period, protected for the audience; one audit entry records
    what was suppressed in each (the suppression log). The counts of the periods ``also``
    are fetched at the same time into ``memo``, for a next call with the same memo."""
    require(actor, "insights.view")
    wanted = list(codes_) if codes_ is not None else codes()
    for code in wanted:
        definition(code)
    memo = {} if memo is None else memo
    prefetch(memo, [period, *also], wanted)
    built = [build(code, period, actor, audience, rounding_base, memo) for code in wanted]
    audit.record("insights.disclose", actor=actor, request=request, object_type="indicators",
                 object_id=period.label, detail={
                     "purpose": purpose, "audience": audience,
                     "threshold": threshold(audience), "rounding_base": rounding_base,
                     "period": [period.start.isoformat(), period.end.isoformat()],
                     "suppressed": {i.code: [line.translated(_)
                                             for line in i.protected.log()[1:]]
                                    for i in built if i.protected.suppressed}})
    return built
