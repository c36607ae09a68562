"""Notices under /api/v1/notices/: the same services, so the same rules, as the pages."""

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.access.permissions import Permission
from palermo.notices import schemas, services
from palermo.notices.models import Notice

router = Router(tags=["notices"])


def _out(notice: Notice) -> dict[str, Any]:
    return {**{name: getattr(notice, name) for name in services.EDITABLE},
            "id": notice.pk, "state": notice.state,
            "issuing_agency": notice.issuing_agency.name, "expires_on": notice.expires_on,
            "version": notice.version}


def _get(request: HttpRequest, notice_id: int) -> Notice:
    return get_object_or_404(services.visible(request.auth), pk=notice_id)  # type: ignore[attr-defined]


@router.get("/", response=list[schemas.NoticeOut], auth=Permission("notices.view"))
def notice_list(request: HttpRequest, colour: str = "", state: str = "") -> list[dict[str, Any]]:
    notices = services.visible(request.auth)  # type: ignore[attr-defined]
    if colour:
        notices = notices.filter(colour=colour)
    if state:
        notices = notices.filter(state=state)
    return [_out(n) for n in notices[:500]]


@router.post("/", response={201: schemas.NoticeOut}, auth=Permission("notices.issue"))
def notice_create(request: HttpRequest, payload: schemas.NoticeIn) -> Status[dict[str, Any]]:
    notice = services.draft(actor=request.auth, request=request,  # type: ignore[attr-defined]
                            **payload.dict())
    return Status(201, _out(notice))


@router.get("/{notice_id}", response=schemas.NoticeOut, auth=Permission("notices.view"))
def notice_detail(request: HttpRequest, notice_id: int) -> dict[str, Any]:
    return _out(_get(request, notice_id))


@router.post("/{notice_id}/submit", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_submit(request: HttpRequest, notice_id: int) -> dict[str, Any]:
    return _out(services.submit(_get(request, notice_id), actor=request.auth,  # type: ignore[attr-defined]
                                request=request))


@router.post("/{notice_id}/review", response=schemas.NoticeOut,
             auth=Permission("notices.review"))
def notice_review(request: HttpRequest, notice_id: int, payload: schemas.ReviewIn
                  ) -> dict[str, Any]:
    return _out(services.review(_get(request, notice_id), payload.checks,
                                actor=request.auth,  # type: ignore[attr-defined]
                                notes=payload.notes, request=request))


@router.post("/{notice_id}/withdraw", response=schemas.NoticeOut,
             auth=Permission("notices.issue"))
def notice_withdraw(request: HttpRequest, notice_id: int, payload: schemas.WithdrawIn
                    ) -> dict[str, Any]:
    return _out(services.withdraw(_get(request, notice_id), actor=request.auth,  # type: ignore[attr-defined]
                                  reason=payload.reason, request=request))
