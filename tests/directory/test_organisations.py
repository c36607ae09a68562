"""Organisations are added with checked codes, found by search and filters, changed without
losing someone else's change, and their contacts are audited whenever shown."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit.models import AuditEvent
from palermo.directory.services import contacts, organisations
from tests.conftest import sign_in
from tests.directory.factories import contact, organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("fields", "field"), [
    ({"kind": "club"}, "kind"),
    ({"country": "XX"}, "country"),
    ({"services": ["massage"]}, "services"),
    ({"exploitation_types": ["Unknown"]}, "exploitation_types"),
    ({"email": "not an address"}, "email"),
    ({"website": "ftp://iom.example"}, "website"),
    ({"name": "  "}, "name"),
    ({"agency_id": 999999}, "agency_id"),
    ({"exchange_key_ids": ["nope"]}, "exchange_key_ids"),
    ({"colour": "red"}, "colour"),
])
def test_bad_input_names_the_field(people: dict[str, Any], fields: dict[str, Any],
                                   field: str) -> None:
    with pytest.raises(ServiceError) as caught:
        organisation(people["editor"], **fields)
    assert caught.value.field == field


def test_only_editors_add_and_names_are_unique(people: dict[str, Any]) -> None:
    with pytest.raises(NotAllowed):
        organisation(people["reader"])
    organisation(people["editor"])
    with pytest.raises(ServiceError, match="already") as caught:
        organisation(people["editor"], name="international organization for migration")
    assert caught.value.field == "name"


def test_search_and_filters(people: dict[str, Any]) -> None:
    editor = people["editor"]
    iom = organisation(editor)
    ngo = organisation(editor, name="Harbour Legal Aid", acronym="", kind="ngo",
                       country="ISR", services=["legal_aid"],
                       exploitation_types=["SexualExploitation"], mandate="Legal aid.")
    contact(editor, ngo, name="Dalia Barak")
    reader = people["reader"]
    assert list(organisations.search(reader, q="migration")) == [iom]
    assert list(organisations.search(reader, q="dalia")) == [ngo]
    assert list(organisations.search(reader, kind="ngo")) == [ngo]
    assert list(organisations.search(reader, country="che")) == [iom]
    assert list(organisations.search(reader, service="legal_aid")) == [ngo]
    assert list(organisations.search(reader, exploitation_type="ForcedLabour")) == [iom]
    organisations.update(ngo, actor=editor, version=ngo.version, active=False)
    assert list(organisations.search(reader, kind="ngo")) == []


def test_stale_update_is_refused(people: dict[str, Any]) -> None:
    iom = organisation(people["editor"])
    organisations.update(iom, actor=people["editor"], version=1, mandate="New mandate.")
    with pytest.raises(StaleWrite):
        organisations.update(iom, actor=people["editor"], version=1, mandate="Older edit.")
    iom.refresh_from_db()
    assert (iom.mandate, iom.version) == ("New mandate.", 2)


def test_contact_checks(people: dict[str, Any]) -> None:
    iom = organisation(people["editor"])
    with pytest.raises(ServiceError) as caught:
        contact(people["editor"], iom, email="maya at iom")
    assert caught.value.field == "email"
    with pytest.raises(ServiceError) as caught:
        contact(people["editor"], iom, phone="call the desk")
    assert caught.value.field == "phone"
    maya = contact(people["editor"], iom)
    maya_id = maya.pk
    contacts.remove(maya, actor=people["editor"])
    assert not iom.contacts.exists()
    assert AuditEvent.objects.filter(action="contact.delete", object_id=str(maya_id)).exists()


def test_page_shows_contacts_and_audits_each_read(people: dict[str, Any]) -> None:
    iom = organisation(people["editor"])
    maya = contact(people["editor"], iom)
    client = sign_in(Client(), people["reader"])
    page = client.get(f"/directory/{iom.pk}/")
    assert page.status_code == 200
    assert "maya@iom.example" in page.content.decode()
    read = AuditEvent.objects.get(action="contact.read")
    assert (read.object_id, read.actor_id) == (str(maya.pk), people["reader"].pk)


def test_form_errors_name_the_field(people: dict[str, Any]) -> None:
    client = sign_in(Client(), people["editor"])
    response = client.post("/directory/new/", {"name": "Eurojust", "kind": "international_body",
                                               "email": "nobody"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    response = client.post("/directory/new/", {"name": "Eurojust", "kind": "international_body",
                                               "country": "NLD", "active": "on"})
    assert response.status_code == 302


def test_api(people: dict[str, Any]) -> None:
    client = sign_in(Client(), people["editor"])
    created = client.post("/api/v1/directory/organisations", {
        "name": "Europol", "kind": "international_body", "country": "NLD"},
        content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    bad = client.patch(f"/api/v1/directory/organisations/{body['id']}",
                       {"version": body["version"], "country": "ZZZ"},
                       content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["error"]["fields"] == {"country": [
        "Give the country as its three-letter ISO code."]}
    added = client.post(f"/api/v1/directory/organisations/{body['id']}/contacts",
                        {"name": "Jan de Vries", "role": "Liaison"},
                        content_type="application/json")
    assert added.status_code == 201
    detail = client.get(f"/api/v1/directory/organisations/{body['id']}").json()
    assert [c["name"] for c in detail["contacts"]] == ["Jan de Vries"]
    listed = client.get("/api/v1/directory/organisations?country=NLD").json()
    assert [o["name"] for o in listed] == ["Europol"]
    reader = sign_in(Client(), people["reader"])
    assert reader.post("/api/v1/directory/organisations", {"name": "X", "kind": "ngo"},
                       content_type="application/json").status_code == 403
