"""The library under /api/v1/library/: search with facets; reading a decision (with its
citations both ways), an opinion or a guide (each read audited); proposing a change and
reviewing it; versions; sentencing analytics."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status

from palermo.access.permissions import Permission
from palermo.core.api import acting_user
from palermo.library import schemas, services
from palermo.library.engine.backend import FACETS, SearchRequest
from palermo.library.indexing import KINDS
from palermo.library.models import (
    ExpertOpinion,
    InvestigatorGuide,
    JudicialDecision,
    ProposedChange,
)
from palermo.library.services import analytics, citations, review

router = Router(tags=["library"])


class SearchParams(Schema):
    q: str = ""
    sort: str = "relevance"
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    offset: int = 0
    limit: int = 20
    kind: list[str] = []
    country: list[str] = []
    court_level: list[str] = []
    legal_system: list[str] = []
    verdict: list[str] = []
    exploitation: list[str] = []
    sector: list[str] = []
    year: list[str] = []
    language: list[str] = []
    transnational: list[str] = []
    organised_crime: list[str] = []


@router.get("/search", response=schemas.SearchOut, auth=Permission("library.view"))
def library_search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    found = services.search(acting_user(request), SearchRequest(
        text=params.q, sort=params.sort, date_from=params.date_from, date_to=params.date_to,
        offset=max(0, params.offset), limit=params.limit,
        filters={name: getattr(params, name) for name in FACETS if getattr(params, name)}),
        request=request)
    hits = []
    for hit in found.hits:
        kind, pk = services.hit_target(hit.key)
        hits.append({"kind": kind, "id": pk, "title": hit.title, "date": hit.date,
                     "score": hit.score, "snippet": hit.snippet})
    return {"total": found.total, "approximate": found.approximate, "hits": hits,
            "facets": {name: [{"value": v, "count": c} for v, c in values]
                       for name, values in found.facets.items()}}


@router.get("/decisions/{decision_id}", response=schemas.JudicialDecisionOut,
            auth=Permission("library.view"))
def decision_detail(request: HttpRequest, decision_id: int) -> dict[str, Any]:
    try:
        decision = services.read("decision", decision_id, actor=acting_user(request),
                                 request=request)
    except JudicialDecision.DoesNotExist:
        raise Http404 from None
    out = {name: getattr(decision, name) for name in schemas.JudicialDecisionOut.model_fields
           if hasattr(decision, name)}
    out["appeal_ids"] = list(decision.appeals.values_list("pk", flat=True))
    user = acting_user(request)
    out["cites"] = [{"text": c.text, "key": c.key, "form": c.form, "decision_id": c.cited_id}
                    for c in citations.cites(user, decision)]
    out["cited_by"] = [{"text": c.text, "key": c.key, "form": c.form,
                        "decision_id": c.citing_id} for c in citations.cited_by(user, decision)]
    return out


@router.get("/opinions/{opinion_id}", response=schemas.OpinionOut,
            auth=Permission("library.view"))
def opinion_detail(request: HttpRequest, opinion_id: int) -> ExpertOpinion:
    try:
        return services.read("opinion", opinion_id, actor=acting_user(request),
                             request=request)
    except ExpertOpinion.DoesNotExist:
        raise Http404 from None


@router.get("/guides/{guide_id}", response=schemas.GuideOut, auth=Permission("library.view"))
def guide_detail(request: HttpRequest, guide_id: int) -> InvestigatorGuide:
    try:
        return services.read("guide", guide_id, actor=acting_user(request),
                             request=request)
    except InvestigatorGuide.DoesNotExist:
        raise Http404 from None


def _change_out(change: ProposedChange) -> dict[str, Any]:
    out = {name: getattr(change, name) for name in schemas.ChangeOut.model_fields
           if hasattr(change, name)}
    out["differences"] = [vars(d) for d in review.diff(change)]
    return out


PLURALS = {"decisions": "decision", "opinions": "opinion", "guides": "guide"}


def _kind(plural: str) -> str:
    if plural not in PLURALS:
        raise Http404
    return PLURALS[plural]


@router.post("/{kinds}/{record_id}/changes", response={201: schemas.ChangeOut},
             auth=Permission("library.edit"))
def propose_change(request: HttpRequest, kinds: str, record_id: int,
                   payload: schemas.ChangeIn) -> Status:
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
    return Status(201, _change_out(change))


@router.get("/changes", response=list[schemas.ChangeOut], auth=Permission("library.edit"))
def pending_changes(request: HttpRequest) -> list[dict[str, Any]]:
    return [_change_out(c) for c in review.pending(acting_user(request))]


def _change(request: HttpRequest, change_id: int) -> ProposedChange:
    try:
        return review.get(acting_user(request), change_id)
    except ProposedChange.DoesNotExist:
        raise Http404 from None


@router.get("/changes/{change_id}", response=schemas.ChangeOut,
            auth=Permission("library.edit"))
def change_detail(request: HttpRequest, change_id: int) -> dict[str, Any]:
    return _change_out(_change(request, change_id))


@router.post("/changes/{change_id}/approve", response=schemas.ChangeOut,
             auth=Permission("library.edit"))
def approve_change(request: HttpRequest, change_id: int) -> dict[str, Any]:
    review.approve(_change(request, change_id).pk, actor=acting_user(request),
                   request=request)
    return _change_out(_change(request, change_id))


@router.post("/changes/{change_id}/return", response=schemas.ChangeOut,
             auth=Permission("library.edit"))
def return_change(request: HttpRequest, change_id: int,
                  payload: schemas.ReturnIn) -> dict[str, Any]:
    review.send_back(_change(request, change_id).pk, actor=acting_user(request),
                     reason=payload.reason, request=request)
    return _change_out(_change(request, change_id))


@router.get("/{kinds}/{record_id}/versions", response=list[schemas.VersionOut],
            auth=Permission("library.view"))
def record_versions(request: HttpRequest, kinds: str, record_id: int) -> list[Any]:
    return review.versions(acting_user(request), _kind(kinds), record_id)


def _group(group: analytics.Group) -> dict[str, Any]:
    low, high = group.quartiles
    return {"label": group.label, "count": group.count, "low": group.low,
            "lower_quartile": low, "median": group.median, "upper_quartile": high,
            "high": group.high}


@router.get("/sentences", response=schemas.SentencesOut, auth=Permission("library.view"))
def sentences(request: HttpRequest, charge: str = "", exploitation: str = "") -> dict[str, Any]:
    """Prison sentences (months) for a charge (matched within the charge's text) and/or a
    form of exploitation, by year and by court."""
    found = analytics.distribution(acting_user(request),
                                   charge=charge, exploitation=exploitation)
    return {"charge": found.charge, "exploitation": found.exploitation,
            "count": len(found.sentences), "by_year": [_group(g) for g in found.by_year],
            "by_court": [_group(g) for g in found.by_court],
            "sentences": [vars(s) for s in found.sentences]}
