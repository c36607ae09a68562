"""The rules of the library's records: who may read and add, creating records and publishing
approved changes (checked against the vocabularies, version-checked, audited, indexed on
commit, citations found again), reading, searching and reading uploaded files. A change to a
record is proposed and approved through ``review``; ``publish`` is its last step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import known_fields, require
from palermo.core.versioned import save_versioned
from palermo.library import indexing, values
from palermo.library.engine import extract, language, prefill
from palermo.library.engine.backend import SORTS, SearchRequest, SearchResult
from palermo.library.models import (
    ExpertOpinion,
    InvestigatorGuide,
    JudicialDecision,
    ProposedChange,
    RecordVersion,
)
from palermo.library.services import citations

if TYPE_CHECKING:
    from palermo.access.models import User

DECISION_FIELDS = ("country", "court", "court_level", "legal_system", "case_number",
                   "decision_date", "parties", "previous_decision", "charges", "sentences",
                   "victims_count", "defendants_count", "people_summary", "acts", "means",
                   "purposes", "exploitation_types", "sector", "transnational",
                   "organised_crime", "summary", "reasoning", "language", "full_text",
                   "source_file")
OPINION_FIELDS = ("author", "expertise", "opinion_date", "subject", "concerns", "language",
                  "full_text", "source_file")
GUIDE_FIELDS = ("form", "title", "version_number", "language", "full_text", "source_file")
FIELDS: dict[str, tuple[str, ...]] = {"decision": DECISION_FIELDS, "opinion": OPINION_FIELDS,
                                      "guide": GUIDE_FIELDS}
MAX_PAGE = 100


def decisions(user: User) -> QuerySet[JudicialDecision]:
    require(user, "library.view")
    return JudicialDecision.objects.select_related("previous_decision")


def opinions(user: User) -> QuerySet[ExpertOpinion]:
    require(user, "library.view")
    return ExpertOpinion.objects.all()


def guides(user: User) -> QuerySet[InvestigatorGuide]:
    require(user, "library.view")
    return InvestigatorGuide.objects.all()


def _validate(record: models.Model) -> None:
    try:
        record.full_clean(exclude=["created_by", "previous_decision"])
    except ValidationError as exc:
        name, messages = next(iter(exc.message_dict.items()))
        raise ServiceError(messages[0], field=None if name == "__all__" else name) from None


def _create(kind: str, *, actor: User, request: HttpRequest | None,
            fields: dict[str, Any]) -> Any:
    require(actor, "library.edit")
    known_fields(fields, FIELDS[kind])
    record = indexing.KINDS[kind](created_by=actor, **fields)
    _validate(record)
    if kind == "decision":
        record.citation_key = citations.case_key(record.case_number)
    with transaction.atomic():
        record.save()
        keep_version(kind, record)
        if kind == "decision":
            citations.refresh(record)
        audit.record(f"{kind}.create", actor=actor, request=request, object_type=kind,
                     object_id=record.pk, detail={"source_file": fields.get("source_file", "")})
        indexing.update_on_commit(kind, record.pk)
    return record


def keep_version(kind: str, record: Any, change: ProposedChange | None = None) -> None:
    RecordVersion.objects.get_or_create(
        kind=kind, record_id=record.pk, version=record.version,
        defaults={"values": values.snapshot(record, FIELDS[kind]), "change": change})


def check_change(kind: str, record: Any, fields: dict[str, Any]) -> None:
    """Refuse, naming the field, what ``publish`` would refuse: without changing ``record``."""
    known_fields(fields, FIELDS[kind])
    if kind == "decision":
        previous = fields.get("previous_decision")
        if previous is not None and previous.pk == record.pk:
            raise ServiceError(_("A decision cannot be appealed from itself."),
                               field="previous_decision")
    trial = indexing.KINDS[kind].objects.get(pk=record.pk)
    for name, value in fields.items():
        setattr(trial, name, value)
    _validate(trial)


def publish(kind: str, record: Any, *, actor: User, version: int, change: ProposedChange,
            request: HttpRequest | None = None, fields: dict[str, Any]) -> Any:
    """Write an approved change (``review.approve`` calls this inside its transaction)."""
    require(actor, "library.edit")
    check_change(kind, record, fields)
    changed = sorted(fields)
    if kind == "decision" and "case_number" in fields:
        fields = {**fields, "citation_key": citations.case_key(fields["case_number"])}
    save_versioned(record, version, fields, actor=actor, request=request,
                   action=f"{kind}.update", object_type=kind,
                   detail={"changed": changed, "change": change.pk,
                           "proposed_by": change.proposed_by_id},
                   stale=_("The record was changed after this change was proposed; "
                           "propose it again."))
    keep_version(kind, record, change)
    if kind == "decision" and changed_text(changed):
        citations.refresh(record)
    indexing.update_on_commit(kind, record.pk)
    return record


def changed_text(names: list[str]) -> bool:
    return bool(set(names) & {"full_text", "summary", "reasoning", "case_number"})


def create_decision(*, actor: User, request: HttpRequest | None = None,
                    **fields: Any) -> JudicialDecision:
    return _create("decision", actor=actor, request=request, fields=fields)


def create_opinion(*, actor: User, request: HttpRequest | None = None,
                   **fields: Any) -> ExpertOpinion:
    return _create("opinion", actor=actor, request=request, fields=fields)


def create_guide(*, actor: User, request: HttpRequest | None = None,
                 **fields: Any) -> InvestigatorGuide:
    return _create("guide", actor=actor, request=request, fields=fields)


def read(kind: str, record_id: int, *, actor: User,
         request: HttpRequest | None = None) -> Any:
    """One record, its reading audited; ``DoesNotExist`` when there is none."""
    require(actor, "library.view")
    record = indexing.KINDS[kind].objects.get(pk=record_id)
    audit.record_read(actor, kind, record.pk, request=request)
    return record


def search(actor: User, query: SearchRequest, *,
           request: HttpRequest | None = None) -> SearchResult:
    require(actor, "library.view")
    if query.sort not in SORTS:
        raise ServiceError(_("Sort by relevance, newest or oldest."), field="sort")
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise ServiceError(_("The start date is after the end date."), field="date_from")
    query.limit = max(1, min(query.limit, MAX_PAGE))
    try:
        result = indexing.backend().search(query)
    except ValueError as exc:
        raise ServiceError(_("The search could not be run: %(error)s") % {"error": exc},
                           field="q") from None
    audit.record("library.search", actor=actor, request=request, object_type="library",
                 detail={"q": query.text[:200], "filters": query.filters,
                         "results": result.total})
    return result


def hit_target(key: str) -> tuple[str, int]:
    kind, _sep, pk = key.partition(":")
    return kind, int(pk)


@dataclass
class Upload:
    filename: str
    text: str
    language: str
    prefill: prefill.Prefill


def read_upload(*, actor: User, filename: str, data: bytes,
                request: HttpRequest | None = None) -> Upload:
    """The text of an uploaded file with its detected language and the fields that could be
    read from it; nothing is stored until the user confirms them."""
    require(actor, "library.edit")
    try:
        text = extract.extract(filename, data)
    except extract.ExtractionError as exc:
        audit.record("library.upload", actor=actor, request=request, object_type="file",
                     object_id=filename[:64], outcome="failure", detail={"error": str(exc)})
        raise ServiceError(str(exc), field="file") from None
    return Upload(filename=filename, text=text, language=language.detect(text),
                  prefill=prefill.prefill(text))


def reindex() -> int:
    """Rebuild the whole index from the database (the command; no acting user)."""
    count = indexing.reindex()
    audit.record("library.reindex", object_type="library", detail={"documents": count})
    return count
