"""Editing with review: a change is proposed, shown with a diff of its fields, published only
when a second editor approves it (never its author), or sent back with a reason; every
published version is kept, and every step is audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit.models import AuditEvent
from palermo.library.models import ChangeState, JudicialDecision, RecordVersion
from palermo.library.services import review
from tests.conftest import sign_in
from tests.library.factories import decision, guide, indexed, opinion

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(user_with: Any) -> Any:
    return user_with("coordinator")


def test_a_change_waits_for_a_second_editor(editor: Any, second: Any) -> None:
    record = decision(editor, summary="Old summary.")
    change = review.propose("decision", record, actor=editor, version=1,
                            fields={"summary": "New summary.", "court": record.court})
    assert change.fields == {"summary": "New summary."}  # only what differs
    assert JudicialDecision.objects.get().summary == "Old summary."
    with pytest.raises(NotAllowed, match="you proposed it"):
        review.approve(change.pk, actor=editor)
    with indexed():
        published = review.approve(change.pk, actor=second)
    assert published.summary == "New summary." and published.version == 2
    change.refresh_from_db()
    assert change.state == ChangeState.APPROVED and change.reviewed_by == second
    with pytest.raises(ServiceError, match="already been reviewed"):
        review.send_back(change.pk, actor=second, reason="late")
    kept = {v.version: v.values["summary"] for v in RecordVersion.objects.filter(
        kind="decision", record_id=record.pk)}
    assert kept == {1: "Old summary.", 2: "New summary."}
    actions = list(AuditEvent.objects.filter(object_type="decision").values_list(
        "action", flat=True).order_by("seq"))
    assert actions[-3:] == ["library.change.propose", "decision.update",
                            "library.change.approve"]


def test_sent_back_with_a_reason_changes_nothing(editor: Any, second: Any) -> None:
    record = opinion(editor)
    change = review.propose("opinion", record, actor=editor, version=1,
                            fields={"subject": "A better subject"})
    with pytest.raises(ServiceError) as caught:
        review.send_back(change.pk, actor=second, reason="  ")
    assert caught.value.field == "reason"
    review.send_back(change.pk, actor=second, reason="The subject was right.")
    change.refresh_from_db()
    assert change.state == ChangeState.RETURNED and change.reason == "The subject was right."
    record.refresh_from_db()
    assert record.subject == "Indicators of forced labour" and record.version == 1
    entry = AuditEvent.objects.get(action="library.change.return")
    assert entry.actor == second and entry.reason == "The subject was right."


def test_bad_or_empty_changes_are_refused(editor: Any, second: Any, reader: Any) -> None:
    record = guide(editor)
    with pytest.raises(ServiceError, match="Nothing was changed"):
        review.propose("guide", record, actor=editor, version=1, fields={"title": record.title})
    with pytest.raises(ServiceError) as caught:
        review.propose("guide", record, actor=editor, version=1, fields={"form": "piracy"})
    assert caught.value.field == "form"
    with pytest.raises(NotAllowed):
        review.propose("guide", record, actor=reader, version=1, fields={"title": "x"})
    first = review.propose("guide", record, actor=editor, version=1, fields={"title": "One"})
    other = review.propose("guide", record, actor=second, version=1, fields={"title": "Two"})
    with indexed():
        review.approve(first.pk, actor=second)
    with pytest.raises(StaleWrite, match="propose it again"):
        review.approve(other.pk, actor=editor)
    other.refresh_from_db()
    assert other.state == ChangeState.PENDING
    record.refresh_from_db()
    assert record.title == "One"


def test_review_pages_propose_diff_approve(editor: Any, second: Any, reader: Any) -> None:
    record = decision(editor, summary="The court convicted.")
    author = sign_in(Client(), editor)
    page = author.get(f"/library/edit/decision/{record.pk}/").content.decode()
    assert 'value="Tel Aviv District Court"' in page
    assert "A | Trafficking in persons | Penal Law s. 377A | convicted" in page
    form = {"country": "ISR", "court": "Tel Aviv District Court",
            "court_level": "first_instance", "legal_system": "mixed",
            "case_number": "12345-06-19", "decision_date": "2021-03-14", "language": "en",
            "charges": "A | Trafficking in persons | Penal Law s. 377A | convicted",
            "exploitation_types": ["ForcedLabour"], "summary": "The court convicted.\r\n",
            "full_text": "The defendants recruited workers by deception and threats.",
            "note": "Completed the text.", "version": "1"}
    response = author.post(f"/library/edit/decision/{record.pk}/", form)
    change = review.pending(editor).get()
    assert response["Location"] == f"/library/changes/{change.pk}/"
    assert sorted(change.fields) == ["full_text"]
    page = author.get(f"/library/changes/{change.pk}/").content.decode()
    assert 'data-testid="own-change"' in page and "Approve and publish" not in page
    assert author.post(f"/library/changes/{change.pk}/", {"action": "approve"}).status_code \
        == 200
    assert JudicialDecision.objects.get().version == 1
    reviewer = sign_in(Client(), second)
    listing = reviewer.get("/library/changes/").content.decode()
    assert f"/library/changes/{change.pk}/" in listing
    page = reviewer.get(f"/library/changes/{change.pk}/").content.decode()
    assert "<del><bdi class=\"pre\">The defendants recruited workers by deception.</bdi>" in page
    assert "by deception and threats.</bdi></ins>" in page
    assert "Completed the text." in page
    with indexed():
        response = reviewer.post(f"/library/changes/{change.pk}/", {"action": "approve"})
    assert response["Location"] == "/library/changes/"
    assert JudicialDecision.objects.get().full_text.endswith("and threats.")
    reading = sign_in(Client(), reader)
    versions = reading.get(f"/library/versions/decision/{record.pk}/").content.decode()
    assert versions.count("<tr><td>") == 2 and "full_text" in versions
    assert reading.get("/library/changes/").status_code == 403


def test_send_back_page_needs_a_reason(editor: Any, second: Any) -> None:
    record = opinion(editor)
    change = review.propose("opinion", record, actor=editor, version=1,
                            fields={"expertise": "Labour law"})
    reviewer = sign_in(Client(), second)
    page = reviewer.post(f"/library/changes/{change.pk}/", {"action": "return"}).content.decode()
    assert "Say why the change is sent back." in page
    response = reviewer.post(f"/library/changes/{change.pk}/",
                             {"action": "return", "reason": "Expertise is unchanged."})
    assert response.status_code == 302
    assert "Expertise is unchanged." in reviewer.get("/library/changes/").content.decode()
    assert reviewer.get("/library/changes/999999/").status_code == 404
    assert reviewer.get("/library/edit/piracy/1/").status_code == 404


def test_api_propose_list_approve_and_versions(editor: Any, second: Any, client: Client,
                                               reader: Any) -> None:
    from tests.access.factories import api_token

    earlier = decision(editor, case_number='ע"פ 1234/05')
    record = decision(editor, case_number="77-01-20")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {api_token(editor)[1]}"}
    other = {"HTTP_AUTHORIZATION": f"Bearer {api_token(second)[1]}"}
    answer = client.post(f"/api/v1/library/decisions/{record.pk}/changes", {
        "version": 1, "fields": {"decision_date": "2020-02-30"}},
        content_type="application/json", **auth)
    assert answer.status_code == 400
    assert answer.json()["error"]["fields"] == {
        "decision_date": ["“2020-02-30” is not a date (YYYY-MM-DD)."]}
    answer = client.post(f"/api/v1/library/decisions/{record.pk}/changes", {
        "version": 1, "note": "Cites the appeal",
        "fields": {"decision_date": "2020-02-03", "previous_decision": earlier.pk,
                   "full_text": 'Following CrimA 1234/05.'}},
        content_type="application/json", **auth)
    assert answer.status_code == 201, answer.content
    change = answer.json()
    assert {d["field"]: d["new"] for d in change["differences"]}["decision_date"] == \
        "2020-02-03"
    assert [c["id"] for c in client.get("/api/v1/library/changes", **other).json()] == [
        change["id"]]
    refused = client.post(f"/api/v1/library/changes/{change['id']}/approve", **auth)
    assert refused.status_code == 403
    with indexed():
        approved = client.post(f"/api/v1/library/changes/{change['id']}/approve", **other)
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    reading = {"HTTP_AUTHORIZATION": f"Bearer {api_token(reader)[1]}"}
    detail = client.get(f"/api/v1/library/decisions/{record.pk}", **reading).json()
    assert detail["previous_decision_id"] == earlier.pk and detail["version"] == 2
    assert detail["cites"] == [{"text": "CrimA 1234/05", "key": "il:1234/05",
                                "form": "israeli", "decision_id": earlier.pk}]
    cited = client.get(f"/api/v1/library/decisions/{earlier.pk}", **reading).json()
    assert [c["decision_id"] for c in cited["cited_by"]] == [record.pk]
    versions = client.get(f"/api/v1/library/decisions/{record.pk}/versions", **reading).json()
    assert [v["version"] for v in versions] == [2, 1]
    assert versions[1]["values"]["decision_date"] == "2021-03-14"
    assert client.get("/api/v1/library/changes", **reading).status_code == 403
    assert client.post(f"/api/v1/library/piracy/{record.pk}/changes", {
        "version": 2, "fields": {}}, content_type="application/json", **auth).status_code == 404
    sent = client.post(f"/api/v1/library/changes/{change['id']}/return",
                       {"reason": "late"}, content_type="application/json", **other)
    assert sent.status_code == 400
