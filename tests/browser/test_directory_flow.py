"""Issue 9's done-when for the directory: the coordinator searches the partners, opens one,
adds a contact and downloads its vCard, which an address-book parser reads back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import vobject

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.pages import signed_in_page
from tests.directory.factories import organisation


def test_search_open_add_contact_and_export(browser: Any, live_server: Any,
                                            artifacts: Path) -> None:
    from playwright.sync_api import expect

    coordinator = UserFactory(roles=["coordinator"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    organisation(coordinator)
    organisation(coordinator, name="Harbour Legal Aid", acronym="", kind="ngo", country="ISR",
                 mandate="Legal aid.")

    page = signed_in_page(browser, live_server, coordinator)
    page.get_by_role("link", name="Partners").first.click()
    page.get_by_label("Search").fill("migration")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Harbour Legal Aid")).to_have_count(0)
    page.get_by_role("link", name="International Organization for Migration").click()
    page.get_by_role("link", name="Add a contact").click()
    page.get_by_label("Name").fill("Maya Cohen")
    page.get_by_label("Role").fill("Counter-trafficking officer")
    page.get_by_label("Email").fill("not an address")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a valid email address.")
    page.get_by_label("Email").fill("maya@iom.example")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("contacts")).to_contain_text("Maya Cohen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download vCard").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    cards = list(vobject.readComponents(text))
    assert [c.fn.value for c in cards] == ["International Organization for Migration",
                                           "Maya Cohen"]
    assert cards[1].email.value == "maya@iom.example"
    page.screenshot(path=str(artifacts / "directory-organisation.png"), full_page=True)
    page.context.close()
