"""Between the records and the search engine: what of each record is indexed, where the
index lives, and keeping it current.

The index is written after the database transaction commits, so a rolled-back change never
reaches it. If writing the index fails after a commit, the record is saved but not findable
until ``palermo library reindex`` rebuilds the index; the failure is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction

from palermo.library.engine.backend import IndexDocument
from palermo.library.engine.tantivy_backend import TantivyBackend
from palermo.library.models import ExpertOpinion, InvestigatorGuide, JudicialDecision

log = logging.getLogger("palermo.library")
INDEX_VERSION = "v2"  # a new schema gets a new directory, rebuilt by `palermo library reindex`
_backends: dict[Path, TantivyBackend] = {}

KINDS: dict[str, Any] = {"decision": JudicialDecision,
                                        "opinion": ExpertOpinion, "guide": InvestigatorGuide}


def index_path() -> Path:
    # Read at call time: tests and commands point DATA_DIR elsewhere after import.
    return Path(settings.DATA_DIR) / "library-index" / INDEX_VERSION


def backend() -> TantivyBackend:
    path = index_path()
    if path not in _backends:
        _backends[path] = TantivyBackend(path)
    return _backends[path]


def _yes_no(value: bool | None) -> list[str]:
    return [] if value is None else ["yes" if value else "no"]


def document(record: models.Model) -> IndexDocument:
    if isinstance(record, JudicialDecision):
        year = [str(record.decision_date.year)] if record.decision_date else []
        head = [record.court, record.case_number, record.parties, record.summary,
                record.reasoning]
        charges = [f"{c.get('charge', '')} {c.get('legislation', '')}" for c in record.charges]
        return IndexDocument(
            key=f"decision:{record.pk}", title=str(record),
            text="\n".join([*filter(None, head), *charges, record.full_text]),
            date=record.decision_date,
            facets={"kind": ["decision"], "country": [record.country],
                    "court_level": [record.court_level] if record.court_level else [],
                    "legal_system": [record.legal_system] if record.legal_system else [],
                    "verdict": record.verdicts(),
                    "exploitation": list(record.exploitation_types),
                    "sector": [record.sector] if record.sector else [], "year": year,
                    "language": [record.language] if record.language else [],
                    "transnational": _yes_no(record.transnational),
                    "organised_crime": _yes_no(record.organised_crime)},
            names=[record.parties, *(str(c.get("defendant", "")) for c in record.charges),
                   *(str(s.get("defendant", "")) for s in record.sentences)])
    if isinstance(record, ExpertOpinion):
        return IndexDocument(
            key=f"opinion:{record.pk}", title=record.subject,
            text="\n".join(filter(None, [record.subject, record.author, record.expertise,
                                         record.concerns, record.full_text])),
            date=record.opinion_date,
            facets={"kind": ["opinion"],
                    "year": [str(record.opinion_date.year)] if record.opinion_date else [],
                    "language": [record.language] if record.language else []})
    if isinstance(record, InvestigatorGuide):
        return IndexDocument(
            key=f"guide:{record.pk}", title=record.title,
            text=f"{record.title}\n{record.full_text}",
            facets={"kind": ["guide"], "exploitation": [record.form],
                    "language": [record.language] if record.language else []})
    raise TypeError(f"not a library record: {record!r}")


def _write(kind: str, pk: int) -> None:
    try:
        record = KINDS[kind].objects.filter(pk=pk).first()
        if record is None:
            backend().delete([f"{kind}:{pk}"])
        else:
            backend().upsert([document(record)])
    except Exception:
        log.exception("library index not updated for %s:%s; run `palermo library reindex`",
                      kind, pk)


def update_on_commit(kind: str, pk: int) -> None:
    """Index the record as it is once the current transaction commits (or now, outside one)."""
    transaction.on_commit(lambda: _write(kind, pk))


def all_documents() -> Iterator[IndexDocument]:
    for model in KINDS.values():
        for record in model.objects.order_by("pk").iterator(chunk_size=500):
            yield document(record)


def reindex() -> int:
    return backend().rebuild(all_documents())
