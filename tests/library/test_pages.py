"""The library in the browser and through the API: search with facets and snippets, a
decision right to left, the two-step upload, and the JSON API."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.library.models import JudicialDecision
from tests.access.factories import api_token
from tests.conftest import sign_in
from tests.library.documents import docx
from tests.library.factories import decision, guide, indexed, opinion

pytestmark = pytest.mark.django_db


def test_search_page_with_facets_and_snippets(editor: Any, reader: Any) -> None:
    he = decision(editor, language="he", full_text="בית המשפט: והסחר בבני אדם נמשך שנים.")
    decision(editor, country="MDA", full_text="Trafficking <b>for</b> forced labour.")
    client = sign_in(Client(), reader)
    page = client.get("/library/", {"q": "סחר"}).content.decode()
    assert "<mark>והסחר</mark>" in page
    assert f"/library/decisions/{he.pk}/" in page
    assert 'data-testid="facet-country-ISR">1<' in page
    page = client.get("/library/", {"country": "MDA"}).content.decode()
    assert 'data-testid="result-count">1 result' in page
    assert "Trafficking &lt;b&gt;for&lt;/b&gt;" in page
    assert 'data-testid="active-filter"' in page
    assert client.get("/library/", {"q": "x", "sort": "sideways", "page": "abc"}).status_code == 200


def test_decision_page_is_right_to_left_for_hebrew(editor: Any, reader: Any) -> None:
    record = decision(editor, language="he", parties="מדינת ישראל נ' פלוני; המתלוננת: א.ב.",
                      full_text="הנאשם הורשע.")
    english = decision(editor, previous_decision=record, people_summary={
        "victims": {"sex": ["F"], "age_group": "child", "nationalities": ["MDA"]}})
    client = sign_in(Client(), reader)
    page = client.get(f"/library/decisions/{record.pk}/").content.decode()
    assert 'lang="he" dir="rtl"' in page and "הנאשם הורשע." in page
    assert f"/library/decisions/{english.pk}/" in page  # appealed in
    page = client.get(f"/library/decisions/{english.pk}/").content.decode()
    assert 'dir="ltr"' in page and "Penal Law s. 377A" in page
    assert "F · Child (under 18) · Moldova" in page
    assert client.get("/library/decisions/999999/").status_code == 404


def test_opinion_and_guide_pages(editor: Any, reader: Any) -> None:
    op = opinion(editor, language="ar", full_text="مصادرة جوازات السفر مؤشر قوي")
    gd = guide(editor)
    client = sign_in(Client(), reader)
    assert 'dir="rtl"' in client.get(f"/library/opinions/{op.pk}/").content.decode()
    assert "Start with the payroll." in client.get(f"/library/guides/{gd.pk}/").content.decode()


def test_upload_fills_the_form_then_saves_on_confirmation(editor: Any, reader: Any) -> None:
    client = sign_in(Client(), editor)
    data = docx(["Tel Aviv District Court", "Case No. 4411-02-20",
                 "Judgment given on 2 March 2021: the defendant trafficked the workers."])
    response = client.post("/library/add/decision/", {
        "file": SimpleUploadedFile("judgment.docx", data), "country": "ISR"})
    page = response.content.decode()
    assert response.status_code == 200 and not JudicialDecision.objects.exists()
    assert 'value="Case No. 4411-02-20"' in page and 'value="2021-03-02"' in page
    assert 'value="judgment.docx"' in page and "trafficked the workers" in page
    with indexed():
        response = client.post("/library/add/decision/", {
            "country": "ISR", "court": "Tel Aviv District Court", "language": "en",
            "case_number": "Case No. 4411-02-20", "decision_date": "2021-03-02",
            "charges": "A | Trafficking | Penal Law 377A | convicted",
            "sentences": "A | 96 | 10000 | 50000", "exploitation_types": ["ForcedLabour"],
            "full_text": "the defendant trafficked the workers", "source_file": "judgment.docx"})
    saved = JudicialDecision.objects.get()
    assert response["Location"] == f"/library/decisions/{saved.pk}/"
    assert saved.sentences == [{"defendant": "A", "prison_months": 96.0, "fine": 10000.0,
                                "compensation": 50000.0}]
    assert saved.source_file == "judgment.docx"
    reader_client = sign_in(Client(), reader)
    assert "<mark>trafficked</mark>" in reader_client.get(
        "/library/", {"q": "trafficking"}).content.decode()


def test_upload_errors_name_the_file(editor: Any) -> None:
    client = sign_in(Client(), editor)
    page = client.post("/library/add/decision/", {
        "file": SimpleUploadedFile("broken.pdf", b"%PDF-1.4 rubbish")}).content.decode()
    assert "broken.pdf: not a readable PDF" in page
    page = client.post("/library/add/decision/", {
        "country": "ISR", "court": "C", "charges": "A | B | C | guiltyish"}).content.decode()
    assert "Line 1: “guiltyish” is not a verdict code." in page
    assert not JudicialDecision.objects.exists()


def test_readers_cannot_add(reader: Any) -> None:
    client = sign_in(Client(), reader)
    assert client.get("/library/add/decision/").status_code == 403


def test_api_search_and_decision(editor: Any, reader: Any, client: Client) -> None:
    record = decision(editor, language="ru", country="RUS",
                      full_text="Суд признал подсудимого виновным в торговле людьми.")
    decision(editor, full_text="Unrelated English text.")
    _t, token = api_token(reader)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    answer = client.get("/api/v1/library/search", {"q": "торговля", "country": "RUS"}, **auth)
    body = answer.json()
    assert answer.status_code == 200 and body["total"] == 1
    assert body["hits"][0]["id"] == record.pk and "<mark>торговле</mark>" in \
        body["hits"][0]["snippet"]
    assert {"value": "ru", "count": 1} in body["facets"]["language"]
    detail = client.get(f"/api/v1/library/decisions/{record.pk}", **auth).json()
    assert detail["country"] == "RUS" and detail["charges"][0]["verdict"] == "convicted"
    assert client.get("/api/v1/library/decisions/999999", **auth).status_code == 404
    bad = client.get("/api/v1/library/search", {"sort": "sideways"}, **auth)
    assert bad.status_code == 400 and bad.json()["error"]["fields"] == {
        "sort": ["Sort by relevance, newest or oldest."]}
    assert AuditEvent.objects.filter(action="decision.read", actor=reader).count() == 1
    op, gd = opinion(editor), guide(editor)
    assert client.get(f"/api/v1/library/opinions/{op.pk}", **auth).json()["author"] == \
        "Dr. R. Levi"
    assert client.get(f"/api/v1/library/guides/{gd.pk}", **auth).json()["form"] == \
        "forced_labour"
    assert client.get("/api/v1/library/guides/999999", **auth).status_code == 404
