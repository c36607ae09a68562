"""Issue 10's done-when: a person reports a suspicion in Arabic, and another in Hebrew, on a
phone-sized window (the Hebrew one without JavaScript), each gets a reference and a secret
phrase; the coordinator triages the first into a new case, links the second to it and
replies to both; each reporter comes back and reads the reply. Every portal page on the way
is scanned with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from palermo.portal.services.language import text
from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.axe import assert_accessible
from tests.browser.pages import signed_in_page

PHONE = {"width": 390, "height": 844}


def _phone(browser: Any, live_server: Any, locale: str, javascript: bool = True) -> Any:
    context = browser.new_context(base_url=live_server.url, locale=locale, viewport=PHONE,
                                  is_mobile=True, has_touch=True,
                                  java_script_enabled=javascript)
    context.set_default_timeout(15_000)
    context.javascript_enabled = javascript
    return context.new_page()


def _scan(page: Any, name: str) -> None:
    # axe-core runs as JavaScript; a page without JavaScript is scanned in the other run.
    if page.context.javascript_enabled:
        assert_accessible(page, name)


def _report(page: Any, lang: str, what: str, contact: str = "") -> tuple[str, str]:
    from playwright.sync_api import expect

    # The live server's first answer imports every page's code: slow on a busy machine.
    page.goto(f"/public/{lang}/report/", timeout=90_000)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(text("report.title", lang))
    _scan(page, f"report form ({lang})")
    # Nothing wider than the phone: no sideways scrolling on a small screen.
    if page.context.javascript_enabled:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_label(text("report.field.what", lang)).fill(what)
    page.get_by_label(text("report.field.where", lang)).fill("Ashkelon")
    if contact:
        page.get_by_label(text("report.field.contact", lang)).fill(contact)
    page.get_by_role("button", name=text("report.send", lang)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("report.done.title", lang))
    _scan(page, f"report receipt ({lang})")
    reference = page.get_by_test_id("reference").inner_text().strip()
    phrase = page.get_by_test_id("phrase").inner_text().strip()
    assert len(phrase.split()) == 6
    return reference, phrase


def _come_back(page: Any, lang: str, reference: str, phrase: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"/public/{lang}/")
    page.get_by_role("link", name=text("return.nav", lang)).first.click()
    _scan(page, f"follow-up form ({lang})")
    page.get_by_label(text("report.done.reference", lang)).fill(reference)
    page.get_by_label(text("report.done.phrase", lang)).fill(phrase)
    page.get_by_role("button", name=text("return.open", lang)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    _scan(page, f"report thread ({lang})")


def test_reports_in_arabic_and_hebrew_reach_a_case_and_get_replies(
        browser: Any, live_server: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    arabic = _phone(browser, live_server, "ar")
    ar_reference, ar_phrase = _report(
        arabic, "ar", "رأيت عمالاً يُقفل عليهم في مزرعة ليلاً وجوازاتهم مع صاحب العمل.")
    arabic.screenshot(path=str(artifacts / "portal-report-ar.png"), full_page=True)

    hebrew = _phone(browser, live_server, "he", javascript=False)
    he_reference, he_phrase = _report(
        hebrew, "he", "ראיתי עובדים שאינם יכולים לעזוב את המשק.", contact="054-0000000")

    coordinator = UserFactory(roles=["coordinator"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    office = signed_in_page(browser, live_server, coordinator)
    expect(office.get_by_test_id("new-reports")).to_contain_text("2 new reports")
    office.get_by_role("link", name="Public reports").first.click()
    office.get_by_role("link", name=ar_reference).click()
    expect(office.get_by_test_id("contact")).to_have_text("Anonymous")
    office.get_by_label("Title of the new case").fill("Farm workers locked in, Ashkelon")
    office.get_by_role("button", name="Open a case").click()
    expect(office.get_by_test_id("triage-status")).to_have_text("Case opened")
    office.get_by_label("Reply to the reporter").fill("شكراً لك. فتحنا ملفاً ونتابع الأمر.")
    office.get_by_role("button", name="Send the reply").click()
    case_label = office.get_by_test_id("case-link").inner_text().strip()

    office.get_by_role("link", name="All public reports").click()
    office.get_by_role("link", name=he_reference).click()
    expect(office.get_by_test_id("contact")).to_have_text("054-0000000")
    office.locator("#id_case").select_option(label=f"{case_label} — "
                                             "Farm workers locked in, Ashkelon")
    office.get_by_role("button", name="Link to this case").click()
    expect(office.get_by_test_id("triage-status")).to_have_text("Linked to a case")
    office.get_by_label("Reply to the reporter").fill("תודה. צירפנו את הדיווח לתיק פתוח.")
    office.get_by_role("button", name="Send the reply").click()
    office.context.close()

    _come_back(arabic, "ar", ar_reference, ar_phrase)
    expect(arabic.get_by_test_id("office-reply")).to_contain_text("فتحنا ملفاً")
    expect(arabic.get_by_test_id("report-status")).to_contain_text(
        text("report.status.case_opened", "ar"))
    arabic.get_by_label(text("return.add.field", "ar")).fill("السيارة بيضاء.")
    arabic.get_by_role("button", name=text("return.add.send", "ar")).click()
    expect(arabic.get_by_role("status")).to_have_text(text("return.added", "ar"))
    expect(arabic.get_by_test_id("reporter-addition")).to_contain_text("السيارة بيضاء.")
    arabic.screenshot(path=str(artifacts / "portal-thread-ar.png"), full_page=True)
    arabic.context.close()

    _come_back(hebrew, "he", he_reference, he_phrase)
    expect(hebrew.get_by_test_id("office-reply")).to_contain_text("צירפנו את הדיווח")
    expect(hebrew.get_by_test_id("report-status")).to_contain_text(
        text("report.status.linked", "he"))
    hebrew.context.close()


def test_the_portal_pages_pass_the_scan_in_every_language(browser: Any,
                                                          live_server: Any) -> None:
    from palermo.portal.services.language import LANGUAGES

    page = _phone(browser, live_server, "en")
    for lang in LANGUAGES:
        for path in ("report/", "report/return/"):
            page.goto(f"/public/{lang}/{path}")
            assert_accessible(page, f"{path} ({lang})")
    page.goto("/public/en/report/")
    page.get_by_role("button", name=text("report.send", "en")).click()
    assert_accessible(page, "report form with an error")
    page.context.close()


def test_the_scan_does_find_a_serious_violation(browser: Any) -> None:
    import pytest

    page = browser.new_page()
    page.set_content('<html lang="en"><title>t</title><main><h1>Form</h1>'
                     '<input type="text" name="unlabelled"></main></html>')
    with pytest.raises(AssertionError, match="label"):
        assert_accessible(page, "a form field without a label")
    page.context.close()


def test_two_fields_too_long_are_both_named_and_the_text_is_kept(
        browser: Any, live_server: Any, artifacts: Path) -> None:
    """Issue 18, item 4: on a phone in Russian, a report with two texts over their limits is
    refused once, naming both, each next to its field, with everything typed still there.
    The limits are on the page before anything is typed."""
    from playwright.sync_api import expect

    page = _phone(browser, live_server, "ru")
    page.goto("/public/ru/report/", timeout=90_000)  # the live server's first answer is slow
    who = page.get_by_label(text("report.field.who", "ru"))
    expect(page.locator("#help_who")).to_contain_text(
        text("report.help.limit", "ru", limit=2000))
    page.get_by_label(text("report.field.what", "ru")).fill("Рабочих запирают на ночь.")
    page.get_by_label(text("report.field.where", "ru")).fill("Ашкелон " * 70)
    who.fill("Бригадир " * 250)
    page.get_by_role("button", name=text("report.send", "ru")).click()
    summary = page.get_by_test_id("portal-error").locator("li")
    expect(summary).to_have_count(2)
    expect(summary.nth(0)).to_contain_text(text("report.field.where", "ru"))
    expect(summary.nth(1)).to_contain_text(text("report.field.who", "ru"))
    expect(page.locator("#error_where")).to_have_text(
        text("report.error.too_long", "ru", length=len(("Ашкелон " * 70).strip()),
             limit=500))
    expect(page.locator("#error_who")).to_be_visible()
    expect(page.get_by_label(text("report.field.who", "ru"))).to_have_attribute(
        "aria-invalid", "true")
    expect(page.get_by_label(text("report.field.what", "ru"))).to_have_value(
        "Рабочих запирают на ночь.")
    assert_accessible(page, "report form with two errors (ru)")
    page.screenshot(path=str(artifacts / "portal-report-two-errors-ru.png"), full_page=True)
    page.context.close()
