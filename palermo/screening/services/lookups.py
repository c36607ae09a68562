"""The document and vehicle lists, looked up for a check: the number or VIN read and
each of its easy misreadings."""

from __future__ import annotations

from typing import Any, cast

from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.screening.engine.documents import confusable_variants, normalise, vin_problem
from palermo.screening.models import WatchedDocument, WatchedVehicle
from palermo.screening.services.query import Hit, Query
from palermo.vocab import registry

_DOCUMENT_COLUMNS = ("id", "number", "issuing_state", "kind", "status", "source", "reported_on",
                     "owner_id", "owner")


def _find_documents(numbers: list[str]) -> list[dict[str, Any]]:
    """The listed documents with any of ``numbers``, with their owner's name: one query on
    the index of number. Plain SQL, because building the ORM's query cost several times
    what the database takes to answer it, on every check at the border."""
    documents = WatchedDocument._meta.db_table
    owner_model = cast("type[Model]", WatchedDocument._meta.get_field("owner_agency").related_model)
    owners = owner_model._meta.db_table
    marks = ", ".join(["%s"] * len(numbers))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, d.number, d.issuing_state, d.kind, d.status, d.source, "  # noqa: S608 -- our own tables; values are parameters
            f"d.reported_on, d.owner_agency_id, a.name FROM {documents} d "
            f"JOIN {owners} a ON a.id = d.owner_agency_id WHERE d.number IN ({marks})",
            numbers)
        return [dict(zip(_DOCUMENT_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


def check_documents(number: str, state: str, hits: list[Hit]) -> None:
    number = normalise(number)
    if not number:
        return
    state = state.upper()
    # One query for the number and its misreadings.
    found = _find_documents([number, *confusable_variants(number)])
    exact = [d for d in found if d["number"] == number
             and (not state or d["issuing_state"] == state)]
    near = [d for d in found if d["number"] != number]
    statuses = registry.get("document_statuses")
    for document in exact:
        hits.append(Hit("document", 1.0, _document_record(document), [
            _("Document %(number)s issued by %(state)s is %(status)s.") % {
                "number": document["number"], "state": document["issuing_state"],
                "status": statuses.get(document["status"]).label(get_language() or "en")}],
            _("Hold the document and the traveller; call the owning agency.")))
    for document in near:
        hits.append(Hit("document", 0.8, _document_record(document), [
            _("Near match: %(listed)s differs from %(read)s by one character that is easy "
              "to misread. Check the document by eye.")
            % {"listed": document["number"], "read": number}],
            _("Compare the number on the document with the listed one.")))


def _document_record(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "number": row["number"], "issuing_state": row["issuing_state"],
            "kind": row["kind"], "status": row["status"], "owner": row["owner"],
            "source": row["source"], "reported_on": str(row["reported_on"] or ""),
            "owner_id": row["owner_id"]}


def check_vehicles(query: Query, hits: list[Hit], warnings: list[str]) -> None:
    if not (query.vin or query.plate):
        return  # even an empty queryset is compiled to SQL before Django sees it is empty
    vehicles = WatchedVehicle.objects.select_related("owner_agency")
    rows: QuerySet[WatchedVehicle] = vehicles.none()
    if query.vin:
        vin = normalise(query.vin)
        problem = vin_problem(vin)
        if problem:
            warnings.append(_("VIN: %(problem)s") % {"problem": problem})
        rows = vehicles.filter(Q(vin=vin) | Q(vin__in=confusable_variants(vin)))
    elif query.plate:
        rows = vehicles.filter(plate=normalise(query.plate))
        if query.plate_country:
            rows = rows.filter(plate_country=query.plate_country.upper())
    for vehicle in rows:
        exact = vehicle.vin == normalise(query.vin) or bool(query.plate)
        hits.append(Hit("vehicle", 1.0 if exact else 0.8, {
            "id": vehicle.pk, "vin": vehicle.vin, "plate": vehicle.plate,
            "plate_country": vehicle.plate_country, "make": vehicle.make,
            "model": vehicle.model, "colour": vehicle.colour, "status": vehicle.status,
            "owner": vehicle.owner_agency.name, "owner_id": vehicle.owner_agency_id}, [
            _("Vehicle reported %(status)s.") % {"status": vehicle.status}
            if exact else _("Near match on the VIN: one easily misread character differs.")],
            _("Stop the vehicle; call the owning agency.")))
