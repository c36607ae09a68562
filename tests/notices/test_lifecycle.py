"""A notice is drafted, reviewed by someone else against the rules, published onto the
watch list so a border check shows it, and withdrawn off it again."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.notices.models import NoticeState
from palermo.notices.services import lifecycle, photos
from palermo.notices.services import notices as services
from palermo.screening import services as screening
from palermo.screening.models import WatchedPerson
from palermo.vocab import registry
from tests.conftest import sign_in
from tests.notices.factories import ALL_PASS, green

pytestmark = pytest.mark.django_db


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
                          "expires_on": str(notice.expires_on), "photo": None}
    lifecycle.withdraw(notice, actor=people["author"], reason="Sentence quashed on appeal.")
    assert not WatchedPerson.objects.filter(pk=person.pk).exists()
    actions = list(AuditEvent.objects.filter(object_type="notice").order_by("seq")
                   .values_list("action", flat=True))
    # The border check was a detected trip of a green notice's subject.
    assert actions == ["notice.create", "notice.submit", "notice.publish", "notice.trip",
                       "notice.withdraw"]


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
    assert lifecycle.sweep(today=notice.expires_on + dt.timedelta(days=1)) == {
        "expired": 1, "resumed": 0}
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


def test_a_reviewer_takes_a_notice_so_no_one_else_reviews_it(people: dict[str, Any],
                                                             user_with: Any) -> None:
    notice = services.submit(green(people["author"]), actor=people["author"])
    notice = services.start_review(notice, actor=people["reviewer"])
    assert (notice.state, notice.reviewed_by) == (NoticeState.IN_REVIEW, people["reviewer"])
    other = user_with("coordinator")
    with pytest.raises(NotAllowed, match="Another reviewer"):
        services.review(notice, ALL_PASS, actor=other)
    assert services.review(notice, ALL_PASS, actor=people["reviewer"]).state == "published"


def test_suspension_takes_the_subject_off_the_watch_list_until_it_ends(
        people: dict[str, Any]) -> None:
    notice = services.review(services.submit(green(people["author"]), actor=people["author"]),
                             ALL_PASS, actor=people["reviewer"])
    today = dt.date.today()
    with pytest.raises(ServiceError, match="at most six months") as caught:
        lifecycle.suspend(notice, actor=people["author"], until=today + dt.timedelta(days=200),
                          reason="Subject in custody abroad.")
    assert caught.value.field == "until"
    with pytest.raises(ServiceError, match="reason"):
        lifecycle.suspend(notice, actor=people["author"], until=today + dt.timedelta(days=30),
                          reason=" ")
    notice = lifecycle.suspend(notice, actor=people["author"],
                               until=today + dt.timedelta(days=30),
                               reason="Subject in custody abroad.")
    assert notice.state == NoticeState.SUSPENDED and not WatchedPerson.objects.exists()
    assert lifecycle.sweep(today=today + dt.timedelta(days=30)) == {"expired": 0, "resumed": 1}
    notice.refresh_from_db()
    assert notice.state == NoticeState.PUBLISHED and notice.suspended_until is None
    assert WatchedPerson.objects.get(pk=notice.watched_person_id).names == ["Arkadi Gold"]
    reasons = dict(AuditEvent.objects.filter(object_type="notice", action__in=(
        "notice.suspend", "notice.resume")).values_list("action", "reason"))
    assert reasons == {"notice.suspend": "Subject in custody abroad.",
                       "notice.resume": "The suspension ended."}


def test_a_reviewer_cancels_a_notice_that_breaks_the_rules(people: dict[str, Any]) -> None:
    notice = services.review(services.submit(green(people["author"]), actor=people["author"]),
                             ALL_PASS, actor=people["reviewer"])
    with pytest.raises(NotAllowed):
        lifecycle.cancel(notice, actor=people["border"], reason="Political character.")
    notice = lifecycle.cancel(notice, actor=people["reviewer"], reason="Political character.")
    assert notice.state == NoticeState.CANCELLED and not WatchedPerson.objects.exists()
    with pytest.raises(ServiceError, match="already ended"):
        lifecycle.cancel(notice, actor=people["reviewer"], reason="Again.")


def test_renewal_goes_through_a_new_review(people: dict[str, Any]) -> None:
    notice = services.review(services.submit(green(people["author"]), actor=people["author"]),
                             ALL_PASS, actor=people["reviewer"])
    with pytest.raises(ServiceError, match="six months before"):
        lifecycle.request_renewal(notice, actor=people["author"], reason="Still a risk.")
    lifecycle.sweep(today=notice.expires_on + dt.timedelta(days=1))
    notice.refresh_from_db()
    notice = lifecycle.request_renewal(notice, actor=people["author"], reason="Still a risk.")
    assert notice.state == NoticeState.SUBMITTED and notice.renewal_requested
    notice = services.review(notice, ALL_PASS, actor=people["reviewer"])
    assert notice.state == NoticeState.PUBLISHED and not notice.renewal_requested
    assert WatchedPerson.objects.filter(pk=notice.watched_person_id).exists()
    # A published notice near its end is renewed in place, staying in force meanwhile.
    notice.expires_on = dt.date.today() + dt.timedelta(days=30)
    notice.save()
    notice = lifecycle.request_renewal(notice, actor=people["author"], reason="Still a risk.")
    assert notice.state == NoticeState.PUBLISHED and notice.renewal_requested
    assert services.review_queue(people["reviewer"]).filter(pk=notice.pk).exists()
    notice = services.review(notice, ALL_PASS, actor=people["reviewer"])
    assert notice.expires_on > dt.date.today() + dt.timedelta(days=4 * 365)


def test_returned_notice_is_changed_and_resubmitted(people: dict[str, Any]) -> None:
    notice = services.submit(green(people["author"]), actor=people["author"])
    failing = {**ALL_PASS, "not_excessive": False}
    notice = services.review(notice, failing, actor=people["reviewer"],
                             notes="Drop the medical history.")
    assert notice.state == NoticeState.RETURNED
    notice = services.update(notice, actor=people["author"], version=notice.version,
                             reasons="Convicted 2019 of sexual offences against children.")
    assert services.submit(notice, actor=people["author"]).state == NoticeState.SUBMITTED
    assert "notice.update" in AuditEvent.objects.values_list("action", flat=True)


def test_list_filters_and_reading_a_notice_is_audited(people: dict[str, Any]) -> None:
    notice = services.review(services.submit(green(people["author"]), actor=people["author"]),
                             ALL_PASS, actor=people["reviewer"])
    border = sign_in(Client(), people["border"])
    assert "Arkadi Gold" in border.get("/notices/?colour=green&country=ISR").content.decode()
    assert "Arkadi Gold" not in border.get("/notices/?colour=red").content.decode()
    assert "Arkadi Gold" not in border.get("/notices/?expiring=1").content.decode()
    assert border.get(f"/notices/{notice.pk}/").status_code == 200
    read = AuditEvent.objects.get(action="notice.read")
    assert (read.actor_id, read.object_id) == (people["border"].pk, str(notice.pk))
    queue = sign_in(Client(), people["reviewer"]).get("/notices/review/").content.decode()
    assert "Nothing waits for review." in queue


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_subject_photo_is_checked_and_its_viewing_audited(people: dict[str, Any]) -> None:
    notice = green(people["author"])
    author = sign_in(Client(), people["author"])
    with io.BytesIO(b"MZ\x90\x00 not an image") as fake:
        fake.name = "photo.png"
        author.post(f"/notices/{notice.pk}/photo/upload/", {"photo": fake})
    notice.refresh_from_db()
    assert notice.photo is None
    with io.BytesIO(PNG) as real:
        real.name = "photo.png"
        author.post(f"/notices/{notice.pk}/photo/upload/", {"photo": real})
    response = author.get(f"/notices/{notice.pk}/photo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.content == PNG and "no-store" in response["Cache-Control"]
    assert AuditEvent.objects.filter(action="notice.read", detail__photo=True).exists()
    notice.refresh_from_db()
    notice = services.submit(notice, actor=people["author"])
    with pytest.raises(ServiceError, match="before the notice is submitted"):
        photos.set_photo(notice, PNG, actor=people["author"])


def test_a_notice_links_to_a_case_its_author_can_open(people: dict[str, Any],
                                                       user_with: Any) -> None:
    from tests.cases.factories import open_case

    with pytest.raises(ServiceError, match="No case you can open") as caught:
        green(people["author"], case_reference="ISR-2026-99999")
    assert caught.value.field == "case_reference"
    colleague = user_with("investigator", agency=people["author"].agency)
    case = open_case(colleague)
    notice = green(people["author"], case_reference=case.reference.lower())
    assert notice.case_reference == case.reference
    assert services.case_of(notice, people["author"]) == case.pk
    assert services.case_of(notice, people["border"]) is None
    page = sign_in(Client(), people["author"]).get(f"/notices/{notice.pk}/").content.decode()
    assert f'href="/cases/{case.pk}/"' in page
