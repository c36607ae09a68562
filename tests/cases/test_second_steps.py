"""The second step of the case workflows (issue 18): a form with a mistake in it keeps what
was typed and says what is wrong next to each field, in the user's words; nothing is cut
silently; an assessment is never empty and its score is explained."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from palermo.cases.models import Case, IndicatorAssessment, Referral, Task
from palermo.cases.services import assessment, cases, referrals, tasks
from palermo.cases.services.errors import ServiceError
from tests.access.factories import AgencyFactory
from tests.cases.factories import add_person, open_case
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(user_with: Any) -> dict[str, Any]:
    police = user_with("investigator", agency=AgencyFactory(name="Police"))
    social = user_with("social_worker", agency=AgencyFactory(name="Welfare Ministry",
                                                             kind="welfare"))
    case = open_case(police)
    victim = add_person(case, police, "Maria Santos")
    return {"police": police, "social": social, "case": case, "victim": victim,
            "client": sign_in(Client(), police)}


def html(response: Any) -> str:
    return response.content.decode()


def error_of(page: str, field_id: str) -> str:
    """The error shown in the same field block as the input ``field_id``."""
    at = page.index(f'id="{field_id}')
    start = page.rfind('<div class="field', 0, at)
    end = page.find('<div class="field', at)
    block = page[start:end if end != -1 else len(page)]
    assert 'class="error"' in block, f"no error shown next to {field_id}"
    return re.sub(r"<[^>]+>", " ", block[block.index('class="error"'):])


# Item 3: the referral form keeps what was chosen and typed.

def test_referral_form_with_mistakes_keeps_the_agency_and_the_note(setup: dict[str, Any]
                                                                   ) -> None:
    url = f"/cases/persons/{setup['victim'].pk}/refer/"
    assert setup["client"].get(url).status_code == 200
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = setup["client"].post(url, {
        "to_agency": setup["social"].agency.pk, "reason": "shelter",
        "due_on": yesterday.isoformat(), "note": "Needs a bed tonight, speaks Tagalog."})
    page = html(response)
    assert response.status_code == 200
    assert Referral.objects.count() == 0
    assert f'value="{setup["social"].agency.pk}" selected' in page
    assert "Needs a bed tonight, speaks Tagalog." in page
    assert 'value="shelter" selected' in page
    # Both mistakes at once, each beside its field.
    assert "Record whether the person consented" in error_of(page, "id_consent")
    assert "today or later" in error_of(page, "id_due_on")


def test_referral_form_states_its_limits_and_confirms_to_whom(setup: dict[str, Any]) -> None:
    url = f"/cases/persons/{setup['victim'].pk}/refer/"
    page = html(setup["client"].get(url))
    assert 'maxlength="20000"' in page
    assert "20,000 characters" in page or "20000 characters" in page
    response = setup["client"].post(url, {
        "to_agency": setup["social"].agency.pk, "reason": "shelter", "consent": "given",
        "note": "Needs a bed tonight."}, follow=True)
    referral = Referral.objects.get()
    assert referral.note == "Needs a bed tonight."
    confirmation = html(response)
    assert "Welfare Ministry" in confirmation and "Shelter" in confirmation
    assert "notified" in confirmation


def test_referring_to_ones_own_agency_is_refused_beside_the_field(setup: dict[str, Any]
                                                                 ) -> None:
    url = f"/cases/persons/{setup['victim'].pk}/refer/"
    page = html(setup["client"].post(url, {
        "to_agency": setup["police"].agency.pk, "reason": "shelter", "consent": "given",
        "note": "Kept"}))
    assert "not your own" in error_of(page, "id_to_agency")
    assert "Kept" in page


# Item 6: a rejection without a reason is a sentence naming the field by its label.

def test_rejecting_without_a_reason_names_the_field_in_words(setup: dict[str, Any]) -> None:
    referral = referrals.send(setup["victim"], setup["social"].agency, "shelter",
                              actor=setup["police"], consent="given")
    social = sign_in(Client(), setup["social"])
    response = social.post(f"/cases/referrals/{referral.pk}/answer/", {
        "answer": "reject", "rejection_reason": "", "version": referral.version,
        "note": "We are full this week."}, follow=True)
    page = html(response)
    assert "rejection_reason" not in re.sub(r'(name|id|for)="[^"]*"', "", page)
    assert "is not a known code" not in page
    assert "Reason for rejecting" in page
    assert "We are full this week." in page
    referral.refresh_from_db()
    assert referral.state == "sent"
    with pytest.raises(ServiceError) as caught:
        referrals.reject(referral, actor=setup["social"], version=referral.version, reason="")
    assert "rejection_reason" not in caught.value.message
    assert "reason for rejecting" in caught.value.message.lower()


def test_an_answer_confirms_what_happened_and_what_comes_next(setup: dict[str, Any]) -> None:
    referral = referrals.send(setup["victim"], setup["social"].agency, "shelter",
                              actor=setup["police"], consent="given")
    social = sign_in(Client(), setup["social"])
    page = html(social.post(f"/cases/referrals/{referral.pk}/answer/", {
        "answer": "reject", "rejection_reason": "no_capacity", "version": referral.version},
        follow=True))
    assert "Police" in page and "No capacity" in page and "notified" in page


def test_unknown_codes_are_named_by_the_fields_label(setup: dict[str, Any]) -> None:
    with pytest.raises(ServiceError) as caught:
        open_case(setup["police"], sensitivity="top")
    assert "Sensitivity" in caught.value.message
    assert "sensitivity_levels" not in caught.value.message


# Item 7: no silent cut.

def test_a_long_title_is_refused_never_cut(setup: dict[str, Any]) -> None:
    with pytest.raises(ServiceError) as caught:
        open_case(setup["police"], title="t" * 5000)
    assert caught.value.field == "title" and "200" in caught.value.message
    with pytest.raises(ServiceError):
        cases.update(setup["case"], actor=setup["police"], version=setup["case"].version,
                     title="t" * 201)
    with pytest.raises(ServiceError) as caught:
        tasks.create(setup["case"], "t" * 201, actor=setup["police"],
                     agency=setup["police"].agency)
    assert caught.value.field == "title"
    assert not Case.objects.filter(title__startswith="ttt").exists()
    assert not Task.objects.exists()


def test_the_api_refuses_a_long_title_naming_the_field(setup: dict[str, Any]) -> None:
    response = setup["client"].post("/api/v1/cases/", {"title": "t" * 5000},
                                    content_type="application/json")
    assert response.status_code == 422
    assert "title" in response.content.decode()
    assert not Case.objects.filter(title__startswith="ttt").exists()


def test_case_form_states_the_limit_and_keeps_the_long_title(setup: dict[str, Any]) -> None:
    page = html(setup["client"].get("/cases/new/"))
    assert 'maxlength="200"' in page and "200 characters" in page
    response = setup["client"].post("/cases/new/", {"title": "t" * 250,
                                                    "sensitivity": "normal"})
    assert response.status_code == 200
    assert "t" * 250 in html(response)
    assert "200" in error_of(html(response), "id_title")


def test_task_form_errors_are_shown_beside_the_fields_with_input_kept(setup: dict[str, Any]
                                                                      ) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = setup["client"].post(f"/cases/{setup['case'].pk}/tasks/", {
        "title": "Call the shelter", "agency": setup["police"].agency.pk,
        "due_on": yesterday.isoformat(), "priority": "normal"})
    page = html(response)
    assert response.status_code == 200
    assert 'value="Call the shelter"' in page
    assert "today or later" in error_of(page, "task-due_on")
    assert not Task.objects.exists()


def test_person_form_shows_every_mistake_at_once_and_keeps_the_names(setup: dict[str, Any]
                                                                    ) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    names = "Maria Santos\n" + "M" * 301
    response = setup["client"].post(f"/cases/{setup['case'].pk}/persons/new/", {
        "role": "victim", "names": names, "birth_date": tomorrow.isoformat(),
        "contacts": "c" * 301, "document_number": "P123"})
    page = html(response)
    assert response.status_code == 200
    assert "M" * 301 in page
    assert "Line 2 has 301 characters" in error_of(page, "id_names")
    assert "future" in error_of(page, "id_birth_date")
    assert "Line 1 has 301 characters" in error_of(page, "id_contacts")
    assert "which country issued" in error_of(page, "id_document_country")
    assert setup["case"].persons.count() == 1


# Item 8: an empty assessment is refused; the score is explained.

def test_an_empty_assessment_is_refused_naming_what_is_missing(setup: dict[str, Any]) -> None:
    with pytest.raises(ServiceError) as caught:
        assessment.assess(setup["victim"], [], actor=setup["police"])
    assert caught.value.field == "indicators"
    url = f"/cases/persons/{setup['victim'].pk}/assess/"
    response = setup["client"].post(url, {})
    assert response.status_code == 200
    assert "at least one indicator" in html(response)
    assert not IndicatorAssessment.objects.exists()


def test_the_score_is_explained_where_it_is_shown(setup: dict[str, Any]) -> None:
    url = f"/cases/persons/{setup['victim'].pk}/assess/"
    response = setup["client"].post(url, {"indicators": ["fl_debt_bondage",
                                                         "fl_retention_of_documents"]},
                                    follow=True)
    page = html(response)
    assert "Score 0.50" in page
    assert "strong 3, medium 2, weak 1" in page
    assert "two strong indicators" in page


def test_indicators_are_asked_in_groups_each_indicator_once(setup: dict[str, Any]) -> None:
    groups = assessment.indicator_groups()
    assert [g.code for g in groups][:3] == ["recruitment", "conditions", "coercion"]
    codes = [code for g in groups for code, _label, _strength in g.indicators]
    from palermo.vocab import registry

    assert sorted(codes) == sorted(registry.get("trafficking_indicators").codes())
    page = html(setup["client"].get(f"/cases/persons/{setup['victim'].pk}/assess/"))
    assert page.count("<fieldset") >= len(groups)
    for group in groups:
        assert f"<legend>{group.label}</legend>" in page


def test_the_victim_page_puts_each_form_behind_its_own_action(setup: dict[str, Any]) -> None:
    page = html(setup["client"].get(f"/cases/persons/{setup['victim'].pk}/"))
    assert 'name="indicators"' not in page
    assert 'name="to_agency"' not in page
    for path in ("assess/", "status/", "refer/", "context/"):
        assert f'href="/cases/persons/{setup["victim"].pk}/{path}"' in page
