"""Issue 7 in the browser: a prosecutor searches the library in Hebrew, English, Arabic and
Russian (niqqud, prefixes and stems matched, words highlighted, facets counted), and an
edit is published only when a second editor approves it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from palermo.library import services
from tests.access.factories import UserFactory
from tests.browser.pages import signed_in_page

TEXTS = {
    "he": ("ISR", "בית המשפט המחוזי", 'ת"פ 40237-05-19',
           "הנאשם הורשע בעבירה של סַחַר בבני אדם, והסחר נמשך שנתיים."),
    "en": ("GBR", "Leeds Crown Court", "T20197001",
           "The defendants trafficked the workers and confiscated their passports."),
    "ar": ("JOR", "محكمة الجنايات الكبرى", "القضية رقم 2019/55",
           "أدانت المحكمة المتهمين بجريمة الاتجار بالبشر واستغلال العمال."),
    "ru": ("RUS", "Московский городской суд", "Уголовное дело № 1-234/2019",
           "Суд признал подсудимых виновными в торговле людьми."),
}
# The query, and the words marked in the snippet: vocalised and prefixed Hebrew, English and
# Russian stems, Arabic with its article.
QUERIES = {"he": ("סחר", ["סַחַר", "והסחר"]), "en": ("trafficking", ["trafficked"]),
           "ar": ("الاتجار", ["الاتجار"]), "ru": ("торговля", ["торговле"])}


def _library(author: Any) -> dict[str, Any]:
    return {lang: services.create_decision(
        actor=author, country=country, court=court, case_number=number, language=lang,
        decision_date=dt.date(2021, 3, 14), exploitation_types=["ForcedLabour"],
        full_text=text) for lang, (country, court, number, text) in TEXTS.items()}


def test_search_in_four_languages(browser: Any, live_server: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    records = _library(UserFactory(roles=["coordinator"]))
    page = signed_in_page(browser, live_server, UserFactory(roles=["prosecutor"]))
    page.get_by_role("link", name="Library").first.click()
    for lang, (query, marked) in QUERIES.items():
        page.get_by_label("Search decisions, opinions and guides").fill(query)
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_test_id("result-count")).to_have_text("1 result")
        hit = page.locator(".hit")
        expect(hit.locator("mark")).to_have_text(marked)
        expect(page.get_by_test_id(f"facet-language-{lang}")).to_have_text("1")
        expect(hit.get_by_role("link")).to_have_attribute(
            "href", f"/library/decisions/{records[lang].pk}/")
    page.screenshot(path=str(artifacts / "library-search-russian.png"), full_page=True)
    page.get_by_label("Search decisions, opinions and guides").fill("")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("result-count")).to_have_text("4 results")
    page.get_by_test_id("facet-country-JOR").locator("xpath=..").get_by_role("link").click()
    expect(page.get_by_test_id("result-count")).to_have_text("1 result")
    page.locator(".hit").get_by_role("link").click()
    expect(page.locator("article.record-text")).to_have_attribute("dir", "rtl")
    page.context.close()


def test_edit_is_published_after_a_second_editors_approval(browser: Any,
                                                           live_server: Any) -> None:
    from playwright.sync_api import expect

    author, reviewer = UserFactory(roles=["coordinator"]), UserFactory(roles=["coordinator"])
    record = _library(author)["en"]
    page = signed_in_page(browser, live_server, author)
    page.goto(f"/library/decisions/{record.pk}/")
    page.get_by_role("link", name="Propose a change").click()
    page.get_by_label("Summary of facts").fill("Workers recruited in Moldova; see IT-96-23-T.")
    page.get_by_label("Note for the reviewer").fill("Added the summary.")
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_test_id("own-change")).to_be_visible()
    expect(page.get_by_test_id("change-state")).to_have_text("waiting for review")
    page.context.close()

    page = signed_in_page(browser, live_server, reviewer)
    page.goto("/library/changes/")
    page.get_by_test_id("pending-changes").get_by_role("link").first.click()
    expect(page.get_by_test_id("diff").locator("ins")).to_contain_text("Moldova")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_text("The change is published.")).to_be_visible()
    page.goto(f"/library/decisions/{record.pk}/")
    expect(page.get_by_text("Workers recruited in Moldova")).to_be_visible()
    expect(page.get_by_test_id("cites")).to_contain_text("IT-96-23-T")
    expect(page.get_by_test_id("cites")).to_contain_text("Cites 1 decision")
    page.context.close()
