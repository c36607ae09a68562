"""Issue 18, notices' second step, in Chromium: the author is told in field labels what a red
notice still needs; the coordinator reviews it with the penalty, sex and family name on the
page, makes a mistake (no notes), keeps the ticks, returns it and lands on the review queue;
the author is notified, reads why, corrects it and submits it again. The returned notice is
then read in Hebrew at phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.axe import assert_accessible
from tests.browser.pages import signed_in_page

PHONE = {"width": 390, "height": 844}


def _warm(browser: Any, live_server: Any) -> None:
    """The live server's first page loads templates and catalogues; on a loaded machine that
    outlasts a page's timeout, so it is asked for once, with patience, before the test."""
    context = browser.new_context(base_url=live_server.url)
    context.request.get("/access/login/", timeout=120_000)
    context.close()


NOTES = "The offence as charged carries 12 months; a red notice needs two years."


def test_return_a_red_notice_and_resubmit_it(browser: Any, live_server: Any,
                                             artifacts: Path) -> None:
    from playwright.sync_api import expect

    author = UserFactory(roles=["investigator"], full_name="Dana Author",
                         agency=AgencyFactory(name="Israel Police", country="ISR"))
    coordinator = UserFactory(roles=["coordinator"], full_name="Noa Reviewer",
                              agency=AgencyFactory(name="National Coordinator",
                                                   kind="coordinator", country="ISR"))

    _warm(browser, live_server)
    page = signed_in_page(browser, live_server, author)
    page.goto("/notices/new/")
    page.locator("#id_colour").select_option(label="Red notice")
    page.get_by_label("Subject's names").fill("Dmitri Volkov")
    page.get_by_role("button", name="Save draft").click()
    missing = page.get_by_test_id("missing")
    expect(missing).to_contain_text("Birth date, Charges, Legal basis, Maximum penalty (months)")
    expect(missing).not_to_contain_text("penalty_months")
    page.get_by_role("link", name="Change").click()
    expect(page.get_by_text("A red notice needs at least 24.")).to_be_visible()
    page.get_by_label("Family name").fill("Volkov")
    page.get_by_label("Birth date").fill("1979-02-11")
    page.get_by_label("Sex").select_option("M")
    page.get_by_label("Charges").fill("Trafficking in persons")
    page.get_by_label("Legal basis").fill("Arrest warrant 77/2026")
    page.get_by_label("Maximum penalty (months)").fill("12")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".message.success")).to_contain_text("you will be notified")
    page.context.close()

    page = signed_in_page(browser, live_server, coordinator)
    page.goto("/notices/review/")
    page.get_by_role("link", name="Red notice").click()
    penalty = page.get_by_test_id("notice-penalty")
    expect(penalty).to_contain_text("12")
    expect(penalty).to_contain_text("below the 24 months a red notice needs")
    expect(page.locator("dl.facts")).to_contain_text("Volkov")
    expect(page.locator("dl.facts")).to_contain_text("male")
    page.get_by_role("button", name="Take for review").click()
    for box in page.locator("input[type=checkbox][name^=check_]").all():
        box.check()
    page.get_by_role("button", name="Record the review").click()
    notes = page.get_by_label("Notes to the author")
    expect(notes).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field.has-error")).to_contain_text("Say what the author must change.")
    expect(page.locator("input[name=check_neutral]")).to_be_checked()
    notes.fill(NOTES)
    page.get_by_role("button", name="Record the review").click()
    expect(page).to_have_url(f"{live_server.url}/notices/review/")
    expect(page.locator(".message.success")).to_contain_text(
        "Returned to Dana Author (Israel Police)")
    page.screenshot(path=str(artifacts / "notice-returned-reviewer.png"), full_page=True)
    page.context.close()

    page = signed_in_page(browser, live_server, author)
    page.goto("/cases/notifications/")
    page.get_by_role("link", name="returned for changes").click()
    returned = page.get_by_test_id("returned")
    expect(returned).to_contain_text("Noa Reviewer")
    expect(returned).to_contain_text(NOTES)
    expect(returned).to_contain_text("Red notices: the offence carries at least two years")
    assert_accessible(page, "returned notice")
    page.screenshot(path=str(artifacts / "notice-returned-author.png"), full_page=True)
    page.get_by_role("link", name="Change").click()
    page.get_by_label("Maximum penalty (months)").fill("36")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_test_id("notice-state")).to_have_text("submitted for review")
    page.context.close()


def test_a_returned_notice_reads_in_hebrew_on_a_phone(browser: Any, live_server: Any,
                                                      artifacts: Path) -> None:
    import datetime as dt

    from playwright.sync_api import expect

    from palermo.notices.services import notices
    from tests.notices.factories import ALL_PASS

    author = UserFactory(roles=["investigator"], full_name="Dana Author",
                         agency=AgencyFactory(name="Israel Police", country="ISR"))
    coordinator = UserFactory(roles=["coordinator"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    red = notices.draft(actor=author, colour="red", subject_names=["Dmitri Volkov"],
                        birth_date=dt.date(1979, 2, 11), charges="Trafficking in persons",
                        legal_basis="Arrest warrant 77/2026", penalty_months=12)
    red = notices.review(notices.submit(red, actor=author), ALL_PASS, actor=coordinator,
                         notes=NOTES)

    _warm(browser, live_server)
    page = signed_in_page(browser, live_server, author)
    page.set_viewport_size(PHONE)
    page.goto(f"/notices/{red.pk}/")
    page.locator("form.language-switch button[value=he]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    returned = page.get_by_test_id("returned")
    expect(returned).to_contain_text(NOTES)
    expect(returned).to_contain_text("הודעה אדומה: העבירה דינה שנתיים מאסר לפחות")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, "returned notice, Hebrew, phone")
    page.screenshot(path=str(artifacts / "notice-returned-he-phone.png"), full_page=True)
    page.context.close()
