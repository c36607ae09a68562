"""POST /api/v1/screening/check: the public contract of frontline screening."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.errors import ValidationError

from palermo.access.permissions import Permission
from palermo.access.services.errors import ServiceError
from palermo.screening import schemas, services

router = Router(tags=["screening"])


def to_query(payload: schemas.CheckIn) -> services.Query:
    query = services.interpret(payload.q) if payload.q.strip() else services.Query()
    query.mrz = payload.mrz or query.mrz
    if payload.document:
        query.document_number = payload.document.number
        query.issuing_state = payload.document.issuing_state
    if payload.vehicle:
        query.vin, query.plate = payload.vehicle.vin, payload.vehicle.plate
        query.plate_country = payload.vehicle.country
    if payload.person:
        try:
            birth = services.birth_date(payload.person.birth_date)
        except ServiceError as exc:  # a malformed field, as pydantic's own refusals: 422
            raise ValidationError([{"loc": ("body", "person", "birth_date"),
                                    "msg": exc.message}]) from None
        query.name, query.birth_date = payload.person.name, birth
        query.nationality, query.sex = payload.person.nationality, payload.person.sex
    return query


@router.post("/check", response=schemas.CheckOut, auth=Permission("screening.check"))
def check(request: HttpRequest, payload: schemas.CheckIn) -> dict[str, Any]:
    result = services.check(request.auth, to_query(payload),  # type: ignore[attr-defined]
                            post=payload.post, reason=payload.reason, request=request)
    return {"hits": [hit.__dict__ for hit in result.hits], "mrz": result.mrz,
            "warnings": result.warnings, "took_ms": result.took_ms}
