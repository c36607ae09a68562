"""Documents, notes and users' words in a case reach only those who may see every person they
speak of; a highly restricted case asks why on every path to its persons and documents."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.cases.models import Notification
from palermo.cases.services import cases as case_services
from palermo.cases.services import documents, tasks, timeline
from tests.cases.factories import add_person, demo_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

# Who may read what a document or note says about each person (tests/cases/test_need_to_know
# shows who sees whom): the welfare ministry came in through the adult's referral, the NGO
# through the child's, and the NGO's role may not see a child's identity.
READERS = {
    "adult": {"coordinator", "investigator", "social_worker"},
    "child": {"coordinator", "investigator"},
    "whole": {"coordinator", "investigator"},
}
ROLES = ["coordinator", "investigator", "social_worker", "ngo_case_worker", "border_officer",
         "prosecutor"]


@pytest.fixture
def demo(settings: Any, tmp_path: Any) -> Any:
    settings.DATA_DIR = tmp_path
    demo = demo_case()
    police = demo.users["investigator"]
    demo.documents = {
        "adult": documents.attach(demo.case, "about-adult.txt",
                                  io.BytesIO(b"Statement of DOCCANARYADULT"), actor=police,
                                  concerns=[demo.adult.pk]),
        "child": documents.attach(demo.case, "about-child.txt",
                                  io.BytesIO(b"Statement of DOCCANARYCHILD"), actor=police,
                                  concerns=[demo.child.pk]),
        "whole": documents.attach(demo.case, "whole-case.txt",
                                  io.BytesIO(b"Report DOCCANARYWHOLE"), actor=police),
    }
    timeline.add_note(demo.case, "NOTECANARYADULT met her sister", actor=police,
                      concerns=[demo.adult.pk])
    timeline.add_note(demo.case, "NOTECANARYCHILD was seen begging", actor=police,
                      concerns=[demo.child.pk])
    timeline.add_note(demo.case, "NOTECANARYWHOLE: the farm was raided", actor=police)
    return demo


@pytest.mark.parametrize("role", ROLES)
def test_case_page_lists_documents_and_notes_only_to_their_readers(demo: Any,
                                                                   role: str) -> None:
    client = sign_in(Client(), demo.users[role])
    response = client.get(f"/cases/{demo.case.pk}/")
    html = response.content.decode() if response.status_code == 200 else ""
    for about, readers in READERS.items():
        document = demo.documents[about]
        assert (document.name in html) is (role in readers), (role, about)
        assert (f"NOTECANARY{about.upper()}" in html) is (role in readers), (role, about)


@pytest.mark.parametrize("role", ROLES)
def test_documents_are_served_only_to_their_readers(demo: Any, role: str) -> None:
    client = sign_in(Client(), demo.users[role])
    for about, readers in READERS.items():
        response = client.get(f"/cases/documents/{demo.documents[about].pk}/")
        if role in readers:
            assert response.status_code == 200, (role, about)
            assert f"DOCCANARY{about.upper()}".encode() in b"".join(response.streaming_content)
        else:
            assert response.status_code == 404, (role, about)


def test_a_refused_download_is_audited(demo: Any) -> None:
    client = sign_in(Client(), demo.users["social_worker"])
    client.get(f"/cases/documents/{demo.documents['child'].pk}/")
    assert AuditEvent.objects.filter(action="document.read", outcome="denied",
                                     object_id=str(demo.documents["child"].pk),
                                     actor=demo.users["social_worker"]).exists()


def test_uploader_names_the_persons_on_the_page(demo: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = sign_in(Client(), demo.users["investigator"])
    page = client.get(f"/cases/{demo.case.pk}/").content.decode()
    assert "Whom it concerns" in page and 'name="concerns"' in page
    client.post(f"/cases/{demo.case.pk}/documents/",
                {"file": SimpleUploadedFile("medical.txt", b"MEDICALCANARY"),
                 "concerns": [str(demo.adult.pk)]})
    client.post(f"/cases/{demo.case.pk}/notes/",
                {"text": "NOTEFORMCANARY", "concerns": [str(demo.adult.pk)]})
    welfare = sign_in(Client(), demo.users["social_worker"]).get(f"/cases/{demo.case.pk}/")
    assert "medical.txt" in welfare.content.decode()
    assert "NOTEFORMCANARY" in welfare.content.decode()


def test_a_person_of_another_case_cannot_be_named(demo: Any) -> None:
    from palermo.cases.services.errors import ServiceError
    from tests.cases.factories import open_case

    police = demo.users["investigator"]
    other = add_person(open_case(police, title="Other"), police, "Someone Else")
    with pytest.raises(ServiceError, match="among this case's persons"):
        timeline.add_note(demo.case, "x", actor=police, concerns=[other.pk])


def test_referred_agency_sees_neither_summary_nor_others_tasks(demo: Any) -> None:
    police = demo.users["investigator"]
    case_services.update(demo.case, actor=police, version=demo.case.version,
                         summary="SUMMARYCANARY with everyone's story")
    tasks.create(demo.case, "TASKCANARY interview", actor=police, agency=police.agency)
    welfare = sign_in(Client(), demo.users["social_worker"])
    html = welfare.get(f"/cases/{demo.case.pk}/").content.decode()
    assert "SUMMARYCANARY" not in html and "TASKCANARY" not in html
    api = welfare.get(f"/api/v1/cases/{demo.case.pk}").json()
    assert api["summary"] == ""
    own = sign_in(Client(), police).get(f"/cases/{demo.case.pk}/").content.decode()
    assert "SUMMARYCANARY" in own and "TASKCANARY" in own


def test_words_of_a_whole_case_event_are_not_shown_to_a_referred_agency(demo: Any) -> None:
    police = demo.users["investigator"]
    case = case_services.change_status(demo.case, "closed", actor=police,
                                       version=demo.case.version, reason="convicted",
                                       note="CLOSECANARY all sentenced")
    html = sign_in(Client(), demo.users["social_worker"]).get(f"/cases/{case.pk}/")
    assert "CLOSECANARY" not in html.content.decode()
    assert "CLOSECANARY" in sign_in(Client(), police).get(f"/cases/{case.pk}/").content.decode()


@pytest.fixture
def secret(settings: Any, tmp_path: Any) -> Any:
    settings.DATA_DIR = tmp_path
    demo = demo_case()
    police = demo.users["investigator"]
    demo.documents = {"adult": documents.attach(demo.case, "about-adult.txt",
                                                io.BytesIO(b"Statement"), actor=police)}
    case_services.update(demo.case, actor=police, version=demo.case.version,
                         sensitivity="highly_restricted")
    return demo


def test_person_page_of_a_highly_restricted_case_asks_why_first(secret: Any) -> None:
    client = sign_in(Client(), secret.users["investigator"])
    url = f"/cases/persons/{secret.adult.pk}/"
    first = client.get(url)
    assert first.status_code == 302 and "/reason/" in first["Location"]
    form = client.get(first["Location"]).content.decode()
    assert "Olena" not in form and "Why do you open this case?" in form
    done = client.post(first["Location"], {"reason": "court hearing tomorrow"})
    assert done.status_code == 302 and done["Location"] == url
    assert "Olena Kovalenko" in client.get(url).content.decode()
    read = AuditEvent.objects.filter(action="person.read", actor=secret.users["investigator"],
                                     object_id=str(secret.adult.person_id)).latest("seq")
    assert read.reason == "court hearing tomorrow"
    told = Notification.objects.get(user=secret.users["coordinator"])
    assert "court hearing tomorrow" in told.text


def test_person_api_of_a_highly_restricted_case_asks_why_first(secret: Any) -> None:
    client = sign_in(Client(), secret.users["investigator"])
    refused = client.get(f"/api/v1/cases/persons/{secret.adult.pk}")
    assert refused.status_code == 403 and "Olena" not in refused.content.decode()
    assert "reason" in refused.json()["error"]["message"]
    given = client.get(f"/api/v1/cases/persons/{secret.adult.pk}?reason=extradition+request")
    assert given.status_code == 200 and given.json()["name"] == "Olena Kovalenko"
    read = AuditEvent.objects.filter(action="person.read",
                                     actor=secret.users["investigator"]).latest("seq")
    assert read.reason == "extradition request"


def test_document_of_a_highly_restricted_case_asks_why_first(secret: Any) -> None:
    client = sign_in(Client(), secret.users["investigator"])
    url = f"/cases/documents/{secret.documents['adult'].pk}/"
    first = client.get(url)
    assert first.status_code == 302 and "/reason/" in first["Location"]
    client.post(first["Location"], {"reason": "checking the statement"})
    assert client.get(url).status_code == 200
    read = AuditEvent.objects.filter(action="document.read", outcome="success").latest("seq")
    assert read.reason == "checking the statement"


def test_coordinators_are_told_once_for_the_same_reason(secret: Any) -> None:
    client = sign_in(Client(), secret.users["investigator"])
    for _ in range(3):
        client.get(f"/api/v1/cases/persons/{secret.adult.pk}?reason=same+reason")
    assert Notification.objects.filter(user=secret.users["coordinator"]).count() == 1


def test_reason_page_goes_back_only_to_this_site(secret: Any) -> None:
    client = sign_in(Client(), secret.users["investigator"])
    done = client.post(f"/cases/{secret.case.pk}/reason/?next=https://evil.example/",
                       {"reason": "r"})
    assert done["Location"] == f"/cases/{secret.case.pk}/"


def test_persons_of_a_highly_restricted_case_are_not_proposed_as_duplicates(secret: Any
                                                                           ) -> None:
    from palermo.cases.services import duplicates

    found = duplicates.candidates(secret.users["investigator"], ["Olena Kovalenko"])
    assert [c.name for c in found] == []


def test_search_does_not_answer_by_the_title_of_a_case_one_cannot_open() -> None:
    demo = demo_case()
    outsider = sign_in(Client(), demo.users["border_officer"])
    by_title = outsider.get("/cases/?scope=all&q=sweatshop").content.decode()
    assert demo.case.reference not in by_title
    by_reference = outsider.get(f"/cases/?scope=all&q={demo.case.reference}").content.decode()
    assert demo.case.reference in by_reference
    police = sign_in(Client(), demo.users["investigator"])
    assert demo.case.reference in police.get("/cases/?scope=all&q=sweatshop").content.decode()


def test_statement_about_one_victim_does_not_reach_the_agency_of_another(settings: Any,
                                                                         tmp_path: Any) -> None:
    """As reproduced on the demo data: the NGO took Victim 2; a statement about Victim 1 is
    uploaded, and a note names Victim 1; the NGO sees neither."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from palermo.cases.models import Document

    settings.DATA_DIR = tmp_path
    demo = demo_case()
    police = sign_in(Client(), demo.users["investigator"])
    police.post(f"/cases/{demo.case.pk}/documents/", {
        "file": SimpleUploadedFile("statement.txt", b"Olena Kovalenko, born 1990-04-02"),
        "concerns": [str(demo.adult.pk)]})
    police.post(f"/cases/{demo.case.pk}/notes/", {"text": "Olena Kovalenko named her sister",
                                                  "concerns": [str(demo.adult.pk)]})
    document = Document.objects.get(case=demo.case)
    ngo = sign_in(Client(), demo.users["ngo_case_worker"])
    page = ngo.get(f"/cases/{demo.case.pk}/").content.decode()
    assert "statement.txt" not in page and "Olena" not in page
    assert ngo.get(f"/cases/documents/{document.pk}/").status_code == 404


def test_summary_is_read_and_rewritten_only_by_those_who_may_read_the_whole_case(
        settings: Any, tmp_path: Any) -> None:
    """A liaison officer of an agency taking part may not see the child's identity, so not
    the summary that may speak of the child: not on the page, not in the edit form, and a
    save of the form leaves it as it was."""
    from tests.access.factories import UserFactory

    settings.DATA_DIR = tmp_path
    demo = demo_case()
    police = demo.users["investigator"]
    case = case_services.update(demo.case, actor=police, version=demo.case.version,
                                summary="SUMMARYCANARY about Ionut")
    liaison = UserFactory(roles=["liaison_officer"], agency=police.agency)
    client = sign_in(Client(), liaison)
    assert "SUMMARYCANARY" not in client.get(f"/cases/{case.pk}/").content.decode()
    form = client.get(f"/cases/{case.pk}/edit/").content.decode()
    assert "SUMMARYCANARY" not in form
    client.post(f"/cases/{case.pk}/edit/", {"title": "New title", "sensitivity": "normal",
                                            "version": case.version, "summary": ""})
    case.refresh_from_db()
    assert (case.title, case.summary) == ("New title", "SUMMARYCANARY about Ionut")
