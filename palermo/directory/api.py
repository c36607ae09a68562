"""The partner directory under /api/v1/directory/: the same services, so the same rules
and audit, as the pages."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.access.permissions import Permission
from palermo.core.api import acting_user
from palermo.directory import schemas
from palermo.directory.models import Agreement, Contact, Organisation
from palermo.directory.services import activity, agreements, contacts, exports, organisations

router = Router(tags=["directory"])


def _out(organisation: Organisation) -> dict[str, Any]:
    return {**{name: getattr(organisation, name) for name in organisations.FIELDS},
            "id": organisation.pk, "version": organisation.version}


def _contact(contact: Contact) -> dict[str, Any]:
    return {**{name: getattr(contact, name) for name in contacts.FIELDS},
            "id": contact.pk, "organisation_id": contact.organisation_id}


def _agreement(agreement: Agreement) -> dict[str, Any]:
    return {**{name: getattr(agreement, name) for name in agreements.FIELDS},
            "id": agreement.pk, "organisation_id": agreement.organisation_id}


def _get(request: HttpRequest, organisation_id: int) -> Organisation:
    return get_object_or_404(organisations.visible(acting_user(request)), pk=organisation_id)


@router.get("/organisations", response=list[schemas.OrganisationOut],
            auth=Permission("directory.view"))
def organisation_list(request: HttpRequest, q: str = "", kind: str = "", country: str = "",
                      service: str = "", exploitation_type: str = "") -> list[dict[str, Any]]:
    found = organisations.search(acting_user(request), q=q, kind=kind,
                                 country=country, service=service,
                                 exploitation_type=exploitation_type)
    return [_out(o) for o in found[:500]]


@router.post("/organisations", response={201: schemas.OrganisationOut},
             auth=Permission("directory.edit"))
def organisation_create(request: HttpRequest, payload: schemas.OrganisationIn
                        ) -> Status[dict[str, Any]]:
    organisation = organisations.create(actor=acting_user(request), request=request,
                                        **payload.dict())
    return Status(201, _out(organisation))


@router.get("/organisations/{organisation_id}", response=schemas.OrganisationDetail,
            auth=Permission("directory.view"))
def organisation_detail(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    user = acting_user(request)
    organisation = _get(request, organisation_id)
    return {**_out(organisation),
            "contacts": [_contact(c) for c in organisations.contacts_of(
                organisation, actor=user, request=request)],
            "agreements": [_agreement(a) for a in organisation.agreements.all()],
            "exchange_keys": [k.__dict__ for k in activity.exchange_keys(organisation, user)]}


@router.patch("/organisations/{organisation_id}", response=schemas.OrganisationOut,
              auth=Permission("directory.edit"))
def organisation_update(request: HttpRequest, organisation_id: int,
                        payload: schemas.OrganisationUpdate) -> dict[str, Any]:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    return _out(organisations.update(_get(request, organisation_id),
                                     actor=acting_user(request),
                                     version=version, request=request, **fields))


@router.get("/organisations/{organisation_id}/vcard", auth=Permission("directory.view"))
def organisation_vcard(request: HttpRequest, organisation_id: int) -> HttpResponse:
    text = exports.vcard(_get(request, organisation_id), actor=acting_user(request),
                         request=request)
    return HttpResponse(text, content_type="text/vcard; charset=utf-8")


@router.post("/organisations/{organisation_id}/contacts", response={201: schemas.ContactOut},
             auth=Permission("directory.edit"))
def contact_add(request: HttpRequest, organisation_id: int, payload: schemas.ContactIn
                ) -> Status[dict[str, Any]]:
    contact = contacts.add(_get(request, organisation_id), actor=acting_user(request),
                           request=request, **payload.dict())
    return Status(201, _contact(contact))


@router.post("/organisations/{organisation_id}/agreements",
             response={201: schemas.AgreementOut}, auth=Permission("directory.edit"))
def agreement_add(request: HttpRequest, organisation_id: int, payload: schemas.AgreementIn
                  ) -> Status[dict[str, Any]]:
    agreement = agreements.add(_get(request, organisation_id), actor=acting_user(request),
                               request=request, **payload.dict())
    return Status(201, _agreement(agreement))


@router.get("/agreements/expiring", response=list[schemas.AgreementOut],
            auth=Permission("directory.view"))
def agreements_expiring(request: HttpRequest) -> list[dict[str, Any]]:
    return [_agreement(a) for a in agreements.expiring(acting_user(request))]
