"""A notice is drafted, reviewed by someone else against the rules, published onto the
watch list so a border check shows it, and withdrawn off it again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.notices import services
from palermo.notices.models import NoticeState
from palermo.screening import services as screening
from palermo.screening.models import WatchedPerson
from palermo.vocab import registry
from tests.access.factories import AgencyFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

ALL_PASS = {t.code: True for t in registry.get("notice_review_checks")}


@pytest.fixture
def people(user_with: Any) -> dict[str, Any]:
    police = AgencyFactory(name="Police")
    # A liaison officer may both issue and review: the rule against self-review must bite.
    return {"author": user_with("liaison_officer", agency=police),
            "reviewer": user_with("coordinator", agency=AgencyFactory(name="NCB",
                                                                      kind="coordinator")),
            "border": user_with("border_officer", agency=AgencyFactory(name="Border",
                                                                       kind="border"))}


def green(author: Any) -> Any:
    return services.draft(actor=author, colour="green", subject_names=["Arkadi Gold"],
                          birth_date=dt.date(1968, 8, 8), nationalities=["ISR"],
                          reasons="Convicted of sexual offences against children, 2019.",
                          legal_basis="Tel Aviv District Court judgment 1234-05-18",
                          requested_action="Inform the issuing agency of any trip.")


def test_publication_puts_the_subject_on_the_watch_list(people: dict[str, Any]) -> None:
    notice = services.submit(green(people["author"]), actor=people["author"])
    with pytest.raises(NotAllowed, match="someone other than its author"):
        services.review(notice, ALL_PASS, actor=people["author"])
    notice = services.review(notice, ALL_PASS, actor=people["reviewer"])
    assert notice.state == NoticeState.PUBLISHED
    assert notice.expires_on is not None
    person = WatchedPerson.objects.get(pk=notice.watched_person_id)
    assert (person.reason, person.names) == ("sex_offender", ["Arkadi Gold"])
    result = screening.check(people["border"], screening.Query(name="Arkadi Gold",
                                                               birth_date="1968-08-08"))
    (hit,) = result.hits
    assert hit.notice == {"id": notice.pk, "colour": "green", "issuing_agency": "Police",
                          "requested_action": "Inform the issuing agency of any trip.",
                          "expires_on": str(notice.expires_on)}
    services.withdraw(notice, actor=people["author"], reason="Sentence quashed on appeal.")
    assert not WatchedPerson.objects.filter(pk=person.pk).exists()
    actions = list(AuditEvent.objects.filter(object_type="notice").order_by("seq")
                   .values_list("action", flat=True))
    assert actions == ["notice.create", "notice.submit", "notice.publish", "notice.withdraw"]


def test_incomplete_notice_cannot_be_submitted(people: dict[str, Any]) -> None:
    red = services.draft(actor=people["author"], colour="red", subject_names=["Dmitri Volkov"])
    with pytest.raises(ServiceError, match="still needs") as caught:
        services.submit(red, actor=people["author"])
    assert caught.value.field == "birth_date"


def test_red_notice_below_the_penalty_threshold_is_returned(people: dict[str, Any]) -> None:
    red = services.draft(actor=people["author"], colour="red", subject_names=["Dmitri Volkov"],
                         birth_date=dt.date(1979, 2, 11), charges="Trafficking in persons",
                         legal_basis="Arrest warrant 77/2026", penalty_months=12)
    red = services.submit(red, actor=people["author"])
    with pytest.raises(ServiceError, match="what the author must change"):
        services.review(red, ALL_PASS, actor=people["reviewer"])
    red = services.review(red, ALL_PASS, actor=people["reviewer"],
                          notes="The offence as charged carries 12 months; red needs 24.")
    assert red.state == NoticeState.RETURNED
    assert red.review["penalty_threshold"]["passed"] is False
    assert red.watched_person_id is None


def test_every_notice_type_maps_to_a_watch_reason() -> None:
    reasons = registry.get("watch_reasons")
    for kind in registry.get("notice_types"):
        assert kind.extra["watch_reason"] in reasons


def test_expired_notices_leave_the_watch_list(people: dict[str, Any]) -> None:
    notice = services.review(services.submit(green(people["author"]), actor=people["author"]),
                             ALL_PASS, actor=people["reviewer"])
    assert services.expire_due(today=notice.expires_on + dt.timedelta(days=1)) == 1
    notice.refresh_from_db()
    assert notice.state == NoticeState.EXPIRED
    assert not WatchedPerson.objects.exists()


def test_pages_draft_submit_and_review(people: dict[str, Any]) -> None:
    author = sign_in(Client(), people["author"])
    response = author.post("/notices/new/", {
        "colour": "green", "subject_names": "Arkadi Gold", "birth_date": "1968-08-08",
        "reasons": "Convicted 2019.", "legal_basis": "Judgment 1234-05-18"})
    notice_id = int(response["Location"].rstrip("/").split("/")[-1])
    author.post(f"/notices/{notice_id}/step/", {"step": "submit"})
    reviewer = sign_in(Client(), people["reviewer"])
    form = {"step": "review", **{f"check_{code}": "yes" for code in ALL_PASS}}
    reviewer.post(f"/notices/{notice_id}/step/", form)
    page = reviewer.get(f"/notices/{notice_id}/").content.decode()
    assert "published" in page
    border = sign_in(Client(), people["border"])
    assert "Arkadi Gold" in border.get("/notices/").content.decode()


def test_api_follows_the_same_rules(people: dict[str, Any], client: Client) -> None:
    from tests.access.factories import api_token

    _t, author = api_token(people["author"])
    _t, reviewer = api_token(people["reviewer"])
    created = client.post("/api/v1/notices/", {
        "colour": "green", "subject_names": ["Arkadi Gold"], "birth_date": "1968-08-08",
        "reasons": "Convicted 2019.", "legal_basis": "Judgment 1234-05-18"},
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {author}")
    assert created.status_code == 201 and created.json()["state"] == "draft"
    notice_id = created.json()["id"]
    client.post(f"/api/v1/notices/{notice_id}/submit", HTTP_AUTHORIZATION=f"Bearer {author}")
    self_review = client.post(f"/api/v1/notices/{notice_id}/review", {"checks": ALL_PASS},
                              content_type="application/json",
                              HTTP_AUTHORIZATION=f"Bearer {author}")
    assert self_review.status_code == 403
    published = client.post(f"/api/v1/notices/{notice_id}/review", {"checks": ALL_PASS},
                            content_type="application/json",
                            HTTP_AUTHORIZATION=f"Bearer {reviewer}")
    assert published.json()["state"] == "published"
    bad = client.post("/api/v1/notices/", {"colour": "pink"}, content_type="application/json",
                      HTTP_AUTHORIZATION=f"Bearer {author}")
    assert bad.status_code == 400 and bad.json()["error"]["fields"] == {
        "colour": ["Choose a notice type."]}
