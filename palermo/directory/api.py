"""The partner directory under /api/v1/directory/: the same services, so the same rules
and audit, as the pages. The answers are the schemas of ``schemas.py``, built from the
records the services return."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.core.api import acting_user
from palermo.directory import schemas
from palermo.directory.models import Agreement, Contact, Organisation
from palermo.directory.services import activity, agreements, contacts, exports, organisations
from palermo.guards import Permission

router = Router(tags=["directory"])


def _get(request: HttpRequest, organisation_id: int) -> Organisation:
    return get_object_or_404(organisations.visible(acting_user(request)), pk=organisation_id)


@router.get("/organisations", response=list[schemas.OrganisationOut],
            auth=Permission("directory.view"))
def organisation_list(request: HttpRequest, q: str = "", kind: str = "", country: str = "",
                      service: str = "", exploitation_type: str = "") -> list[Organisation]:
    found = organisations.search(acting_user(request), q=q, kind=kind,
                                 country=country, service=service,
                                 exploitation_type=exploitation_type)
    return list(found[:500])


@router.post("/organisations", response={201: schemas.OrganisationOut},
             auth=Permission("directory.edit"))
def organisation_create(request: HttpRequest, payload: schemas.OrganisationIn
                        ) -> Status[Organisation]:
    return Status(201, organisations.create(actor=acting_user(request), request=request,
                                            **payload.dict()))


@router.get("/organisations/{organisation_id}", response=schemas.OrganisationDetail,
            auth=Permission("directory.view"))
def organisation_detail(request: HttpRequest, organisation_id: int
                        ) -> schemas.OrganisationPage:
    user = acting_user(request)
    organisation = _get(request, organisation_id)
    return schemas.OrganisationPage(
        organisation,
        contacts=organisations.contacts_of(organisation, actor=user, request=request),
        exchange_keys=activity.exchange_keys(organisation, user))


@router.patch("/organisations/{organisation_id}", response=schemas.OrganisationOut,
              auth=Permission("directory.edit"))
def organisation_update(request: HttpRequest, organisation_id: int,
                        payload: schemas.OrganisationUpdate) -> Organisation:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    return organisations.update(_get(request, organisation_id), actor=acting_user(request),
                                version=version, request=request, **fields)


@router.get("/organisations/{organisation_id}/vcard", auth=Permission("directory.view"))
def organisation_vcard(request: HttpRequest, organisation_id: int) -> HttpResponse:
    # A vCard (RFC 6350) is a standard's own document, so it is sent as written, not shaped.
    text = exports.vcard(_get(request, organisation_id), actor=acting_user(request),
                         request=request)
    return HttpResponse(text, content_type="text/vcard; charset=utf-8")


@router.post("/organisations/{organisation_id}/contacts", response={201: schemas.ContactOut},
             auth=Permission("directory.edit"))
def contact_add(request: HttpRequest, organisation_id: int, payload: schemas.ContactIn
                ) -> Status[Contact]:
    return Status(201, contacts.add(_get(request, organisation_id), actor=acting_user(request),
                                    request=request, **payload.dict()))


@router.post("/organisations/{organisation_id}/agreements",
             response={201: schemas.AgreementOut}, auth=Permission("directory.edit"))
def agreement_add(request: HttpRequest, organisation_id: int, payload: schemas.AgreementIn
                  ) -> Status[Agreement]:
    return Status(201, agreements.add(_get(request, organisation_id),
                                      actor=acting_user(request), request=request,
                                      **payload.dict()))


@router.get("/agreements/expiring", response=list[schemas.AgreementOut],
            auth=Permission("directory.view"))
def agreements_expiring(request: HttpRequest) -> list[Agreement]:
    return list(agreements.expiring(acting_user(request)))
