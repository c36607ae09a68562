"""Issue 18, the reviewer's second step: a coordinator returns a red notice whose penalty is
below the threshold. The reviewer lands on a page that exists, the author is told why and
gets a notification, and the review page shows every field a check asks to confirm."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from palermo.cases.services import timeline
from palermo.notices.models import Notice, NoticeState
from palermo.notices.services import notices as services
from tests.conftest import sign_in
from tests.notices.factories import ALL_PASS

pytestmark = pytest.mark.django_db

NOTES = "The offence as charged carries 12 months; a red notice needs two years."


def _red(author: Any, **fields: Any) -> Notice:
    values = {"colour": "red", "subject_names": ["Dmitri Volkov"], "family_name": "Volkov",
              "sex": "M", "birth_date": dt.date(1979, 2, 11),
              "charges": "Trafficking in persons", "legal_basis": "Arrest warrant 77/2026",
              "penalty_months": 12, **fields}
    return services.submit(services.draft(actor=author, **values), actor=author)


def _review_form(**overrides: str) -> dict[str, str]:
    return {"step": "review", **{f"check_{code}": "yes" for code in ALL_PASS},
            "notes": NOTES, **overrides}


def test_the_review_page_shows_every_field_a_check_asks_to_confirm(
        people: dict[str, Any]) -> None:
    notice = _red(people["author"])
    page = sign_in(Client(), people["reviewer"]).get(f"/notices/{notice.pk}/").content.decode()
    assert "Maximum penalty (months)" in page and ">12<" in page.replace(" ", "")
    assert "Family name" in page and "Volkov" in page
    assert "Sex" in page and "male" in page
    assert "Charges" in page and "Trafficking in persons" in page
    # The threshold the penalty check speaks of is stated beside the penalty.
    assert "below the 24 months a red notice needs" in page


def test_returning_lands_the_reviewer_on_a_page_that_exists(people: dict[str, Any]) -> None:
    notice = _red(people["author"])
    reviewer = sign_in(Client(), people["reviewer"])
    response = reviewer.post(f"/notices/{notice.pk}/step/", _review_form(), follow=True)
    assert response.status_code == 200
    notice.refresh_from_db()
    assert notice.state == NoticeState.RETURNED
    page = response.content.decode()
    author = people["author"].full_name
    assert f"Returned to {author}" in page and "notified" in page
    # The reviewer may still open the notice they returned.
    assert reviewer.get(f"/notices/{notice.pk}/").status_code == 200


def test_the_author_sees_the_reason_and_the_notes_and_is_notified(
        people: dict[str, Any]) -> None:
    notice = _red(people["author"])
    sign_in(Client(), people["reviewer"]).post(f"/notices/{notice.pk}/step/", _review_form())
    (note,) = timeline.unread(people["author"])
    assert note.url == f"/notices/{notice.pk}/"
    assert "returned" in note.text and "Dmitri Volkov" in note.text
    page = sign_in(Client(), people["author"]).get(note.url).content.decode()
    assert NOTES in page
    assert people["reviewer"].full_name in page
    # The check that failed, in words.
    assert "Red notices: the offence carries at least two years" in page


def test_a_publication_also_notifies_the_author(people: dict[str, Any]) -> None:
    notice = _red(people["author"], penalty_months=48)
    reviewer = sign_in(Client(), people["reviewer"])
    response = reviewer.post(f"/notices/{notice.pk}/step/", _review_form(notes=""),
                             follow=True)
    assert "on the watch list" in response.content.decode()
    (note,) = timeline.unread(people["author"])
    assert "published" in note.text


def test_a_review_without_notes_keeps_the_ticks_and_shows_the_error_by_the_notes(
        people: dict[str, Any]) -> None:
    notice = _red(people["author"])
    reviewer = sign_in(Client(), people["reviewer"])
    response = reviewer.post(f"/notices/{notice.pk}/step/",
                             _review_form(notes="", check_neutral=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Say what the author must change." in page
    block = re.search(r'<div class="field has-error">((?:(?!<div class="field).)*)', page,
                      re.DOTALL)
    assert block and 'name="notes"' in block[1] and "Say what the author must" in block[1]
    assert re.search(r'name="check_legal_basis"[^>]*checked', page)
    assert not re.search(r'name="check_neutral"[^>]*checked', page)
    notice.refresh_from_db()
    assert notice.state == NoticeState.SUBMITTED


def test_what_is_still_needed_is_said_in_field_labels(people: dict[str, Any]) -> None:
    red = services.draft(actor=people["author"], colour="red", subject_names=["D. Volkov"])
    author = sign_in(Client(), people["author"])
    page = author.get(f"/notices/{red.pk}/").content.decode()
    assert "Still needed before review:" in page
    assert "Birth date, Charges, Legal basis, Maximum penalty (months)" in page
    assert "penalty_months" not in page and "birth_date" not in page
    response = author.post(f"/notices/{red.pk}/step/", {"step": "submit"}, follow=True)
    text = response.content.decode()
    assert "The notice still needs: Birth date, Charges" in text
    assert "legal_basis" not in text


def test_a_code_the_form_cannot_know_is_named_by_its_label(people: dict[str, Any]) -> None:
    from palermo.access.services.errors import ServiceError

    with pytest.raises(ServiceError) as caught:
        services.draft(actor=people["author"], colour="green", nationalities=["ZZZ"])
    assert caught.value.message == "“ZZZ” is not a known country for Nationalities."
