"""A year's cycle: the call, eligibility, the jury's conflicts and scores, the chair's
laureates and the archive; every nominee read is audited."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.utils import timezone

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.awards.models import Cycle
from palermo.awards.services import cycles, jury, nominations
from tests.awards.factories import ALL_ELIGIBLE, GOOD_MARKS, cycle, nomination

pytestmark = pytest.mark.django_db


def _in_jury(people: dict[str, Any]) -> tuple[Cycle, Any]:
    at = cycle(people["manager"], chair=people["chair"], jurors=(people["juror"],))
    nominated = nomination(at, people["nominator"])
    at = cycles.close_call(at, actor=people["manager"])
    nominated = nominations.check_eligibility(nominated, ALL_ELIGIBLE,
                                              actor=people["manager"])
    return at, nominated


def test_bad_cycles_and_nominations_name_the_field(people: dict[str, Any]) -> None:
    manager, nominator = people["manager"], people["nominator"]
    with pytest.raises(ServiceError) as caught:
        cycle(manager, year=1990)
    assert caught.value.field == "year"
    with pytest.raises(NotAllowed):
        cycle(nominator)
    at = cycle(manager)
    with pytest.raises(ServiceError) as caught:
        cycle(manager)
    assert caught.value.field == "year"
    with pytest.raises(ServiceError) as caught:
        nomination(at, nominator, name=" ")
    assert caught.value.field == "nominee_name"
    with pytest.raises(ServiceError) as caught:
        nomination(at, nominator, nominee_email="nope")
    assert caught.value.field == "nominee_email"
    with pytest.raises(ServiceError) as caught:
        nomination(at, nominator, attachments=[("letter.pdf", io.BytesIO(b"MZ binary"))])
    assert caught.value.field == "attachments"
    assert not at.nominations.exists()  # all or nothing
    with pytest.raises(ServiceError) as caught:
        cycles.close_call(at, actor=manager)
    assert caught.value.field == "jurors"
    late = cycle(manager, year=2025, closes_on=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(ServiceError) as caught:
        nomination(late, nominator)
    assert caught.value.field == "cycle"
    with pytest.raises(NotAllowed):
        nomination(at, people["auditor"])


def test_nominations_are_seen_by_their_author_the_secretariat_and_later_the_jury(
        people: dict[str, Any]) -> None:
    at = cycle(people["manager"], chair=people["chair"])
    mine = nomination(at, people["nominator"],
                      attachments=[("support.pdf", io.BytesIO(b"%PDF-1.4 letter"))])
    assert mine.attachments.get().content_type == "application/pdf"
    assert nominations.visible(people["nominator"]).filter(pk=mine.pk).exists()
    assert not nominations.visible(people["other"]).filter(pk=mine.pk).exists()
    assert nominations.visible(people["manager"]).filter(pk=mine.pk).exists()
    assert not nominations.visible(people["chair"]).filter(pk=mine.pk).exists()
    cycles.close_call(at, actor=people["manager"])
    assert nominations.visible(people["chair"]).filter(pk=mine.pk).exists()
    nominations.read(mine, actor=people["chair"])
    assert AuditEvent.objects.filter(action="nomination.read", object_id=str(mine.pk),
                                     actor=people["chair"]).exists()
    with pytest.raises(NotAllowed):
        nominations.open_attachment(mine.attachments.get(), actor=people["other"])


def test_eligibility_is_checked_against_every_criterion(people: dict[str, Any]) -> None:
    at = cycle(people["manager"], chair=people["chair"])
    nominated = nomination(at, people["nominator"])
    with pytest.raises(ServiceError) as caught:
        nominations.check_eligibility(nominated, {"period": True}, actor=people["manager"])
    assert caught.value.field == "checks"
    failing = {**ALL_ELIGIBLE, "period": False}
    with pytest.raises(ServiceError) as caught:
        nominations.check_eligibility(nominated, failing, actor=people["manager"])
    assert caught.value.field == "note"
    nominated = nominations.check_eligibility(nominated, failing, actor=people["manager"],
                                              note="The work ended in 2015.")
    assert nominated.eligible is False
    cycles.close_call(at, actor=people["manager"])
    with pytest.raises(ServiceError) as caught:
        jury.score(nominated, GOOD_MARKS, actor=people["chair"])
    assert caught.value.field == "eligible"


def test_a_juror_with_a_conflict_cannot_score(people: dict[str, Any]) -> None:
    _cycle, nominated = _in_jury(people)
    juror = people["juror"]
    made = jury.score(nominated, GOOD_MARKS, actor=juror)
    assert made.total == pytest.approx(8.6)
    with pytest.raises(ServiceError) as caught:
        jury.score(nominated, {**GOOD_MARKS, "impact": 11}, actor=juror)
    assert caught.value.field == "impact"
    jury.declare_conflict(nominated, actor=juror, reason="She is my sister-in-law.")
    assert not nominated.scores.filter(juror=juror).exists()  # the earlier score is withdrawn
    with pytest.raises(NotAllowed):
        jury.score(nominated, GOOD_MARKS, actor=juror)
    with pytest.raises(NotAllowed):
        jury.score(nominated, GOOD_MARKS, actor=people["manager"])  # not on the jury
    assert AuditEvent.objects.filter(action="nomination.conflict").get().detail == {
        "score_withdrawn": True}


def test_the_chair_names_laureates_from_the_ranking(people: dict[str, Any]) -> None:
    at, first = _in_jury(people)
    # A second nomination, submitted while the call was still open.
    Cycle.objects.filter(pk=at.pk).update(state=Cycle.State.CALL)
    at.refresh_from_db()
    second = nomination(at, people["other"], name="Police Unit Lahav 433")
    Cycle.objects.filter(pk=at.pk).update(state=Cycle.State.JURY)
    at.refresh_from_db()
    nominations.check_eligibility(second, ALL_ELIGIBLE, actor=people["manager"])
    jury.score(first, GOOD_MARKS, actor=people["juror"])
    jury.score(first, {**GOOD_MARKS, "impact": 10}, actor=people["chair"])
    jury.score(second, {k: 5 for k in GOOD_MARKS}, actor=people["juror"])
    rows = jury.ranking(at, actor=people["chair"])
    assert [r.nomination.pk for r in rows] == [first.pk, second.pk]
    assert rows[0].mean == pytest.approx((8.6 + 9.0) / 2)
    with pytest.raises(NotAllowed):
        jury.name_laureate(first, actor=people["juror"], citation="For her work.")
    with pytest.raises(ServiceError) as caught:
        jury.name_laureate(first, actor=people["chair"], citation=" ")
    assert caught.value.field == "citation"
    with pytest.raises(ServiceError) as caught:
        cycles.decide(at, actor=people["chair"])
    assert caught.value.field == "laureate"
    jury.add_note(at, actor=people["juror"], text="Strong field this year.")
    jury.name_laureate(first, actor=people["chair"], citation="For 40 victims found.")
    with pytest.raises(ServiceError):
        cycles.decide(at, actor=people["juror"])
    at = cycles.decide(at, actor=people["chair"])
    assert at.state == Cycle.State.DECIDED
    laureates = cycles.archive(people["other"])
    assert [laureate.nomination.nominee_name for laureate in laureates] == ["Rachel Stern"]
    with pytest.raises(ServiceError):
        jury.score(second, GOOD_MARKS, actor=people["chair"])
