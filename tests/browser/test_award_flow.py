"""Issue 9's award flow: a partner's worker submits a nomination with an attachment, the
secretariat finds it eligible and closes the call, a juror scores it, and the chair names the
laureate, who then appears in the archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.access.factories import AgencyFactory, UserFactory
from tests.awards.factories import cycle
from tests.browser.pages import signed_in_page


def test_nomination_to_laureate(browser: Any, live_server: Any, artifacts: Path,
                                tmp_path: Path) -> None:
    from playwright.sync_api import expect

    office = AgencyFactory(name="National Coordinator", kind="coordinator", country="ISR")
    manager = UserFactory(roles=["coordinator"], agency=office)
    chair = UserFactory(roles=["juror"], agency=office)
    juror = UserFactory(roles=["juror"], agency=AgencyFactory(name="Ministry of Justice"))
    nominator = UserFactory(roles=["trainer"], agency=AgencyFactory(name="Partner NGO",
                                                                     kind="ngo"))
    award = cycle(manager, chair=chair, jurors=(juror,), title="Presidential award 2026")
    letter = tmp_path / "support.pdf"
    letter.write_bytes(b"%PDF-1.4 letter of support")

    page = signed_in_page(browser, live_server, nominator)
    page.get_by_role("link", name="Annual award").first.click()
    page.get_by_role("link", name="Presidential award 2026").click()
    page.get_by_role("link", name="Nominate").click()
    page.get_by_label("Nominee's name").fill("Rachel Stern")
    page.get_by_label("Nominee's organisation").fill("Hotline for Refugees and Migrants")
    page.get_by_role("button", name="Submit the nomination").click()
    expect(page.locator(".has-error")).to_contain_text("Why they deserve the award")
    page.get_by_label("Why they deserve the award").fill(
        "Identified forty victims of labour trafficking in agriculture.")
    page.get_by_label("Attachments").set_input_files(str(letter))
    page.get_by_role("button", name="Submit the nomination").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rachel Stern")
    expect(page.get_by_role("link", name="support.pdf")).to_be_visible()
    page.context.close()

    page = signed_in_page(browser, live_server, manager)
    page.goto(f"/awards/cycles/{award.pk}/")
    page.get_by_role("link", name="Rachel Stern").last.click()
    for box in page.locator("input[type=checkbox][name^=check_]").all():
        box.check()
    page.get_by_role("button", name="Record eligibility").click()
    expect(page.get_by_test_id("eligibility")).to_have_text("yes")
    page.goto(f"/awards/cycles/{award.pk}/")
    page.get_by_role("button", name="Close the call and hand the nominations to the jury"
                     ).click()
    expect(page.get_by_test_id("cycle-state")).to_have_text("with the jury")
    page.context.close()

    page = signed_in_page(browser, live_server, juror)
    page.goto(f"/awards/cycles/{award.pk}/ranking/")
    page.get_by_role("link", name="Rachel Stern").click()
    for select in page.locator("select[name^=mark_]").all():
        select.select_option("8")
    page.get_by_role("button", name="Save my score").click()
    expect(page.get_by_test_id("my-total")).to_contain_text("8.0")
    page.context.close()

    page = signed_in_page(browser, live_server, chair)
    page.goto(f"/awards/cycles/{award.pk}/ranking/")
    page.get_by_label("Citation").fill("For forty victims found and heard.")
    page.get_by_role("button", name="Name laureate").click()
    expect(page.get_by_test_id("laureate")).to_have_text("laureate")
    page.get_by_role("button", name="Close the deliberation and announce the laureates"
                     ).click()
    expect(page.get_by_test_id("cycle-state")).to_have_text("laureates announced")
    page.goto("/awards/archive/")
    expect(page.get_by_text("For forty victims found and heard.")).to_be_visible()
    page.screenshot(path=str(artifacts / "award-archive.png"), full_page=True)
    page.context.close()
