"""Issue 18's walks: every demo user, from signing in to the result of their main work, in
English and Hebrew, at desktop width and at 390 px, on a real server with the demo data.

Every page of a walk is saved as a screenshot into test-artifacts/ (walk-<user>-<language>-
<width>-<step>-<page>.png) and checked as a user would see it (tests/browser/walks.py): no
error page, no serious accessibility fault, nothing wider than a phone, no code name and no
exception's text on screen. Heavy (a few minutes): marked ``heavy``, so CI runs them in one
database pass only. The menu's own behaviour at phone width is tested here too, unmarked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.walks import SIZES, VARIANTS, DemoSite, Walker, sign_in, tr, variants
from tests.screening.factories import TD3


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSite]:
    demo = DemoSite(tmp_path_factory.mktemp("walks") / "site")
    try:
        yield demo
    finally:
        demo.stop()


def coordinator(w: Walker) -> None:
    w.menu("Overview")
    w.look("overview")
    w.click("link", "ISR-2026-00006", translate=False)
    w.look("case-without-lead")
    w.menu("Statistics")
    w.look("statistics")


def administrator(w: Walker) -> None:
    w.menu("Users")
    w.look("users")
    w.click("link", "Boaz Border", translate=False)
    w.look("user")
    w.menu("Sign-in security")
    w.look("sign-in-security")


def auditor(w: Walker) -> None:
    w.menu("Audit log")
    w.look("audit-log")
    w.click("button", "Search")
    w.look("audit-results")


def trainer(w: Walker) -> None:
    w.menu("Training")
    w.look("training")
    w.click("link", "Identifying victims of trafficking: the frontline", translate=False)
    w.look("course")
    w.menu("Training")
    w.click("link", "Coverage")
    w.look("coverage")


def investigator(w: Walker) -> None:
    w.menu("Cases")
    w.look("cases")
    w.click("link", "ISR-2026-00001", translate=False)  # Agricultural workers in the Arava
    w.look("case")
    w.click("link", "Somchai Boonmee", translate=False)
    w.look("victim")
    w.menu("Notices")
    w.look("notices")


def liaison_officer(w: Walker) -> None:
    w.menu("Case reports")
    w.look("case-reports")
    w.menu("Messages")
    w.look("messages")


def prison_officer(w: Walker) -> None:
    w.menu("Notices")
    w.look("notices")
    w.click("link", "Draft a notice")
    w.look("draft-notice")


def prosecutor(w: Walker) -> None:
    w.menu("Library")
    w.look("library")
    w.page.get_by_role("searchbox").first.fill("forced labour")
    w.page.get_by_role("searchbox").first.press("Enter")
    w.page.wait_for_load_state()
    w.look("library-results")
    w.page.locator(".hit a").first.click()
    w.page.wait_for_load_state()
    w.look("decision")


def referred_worker(w: Walker) -> None:
    """Social worker, health worker and NGO case worker: the people referred to them."""
    w.menu("Referrals")
    w.look("referrals")
    w.menu("Messages")
    w.look("messages")


def border_officer(w: Walker) -> None:
    w.menu("Screening")
    post = w.page.get_by_label(w.t("Your post this shift"))
    if post.count():
        post.fill("Allenby crossing")
    w.page.get_by_label(w.t(
        "Scan or type a passport MRZ, a document number, a VIN or a name")).fill(TD3)
    w.look("screening")
    w.click("button", "Check")
    w.page.get_by_test_id("verdict").wait_for()
    w.look("screening-hit")


WALKS: dict[str, Callable[[Walker], None]] = {
    "coordinator": coordinator, "admin": administrator, "auditor": auditor,
    "trainer": trainer, "investigator": investigator, "liaison": liaison_officer,
    "prison": prison_officer, "prosecutor": prosecutor, "social": referred_worker,
    "health": referred_worker, "border": border_officer, "ngo": referred_worker,
}


@pytest.mark.heavy
@pytest.mark.parametrize("user", list(WALKS))
def test_role_walk(user: str, browser: Any, site: DemoSite, artifacts: Path) -> None:
    context = browser.new_context(base_url=site.url, locale="en-GB")
    context.set_default_timeout(15_000)
    walker = Walker(context.new_page(), user, artifacts)
    try:
        sign_in(walker, user, site.password)
        for _variant in variants(walker):
            WALKS[user](walker)
    finally:
        context.close()
    assert walker.problems == [], "\n".join(walker.problems)


@pytest.mark.heavy
def test_sign_in_page_walk(browser: Any, site: DemoSite, artifacts: Path) -> None:
    """The page every walk starts from, as a browser in each language and width meets it."""
    problems: list[str] = []
    for language, width in VARIANTS:
        context = browser.new_context(base_url=site.url, viewport=SIZES[width],
                                      locale="he-IL" if language == "he" else "en-GB")
        try:
            walker = Walker(context.new_page(), "anyone", artifacts, language, width, problems)
            walker.page.goto("/access/login/")
            walker.look("sign-in")
        finally:
            context.close()
    assert problems == [], "\n".join(problems)


def test_menu_folds_at_phone_width_and_opens_from_the_keyboard(
        browser: Any, live_server: Any) -> None:
    from playwright.sync_api import expect

    from tests.access.factories import UserFactory
    from tests.browser.pages import signed_in_page

    page = signed_in_page(browser, live_server, UserFactory(roles=["investigator"]))
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto("/")
        menu = page.locator("#site-menu")
        expect(menu).to_be_hidden()
        expect(page.get_by_test_id("who")).to_be_hidden()
        page.locator("#site-menu-toggle").focus()
        page.keyboard.press("Space")
        expect(menu.get_by_role("link", name=tr("en", "Cases"), exact=True)).to_be_visible()
        expect(page.get_by_test_id("who")).to_be_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        menu.get_by_role("link", name="Tasks", exact=True).click()
        expect(page).to_have_url(f"{live_server.url}/cases/tasks/")
        expect(page.locator("#site-menu")).to_be_hidden()
        page.set_viewport_size({"width": 1280, "height": 800})
        expect(page.locator("#site-menu")).to_be_visible()
        expect(page.locator("label[for=site-menu-toggle]")).to_be_hidden()
    finally:
        page.context.close()
