"""The portal's information pages, public notices and statistics in a browser: the language
switch keeps the page, Hebrew and Arabic read right to left, a page missing in a language
says so and leads to the others, a phone user sends information about a missing person, and
axe-core finds no serious or critical violation on any of these pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from palermo.insights.services import publication
from palermo.insights.services.periods import Period
from palermo.messaging import services as messaging
from palermo.notices.services import notices, publicity
from palermo.portal.services import pages
from palermo.portal.services.language import LANGUAGES, text
from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.axe import assert_accessible
from tests.insights.factories import office, victims
from tests.notices.factories import ALL_PASS

PHONE = {"width": 390, "height": 844}
TEXTS = {
    "en": ("What is human trafficking?", "Using people for profit against their will."),
    "he": ("מהו סחר בבני אדם?", "ניצול של אנשים לשם רווח, בניגוד לרצונם."),
    "ar": ("ما هو الاتجار بالبشر؟", "استغلال الناس من أجل الربح رغمًا عن إرادتهم."),
}


def _publish(author: Any, reviewer: Any, page: Any, code: str, title: str, body: str) -> None:
    draft = pages.save_draft(page, code, actor=author, title=title, body=body)
    draft = pages.submit(draft, actor=author, version=draft.version)
    pages.publish(draft, actor=reviewer, version=draft.version)


def _content() -> None:
    author = UserFactory(roles=["coordinator"])
    reviewer = UserFactory(roles=["coordinator"])
    what = pages.create_page(actor=author, slug="what-is-trafficking")
    for code, (title, line) in TEXTS.items():
        _publish(author, reviewer, what, code, title,
                 f"{line}\n\n## 1\n\n- [{title}](/public/{code}/pages/get-help/)")
    _publish(author, reviewer, pages.create_page(actor=author, slug="get-help"), "en",
             "Get help", "Call [100](tel:100).")


def _public_notice() -> Any:
    police = UserFactory(roles=["investigator"], agency=AgencyFactory(name="Police"))
    notice = notices.draft(actor=police, colour="yellow", subject_names=["Dana Levi"],
                           birth_date=dt.date(2011, 4, 2), sex="F",
                           reasons="Missing from Haifa.")
    notice = notices.review(notices.submit(notice, actor=police), ALL_PASS,
                            actor=UserFactory(roles=["coordinator"]))
    publicity.set_public(notice, actor=police, public=True, photo=False)
    return police, notice


def test_the_language_switch_keeps_the_page_and_rtl_is_right(page: Any) -> None:
    from playwright.sync_api import expect

    _content()
    page.goto("/public/en/pages/what-is-trafficking/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TEXTS["en"][0])
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    current = "en"
    for code, direction in (("he", "rtl"), ("ar", "rtl"), ("en", "ltr")):
        page.get_by_role("navigation", name=text("portal.languages", current)) \
            .get_by_role("link", name=LANGUAGES[code]).click()
        current = code
        expect(page).to_have_url(f"{page.url.split('/public/')[0]}"
                                 f"/public/{code}/pages/what-is-trafficking/")
        expect(page.locator("html")).to_have_attribute("dir", direction)
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.get_by_role("heading", level=1)).to_have_text(TEXTS[code][0])
        expect(page.get_by_test_id("info-page")).to_contain_text(TEXTS[code][1])
        assert_accessible(page, f"information page ({code})")
    # The body text's headings and lists follow the reader's direction too.
    page.goto("/public/ar/pages/what-is-trafficking/")
    assert page.evaluate("getComputedStyle(document.querySelector('main li')).direction") \
        == "rtl"


def test_a_page_missing_in_a_language_says_so_and_leads_to_the_others(page: Any) -> None:
    from playwright.sync_api import expect

    _content()
    page.goto("/public/ru/pages/what-is-trafficking/")
    expect(page.get_by_test_id("page-missing")).to_contain_text(
        text("pages.missing_body", "ru"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        text("pages.missing_title", "ru"))
    assert_accessible(page, "missing page (ru)")
    page.get_by_test_id("page-languages").get_by_role("link", name=LANGUAGES["he"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TEXTS["he"][0])
    page.goto("/public/ar/pages/")
    expect(page.get_by_test_id("page-list")).to_contain_text(text("pages.missing_short", "ar"))
    assert_accessible(page, "page index (ar)")


def test_a_phone_user_sends_information_about_a_missing_person(browser: Any,
                                                               live_server: Any) -> None:
    from playwright.sync_api import expect

    police, notice = _public_notice()
    context = browser.new_context(base_url=live_server.url, locale="he-IL", viewport=PHONE,
                                  is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto("/public/he/notices/")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        assert_accessible(page, "public notices (he)")
        page.get_by_role("link", name="Dana Levi").click()
        expect(page.get_by_test_id("notice-extract")).to_contain_text("02/04/2011")
        expect(page.get_by_test_id("notice-extract")).not_to_contain_text("Missing from Haifa")
        assert_accessible(page, "public notice (he)")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.get_by_label(text("notices.info.message", "he")).fill("ראיתי אותה בתחנה המרכזית.")
        page.get_by_role("button", name=text("notices.info.send", "he")).click()
        expect(page.get_by_test_id("information-sent")).to_have_text(
            text("notices.info.sent", "he"))
        assert_accessible(page, "information sent (he)")
    finally:
        context.close()
    colleague = UserFactory(roles=["investigator"], agency=police.agency)
    thread = messaging.open_thread(messaging.inbox(colleague)[0].thread.pk, actor=colleague)
    assert "ראיתי אותה בתחנה המרכזית." in thread.messages[0].body
    assert thread.thread.link_ref == str(notice.pk)


def test_statistics_empty_then_published_with_suppressed_cells(page: Any,
                                                               artifacts: Any) -> None:
    from playwright.sync_api import expect

    page.goto("/public/ar/statistics/")
    expect(page.get_by_test_id("statistics-empty")).to_have_text(
        text("statistics.empty", "ar"))
    assert_accessible(page, "statistics, nothing published (ar)")
    people = office()
    victims(people, 12, sex="F", forms=["SexualExploitation"])
    victims(people, 3, sex="M", forms=["ForcedLabour"])
    publication.publish(actor=people.coordinator,
                        period=Period.year(timezone.localdate().year),
                        codes=["victims_sex_age"])
    today = timezone.localdate()
    # Each language writes the day its own way: 07/12/2026 in Hebrew, 7 Dec 2026 in English.
    for code, day in (("he", f"{today:%d/%m/%Y}"), ("en", f"{today.day} {today:%b %Y}")):
        page.goto(f"/public/{code}/statistics/")
        expect(page.get_by_test_id("statistics-published")).to_contain_text(day)
        table = page.get_by_test_id("table-victims_sex_age")
        expect(table.locator("[data-suppressed=true]").first).to_have_text(
            text("statistics.suppressed", code))
        assert page.locator("svg").count() >= 1
        assert_accessible(page, f"statistics ({code})")
        page.screenshot(path=str(artifacts / f"portal-statistics-{code}.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("a[href$='/victims_sex_age.csv']").click()
    assert download.value.suggested_filename.startswith("victims_sex_age-")
