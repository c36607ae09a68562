"""The victim's page and the case page on a phone and at a desk (issue 18): a long unbroken
title never pushes the page sideways; the victim page is short, each form on a page of its
own; a referral with mistakes keeps what was chosen and typed; an empty assessment is refused
and a score is explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.pages import signed_in_page
from tests.cases.factories import add_person, open_case

PHONE = {"width": 390, "height": 844}
# A pasted link with no space in it, as long as a title may be.
LONG_TITLE = "https://intake.example.org/reports/" + "x" * 165


def _case(language: str = "en") -> tuple[Any, Any, Any]:
    police = UserFactory(roles=["investigator", "coordinator"], language=language,
                         agency=AgencyFactory(name="Israel Police"))
    AgencyFactory(name="Welfare Ministry", kind="welfare")
    case = open_case(police, title=LONG_TITLE)
    victim = add_person(case, police, "Somchai" + "Boonmee" * 20)
    return police, case, victim


def _fits(page: Any) -> None:
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px screen"


@pytest.mark.parametrize("language", ["en", "he"])
def test_case_and_victim_pages_fit_a_phone(browser: Any, live_server: Any, artifacts: Path,
                                           language: str) -> None:
    from playwright.sync_api import expect

    police, case, victim = _case(language)
    page = signed_in_page(browser, live_server, police)
    page.set_viewport_size(PHONE)
    page.goto(f"/cases/{case.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("intake.example.org")
    _fits(page)
    edit = page.locator(f"a[href='/cases/{case.pk}/edit/']")
    box = edit.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=str(artifacts / f"case-phone-{language}.png"), full_page=True)
    page.goto(f"/cases/persons/{victim.pk}/")
    _fits(page)
    page.screenshot(path=str(artifacts / f"victim-phone-{language}.png"), full_page=True)
    for path in ("assess/", "refer/", "status/", "context/"):
        page.goto(f"/cases/persons/{victim.pk}/{path}")
        _fits(page)
    page.context.close()


def test_victim_page_is_short_and_each_form_has_its_own_page(
    browser: Any, live_server: Any, artifacts: Path
) -> None:
    from playwright.sync_api import expect

    police, _opened, victim = _case()
    page = signed_in_page(browser, live_server, police)
    page.goto(f"/cases/persons/{victim.pk}/")
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height < 1400, f"the victim page is {height} px tall"
    expect(page.get_by_role("checkbox")).to_have_count(0)

    page.get_by_role("link", name="Assess indicators").click()
    for group in ("Recruitment and movement", "Conditions of work and life",
                  "Coercion and control", "Abuse of vulnerability", "Signs in a child"):
        expect(page.get_by_role("group", name=group)).to_be_visible()
    page.get_by_role("button", name="Assess").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick at least one indicator")
    page.get_by_role("group", name="Coercion and control").get_by_label(
        "Debt bondage").check()
    page.get_by_role("group", name="Coercion and control").get_by_label(
        "Retention of identity documents").check()
    page.get_by_role("button", name="Assess").click()
    expect(page.get_by_text("Assessment of")).to_contain_text("score 0.50")
    latest = page.get_by_test_id("latest-assessment")
    expect(latest).to_contain_text("Score 0.50")
    expect(latest).to_contain_text("strong 3, medium 2, weak 1")
    page.screenshot(path=str(artifacts / "victim-desk.png"), full_page=True)
    page.context.close()


def test_referral_with_mistakes_keeps_what_was_typed(browser: Any, live_server: Any) -> None:
    from playwright.sync_api import expect

    police, _opened, victim = _case()
    page = signed_in_page(browser, live_server, police)
    page.goto(f"/cases/persons/{victim.pk}/")
    page.get_by_role("link", name="Refer to another agency").click()
    page.get_by_label("Refer to").select_option(label="Welfare Ministry")
    page.get_by_label("Reason").select_option("shelter")
    page.get_by_label("Answer due by").fill((dt.date.today() - dt.timedelta(days=2)).isoformat())
    page.get_by_label("Note to the receiving agency").fill("Needs a bed tonight.")
    page.get_by_role("button", name="Send referral").click()

    expect(page.get_by_text("Record whether the person consented")).to_be_visible()
    expect(page.get_by_text("The date must be today or later.")).to_be_visible()
    expect(page.get_by_label("Refer to")).to_have_value(
        page.get_by_label("Refer to").locator("option", has_text="Welfare Ministry")
        .get_attribute("value") or "")
    expect(page.get_by_label("Note to the receiving agency")).to_have_value(
        "Needs a bed tonight.")

    page.get_by_label("the person consented").check()
    page.get_by_label("Answer due by").fill("")
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_text("Referral sent to Welfare Ministry")).to_be_visible()
    page.context.close()
