"""Award cycles, nominations, scores, the ranking and the archive under /api/v1/awards/: the
same services, so the same rules, as the pages. Attachments are sent through the page. The
answers are the schemas of ``schemas.py``, built from what the services return."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.awards import schemas
from palermo.awards.models import Laureate, Nomination, Score
from palermo.awards.services import cycles, jury, nominations
from palermo.core.api import acting_user
from palermo.guards import Permission

router = Router(tags=["awards"])


@router.get("/cycles", response=list[schemas.CycleOut], auth=Permission("awards.nominate"))
def cycle_list(request: HttpRequest) -> list[Any]:
    return list(cycles.cycles(acting_user(request)))


@router.post("/cycles/{cycle_id}/nominations", response={201: schemas.NominationOut},
             auth=Permission("awards.nominate"))
def nominate(request: HttpRequest, cycle_id: int, payload: schemas.NominationIn
             ) -> Status[Nomination]:
    cycle = get_object_or_404(cycles.cycles(acting_user(request)), pk=cycle_id)
    return Status(201, nominations.submit(cycle, actor=acting_user(request),
                                          request=request, **payload.dict()))


@router.get("/nominations/{nomination_id}", response=schemas.NominationOut,
            auth=Permission("awards.nominate"))
def nomination_detail(request: HttpRequest, nomination_id: int) -> Nomination:
    found = get_object_or_404(nominations.visible(acting_user(request)), pk=nomination_id)
    return nominations.read(found, actor=acting_user(request), request=request)


@router.post("/nominations/{nomination_id}/score", response=schemas.ScoreOut,
             auth=Permission("awards.jury"))
def score(request: HttpRequest, nomination_id: int, payload: schemas.ScoreIn
          ) -> Score:
    found = get_object_or_404(nominations.visible(acting_user(request)), pk=nomination_id)
    return jury.score(found, dict(payload.marks), actor=acting_user(request),
                      comment=payload.comment, request=request)


@router.get("/cycles/{cycle_id}/ranking", response=list[schemas.RankedOut],
            auth=Permission("awards.jury"))
def ranking(request: HttpRequest, cycle_id: int) -> list[jury.Ranked]:
    cycle = get_object_or_404(cycles.cycles(acting_user(request)), pk=cycle_id)
    return jury.ranking(cycle, actor=acting_user(request), request=request)


@router.get("/archive", response=list[schemas.LaureateOut], auth=Permission("awards.nominate"))
def archive(request: HttpRequest) -> list[Laureate]:
    return cycles.archive(acting_user(request), request=request)
