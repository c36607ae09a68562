"""The library under /api/v1/library/: search with facets; reading a decision (with its
citations both ways), an opinion or a guide (each read audited); proposing a change and
reviewing it; versions; sentencing analytics. The answers are the schemas of ``schemas.py``,
built from what the services return."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Query, Router, Status

from palermo.core.api import acting_user
from palermo.guards import Permission
from palermo.library import schemas, services
from palermo.library.engine.backend import FACETS, SearchRequest, SearchResult
from palermo.library.indexing import KINDS
from palermo.library.models import (
    ExpertOpinion,
    InvestigatorGuide,
    JudicialDecision,
    ProposedChange,
    RecordVersion,
)
from palermo.library.services import analytics, citations, review

router = Router(tags=["library"])


@router.get("/search", response=schemas.LibrarySearchOut, auth=Permission("library.view"))
def library_search(request: HttpRequest, params: Query[schemas.LibrarySearchParams]
                   ) -> SearchResult:
    filters = {name: getattr(params, name) for name in FACETS if getattr(params, name)}
    return services.search(acting_user(request), SearchRequest(
        text=params.q, sort=params.sort, date_from=params.date_from, date_to=params.date_to,
        offset=max(0, params.offset), limit=params.limit, filters=filters), request=request)


@router.get("/decisions/{decision_id}", response=schemas.JudicialDecisionOut,
            auth=Permission("library.view"))
def decision_detail(request: HttpRequest, decision_id: int) -> schemas.DecisionPage:
    user = acting_user(request)
    try:
        decision = services.read("decision", decision_id, actor=user, request=request)
    except JudicialDecision.DoesNotExist:
        raise Http404 from None
    return schemas.DecisionPage(
        decision, appeal_ids=list(decision.appeals.values_list("pk", flat=True)),
        cites=list(citations.cites(user, decision)),
        cited_by=list(citations.cited_by(user, decision)))


@router.get("/opinions/{opinion_id}", response=schemas.ExpertOpinionOut,
            auth=Permission("library.view"))
def opinion_detail(request: HttpRequest, opinion_id: int) -> ExpertOpinion:
    try:
        return services.read("opinion", opinion_id, actor=acting_user(request),
                             request=request)
    except ExpertOpinion.DoesNotExist:
        raise Http404 from None


@router.get("/guides/{guide_id}", response=schemas.InvestigatorGuideOut,
            auth=Permission("library.view"))
def guide_detail(request: HttpRequest, guide_id: int) -> InvestigatorGuide:
    try:
        return services.read("guide", guide_id, actor=acting_user(request),
                             request=request)
    except InvestigatorGuide.DoesNotExist:
        raise Http404 from None


PLURALS = {"decisions": "decision", "opinions": "opinion", "guides": "guide"}


def _kind(plural: str) -> str:
    if plural not in PLURALS:
        raise Http404
    return PLURALS[plural]


@router.post("/{kinds}/{record_id}/changes", response={201: schemas.ProposedChangeOut},
             auth=Permission("library.edit"))
def propose_change(request: HttpRequest, kinds: str, record_id: int,
                   payload: schemas.ProposedChangeIn) -> Status[ProposedChange]:
    """Propose a change (field values as in the record's GET); published when a second
    editor approves it."""
    kind = _kind(kinds)
    try:
        record = services.read(kind, record_id, actor=acting_user(request),
                               request=request)
    except KINDS[kind].DoesNotExist:
        raise Http404 from None
    change = review.propose(kind, record, actor=acting_user(request),
                            version=payload.version, fields=payload.fields, note=payload.note,
                            request=request)
    return Status(201, change)


@router.get("/changes", response=list[schemas.ProposedChangeOut],
            auth=Permission("library.edit"))
def pending_changes(request: HttpRequest) -> list[ProposedChange]:
    return list(review.pending(acting_user(request)))


def _change(request: HttpRequest, change_id: int) -> ProposedChange:
    try:
        return review.get(acting_user(request), change_id)
    except ProposedChange.DoesNotExist:
        raise Http404 from None


@router.get("/changes/{change_id}", response=schemas.ProposedChangeOut,
            auth=Permission("library.edit"))
def change_detail(request: HttpRequest, change_id: int) -> ProposedChange:
    return _change(request, change_id)


@router.post("/changes/{change_id}/approve", response=schemas.ProposedChangeOut,
             auth=Permission("library.edit"))
def approve_change(request: HttpRequest, change_id: int) -> ProposedChange:
    review.approve(_change(request, change_id).pk, actor=acting_user(request),
                   request=request)
    return _change(request, change_id)


@router.post("/changes/{change_id}/return", response=schemas.ProposedChangeOut,
             auth=Permission("library.edit"))
def return_change(request: HttpRequest, change_id: int,
                  payload: schemas.ChangeReturnIn) -> ProposedChange:
    review.send_back(_change(request, change_id).pk, actor=acting_user(request),
                     reason=payload.reason, request=request)
    return _change(request, change_id)


@router.get("/{kinds}/{record_id}/versions", response=list[schemas.RecordVersionOut],
            auth=Permission("library.view"))
def record_versions(request: HttpRequest, kinds: str, record_id: int) -> list[RecordVersion]:
    return review.versions(acting_user(request), _kind(kinds), record_id)


@router.get("/sentences", response=schemas.SentencesOut, auth=Permission("library.view"))
def sentences(request: HttpRequest, charge: str = "",
              exploitation: str = "") -> analytics.Distribution:
    """Prison sentences (months) for a charge (matched within the charge's text) and/or a
    form of exploitation, by year and by court."""
    return analytics.distribution(acting_user(request), charge=charge, exploitation=exploitation)
