from typing import Any

from ninja import Field, Schema

from palermo.web.limits import NOTE


class TravelDocumentIn(Schema):
    number: str = Field(max_length=64)
    issuing_state: str = Field("", max_length=3)


class VehicleIn(Schema):
    # As typed at the border: spaces and dashes are dropped before matching.
    vin: str = Field("", max_length=64)
    plate: str = Field("", max_length=32)
    country: str = Field("", max_length=3)


class TravellerIn(Schema):
    name: str = Field(max_length=300)
    birth_date: str | None = Field(None, max_length=32)
    nationality: str | None = Field(None, max_length=64)
    sex: str | None = Field(None, max_length=16)


class CheckIn(Schema):
    q: str = Field("", max_length=1000)  # one free field, as the border page sends it
    mrz: str = Field("", max_length=300)  # two or three lines of 30 to 44 characters
    document: TravelDocumentIn | None = None
    vehicle: VehicleIn | None = None
    person: TravellerIn | None = None
    post: str = Field("", max_length=100)
    reason: str = Field("", max_length=NOTE)


class CheckHitOut(Schema):
    kind: str
    score: float
    record: dict[str, Any]
    explanation: list[str]
    action: str
    notice: dict[str, Any] | None


class CheckOut(Schema):
    hits: list[CheckHitOut]
    mrz: dict[str, Any] | None
    warnings: list[str]
    took_ms: float
