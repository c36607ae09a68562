"""Issue 18's second steps in triage: a reporter adds "plate 12-345" and a photo after sending
their report; the coordinator, who is offered no case and no agency by default and sees no
stray labels, first forgets to choose a case, is told so next to the field, then opens a case
from the report and is told what happened and what comes next; the case holds the addition
and both photos. Then the same page in Hebrew on a phone: right to left, nothing wider than
the screen, no serious accessibility fault."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

from palermo.portal.services.language import text
from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.axe import assert_accessible
from tests.browser.pages import signed_in_page

PHONE = {"width": 390, "height": 844}


def _photo(kind: str, name: str) -> dict[str, Any]:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 90, 160)).save(buffer, format=kind)
    mime = "image/png" if kind == "PNG" else "image/jpeg"
    return {"name": name, "mimeType": mime, "buffer": buffer.getvalue()}


def _report_and_add(browser: Any, live_server: Any) -> str:
    """A reporter on a phone sends a report with a photo, comes back and adds to it."""
    from playwright.sync_api import expect

    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True,
                                  has_touch=True)
    context.set_default_timeout(15_000)
    phone = context.new_page()
    # The live server's first answer imports every page's code: on a busy machine, slow.
    phone.goto("/public/en/report/", timeout=90_000)
    phone.get_by_label(text("report.field.what", "en")).fill(
        "Workers are locked in a packing house at night.")
    phone.get_by_label(text("report.field.images", "en")).set_input_files(
        [_photo("JPEG", "house.jpg")])
    phone.get_by_role("button", name=text("report.send", "en")).click()
    reference = phone.get_by_test_id("reference").inner_text().strip()
    phrase = phone.get_by_test_id("phrase").inner_text().strip()
    phone.goto("/public/en/report/return/")
    phone.get_by_label(text("report.done.reference", "en")).fill(reference)
    phone.get_by_label(text("report.done.phrase", "en")).fill(phrase)
    phone.get_by_role("button", name=text("return.open", "en")).click()
    phone.get_by_label(text("return.add.field", "en")).fill("The van's plate is 12-345.")
    phone.get_by_label(text("report.field.images", "en")).set_input_files(
        [_photo("PNG", "van.png")])
    phone.get_by_role("button", name=text("return.add.send", "en")).click()
    expect(phone.get_by_role("status")).to_have_text(text("return.added", "en"))
    context.close()
    return reference


def test_a_reports_additions_reach_the_case_opened_from_it(
        browser: Any, live_server: Any, artifacts: Path) -> None:
    from playwright.sync_api import expect

    reference = _report_and_add(browser, live_server)
    coordinator = UserFactory(roles=["coordinator"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    from tests.cases.factories import open_case

    open_case(coordinator, title="Newest unrelated case")
    AgencyFactory(name="Aardvark Agency")

    office = signed_in_page(browser, live_server, coordinator)
    office.goto("/triage/")
    office.get_by_role("link", name=reference).click()
    expect(office.get_by_text("Version")).to_have_count(0)
    expect(office.locator("#id_case")).to_have_value("")
    expect(office.locator("#id_case option:checked")).to_have_text("Choose a case")
    expect(office.locator("#id_agency option:checked")).to_have_text("Choose an agency")
    expect(office.get_by_test_id("triage-thread")).to_contain_text("12-345")
    assert_accessible(office, "triage report")

    office.get_by_role("button", name="Link to this case").click()
    case_field = office.locator(".field", has=office.locator("#id_case"))
    expect(case_field.locator(".error")).to_have_text("Choose the case to add the report to.")

    office.get_by_label("Title of the new case").fill("Packing house workers locked in")
    office.get_by_role("button", name="Open a case").click()
    said = office.get_by_role("status")
    expect(said).to_contain_text("was opened from public report " + reference)
    expect(said).to_contain_text(
        "Its notes and documents now hold 1 addition and 2 photos from the reporter.")
    expect(said).to_contain_text("Next: open the case to add the persons")
    expect(office.get_by_test_id("triage-status")).to_have_text("Case opened")
    office.screenshot(path=str(artifacts / "triage-case-opened.png"), full_page=True)

    office.get_by_test_id("case-link").click()
    expect(office.get_by_role("heading", level=1)).to_contain_text(
        "Packing house workers locked in")
    expect(office.locator(".timeline")).to_contain_text("The van's plate is 12-345.")
    expect(office.get_by_role("link", name=f"{reference}-photo-1.jpg")).to_be_visible()
    expect(office.get_by_role("link", name=f"{reference}-photo-2.png")).to_be_visible()
    office.screenshot(path=str(artifacts / "triage-case-with-additions.png"), full_page=True)
    office.context.close()


def test_the_triage_page_in_hebrew_fits_a_phone(browser: Any, live_server: Any,
                                                artifacts: Path) -> None:
    from playwright.sync_api import expect

    from tests.portal.helpers import portal_report

    report = portal_report(what="עובדים נעולים במשק בלילה.", language="he")
    coordinator = UserFactory(roles=["coordinator"], language="he", agency=AgencyFactory(
        name="הרשות הלאומית", kind="coordinator", country="ISR"))
    office = signed_in_page(browser, live_server, coordinator)
    office.set_viewport_size(PHONE)
    office.goto(f"/triage/{report.pk}/")
    expect(office.locator("html")).to_have_attribute("dir", "rtl")
    expect(office.get_by_test_id("report-what")).to_have_text("עובדים נעולים במשק בלילה.")
    expect(office.locator("label[for=id_version]")).to_have_count(0)
    assert office.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert_accessible(office, "triage report (he, phone)")
    office.screenshot(path=str(artifacts / "triage-he-phone.png"), full_page=True)
    office.context.close()
