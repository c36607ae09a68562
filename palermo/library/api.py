"""The library under /api/v1/library/: search with facets; reading a decision, an opinion or
a guide (each read audited)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema

from palermo.access.permissions import Permission
from palermo.library import schemas, services
from palermo.library.engine.backend import FACETS, SearchRequest
from palermo.library.models import ExpertOpinion, InvestigatorGuide, JudicialDecision

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
    found = services.search(request.auth, SearchRequest(  # type: ignore[attr-defined]
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


@router.get("/decisions/{decision_id}", response=schemas.DecisionOut,
            auth=Permission("library.view"))
def decision_detail(request: HttpRequest, decision_id: int) -> dict[str, Any]:
    try:
        decision = services.read("decision", decision_id, actor=request.auth,  # type: ignore[attr-defined]
                                 request=request)
    except JudicialDecision.DoesNotExist:
        raise Http404 from None
    out = {name: getattr(decision, name) for name in schemas.DecisionOut.model_fields
           if hasattr(decision, name)}
    out["appeal_ids"] = list(decision.appeals.values_list("pk", flat=True))
    return out


@router.get("/opinions/{opinion_id}", response=schemas.OpinionOut,
            auth=Permission("library.view"))
def opinion_detail(request: HttpRequest, opinion_id: int) -> ExpertOpinion:
    try:
        return services.read("opinion", opinion_id, actor=request.auth,  # type: ignore[attr-defined]
                             request=request)
    except ExpertOpinion.DoesNotExist:
        raise Http404 from None


@router.get("/guides/{guide_id}", response=schemas.GuideOut, auth=Permission("library.view"))
def guide_detail(request: HttpRequest, guide_id: int) -> InvestigatorGuide:
    try:
        return services.read("guide", guide_id, actor=request.auth,  # type: ignore[attr-defined]
                             request=request)
    except InvestigatorGuide.DoesNotExist:
        raise Http404 from None
