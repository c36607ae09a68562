from typing import Any

from ninja import Schema


class DocumentIn(Schema):
    number: str
    issuing_state: str = ""


class VehicleIn(Schema):
    vin: str = ""
    plate: str = ""
    country: str = ""


class PersonIn(Schema):
    name: str
    birth_date: str | None = None
    nationality: str | None = None
    sex: str | None = None


class CheckIn(Schema):
    q: str = ""  # one free field, as the border page sends it
    mrz: str = ""
    document: DocumentIn | None = None
    vehicle: VehicleIn | None = None
    person: PersonIn | None = None
    post: str = ""
    reason: str = ""


class HitOut(Schema):
    kind: str
    score: float
    record: dict[str, Any]
    explanation: list[str]
    action: str
    notice: dict[str, Any] | None


class CheckOut(Schema):
    hits: list[HitOut]
    mrz: dict[str, Any] | None
    warnings: list[str]
    took_ms: float
