"""Award cycles, nominations, scores, the ranking and the archive under /api/v1/awards/: the
same services, so the same rules, as the pages. Attachments are sent through the page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.access.permissions import Permission
from palermo.awards import schemas
from palermo.awards.models import Nomination
from palermo.awards.services import cycles, jury, nominations
from palermo.core.api import acting_user

router = Router(tags=["awards"])


@router.get("/cycles", response=list[schemas.CycleOut], auth=Permission("awards.nominate"))
def cycle_list(request: HttpRequest) -> list[Any]:
    return list(cycles.cycles(acting_user(request)))


def _out(nomination: Nomination) -> dict[str, Any]:
    return {"id": nomination.pk, "cycle_id": nomination.cycle_id,
            "nominee_name": nomination.nominee_name,
            "nominee_organisation": nomination.nominee_organisation,
            "nominee_email": nomination.nominee_email,
            "achievements": nomination.achievements,
            "nominating_agency": nomination.nominating_agency.name,
            "eligible": nomination.eligible,
            "attachments": [a.name for a in nomination.attachments.all()]}


@router.post("/cycles/{cycle_id}/nominations", response={201: schemas.NominationOut},
             auth=Permission("awards.nominate"))
def nominate(request: HttpRequest, cycle_id: int, payload: schemas.NominationIn
             ) -> Status[dict[str, Any]]:
    cycle = get_object_or_404(cycles.cycles(acting_user(request)), pk=cycle_id)
    nomination = nominations.submit(cycle, actor=acting_user(request),
                                    request=request, **payload.dict())
    return Status(201, _out(nomination))


@router.get("/nominations/{nomination_id}", response=schemas.NominationOut,
            auth=Permission("awards.nominate"))
def nomination_detail(request: HttpRequest, nomination_id: int) -> dict[str, Any]:
    found = get_object_or_404(nominations.visible(acting_user(request)), pk=nomination_id)
    return _out(nominations.read(found, actor=acting_user(request),
                                 request=request))


@router.post("/nominations/{nomination_id}/score", response=schemas.ScoreOut,
             auth=Permission("awards.jury"))
def score(request: HttpRequest, nomination_id: int, payload: schemas.ScoreIn
          ) -> dict[str, Any]:
    found = get_object_or_404(nominations.visible(acting_user(request)), pk=nomination_id)
    made = jury.score(found, dict(payload.marks), actor=acting_user(request),
                      comment=payload.comment, request=request)
    return {"nomination_id": found.pk, "marks": made.marks, "total": made.total}


@router.get("/cycles/{cycle_id}/ranking", response=list[schemas.RankedOut],
            auth=Permission("awards.jury"))
def ranking(request: HttpRequest, cycle_id: int) -> list[dict[str, Any]]:
    cycle = get_object_or_404(cycles.cycles(acting_user(request)), pk=cycle_id)
    return [{"nomination_id": r.nomination.pk, "nominee_name": r.nomination.nominee_name,
             "mean": r.mean, "scores": r.scores, "conflicts": r.conflicts,
             "laureate": r.laureate}
            for r in jury.ranking(cycle, actor=acting_user(request), request=request)]


@router.get("/archive", response=list[schemas.LaureateOut], auth=Permission("awards.nominate"))
def archive(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"year": laureate.nomination.cycle.year,
             "nominee_name": laureate.nomination.nominee_name,
             "nominee_organisation": laureate.nomination.nominee_organisation,
             "citation": laureate.citation}
            for laureate in cycles.archive(acting_user(request), request=request)]
