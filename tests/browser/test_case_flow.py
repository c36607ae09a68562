"""An investigator opens a case, adds a victim and a suspect and refers the victim to welfare;
the investigator attaches a statement about the victim and notes something about the suspect;
a social worker accepts the referral and sees the victim and the statement, but never the
suspect nor the note about him."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.access.factories import PASSWORD, AgencyFactory, UserFactory, totp_now


def sign_in(page: Any, user: Any) -> None:
    page.goto("/access/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Six-digit code from your authenticator app").fill(
        totp_now(user.totpdevice_set.get()))
    page.get_by_role("button", name="Verify").click()


def test_open_case_refer_victim_and_welfare_sees_only_the_victim(
    browser: Any, live_server: Any, artifacts: Path
) -> None:
    from playwright.sync_api import expect

    police = UserFactory(roles=["investigator"], agency=AgencyFactory(name="Israel Police"))
    social = UserFactory(roles=["social_worker"],
                         agency=AgencyFactory(name="Welfare Ministry", kind="welfare"))

    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, police)
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name="Open a case").click()
    page.get_by_label("Title").fill("Workers held on a farm")
    page.get_by_label("Recruitment").check()
    page.get_by_label("Deception").check()
    page.get_by_label("Forced labour", exact=True).first.check()
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_role("heading", name="Workers held on a farm")).to_be_visible()

    page.get_by_role("link", name="Add a victim").click()
    page.locator("#id_names").fill("Somchai Boonmee\nสมชาย บุญมี")
    page.get_by_label("Birth date", exact=True).fill("1991-03-02")
    page.get_by_role("button", name="Add to the case").click()
    page.get_by_role("link", name="Add a suspect or other person").click()
    page.get_by_label("Role in the case").select_option("suspect")
    page.locator("#id_names").fill("Yaakov Ben-David")
    page.get_by_role("button", name="Add to the case").click()
    persons = page.get_by_test_id("persons")
    expect(persons).to_contain_text("Somchai Boonmee")
    expect(persons).to_contain_text("Yaakov Ben-David")

    page.get_by_role("link", name="Somchai Boonmee").click()
    page.get_by_role("link", name="Refer to another agency").click()
    page.get_by_label("Refer to").select_option(label="Welfare Ministry")
    page.get_by_label("Reason").select_option("shelter")
    page.get_by_label("the person consented").check()
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_text("Referral sent to Welfare Ministry for “Shelter”")).to_be_visible()

    page.get_by_role("link", name="Workers held on a farm").first.click()
    page.get_by_text("Attach a document", exact=True).click()
    upload = page.locator("form", has=page.get_by_label("Attach a document", exact=False))
    upload.get_by_label("Attach a document", exact=False).set_input_files(
        files=[{"name": "statement.txt", "mimeType": "text/plain",
                "buffer": b"Statement of Somchai Boonmee"}])
    upload.get_by_label("Somchai Boonmee").check()
    upload.get_by_role("button", name="Attach", exact=True).click()
    expect(page.get_by_text("The document statement.txt is attached.")).to_be_visible()
    note = page.locator("form", has=page.get_by_role("button", name="Add note"))
    note.get_by_role("textbox").fill("Yaakov was seen in Eilat on Tuesday.")
    note.get_by_label("Yaakov Ben-David").check()
    note.get_by_role("button", name="Add note").click()
    expect(page.get_by_text("Yaakov was seen in Eilat on Tuesday.")).to_be_visible()
    page.screenshot(path=str(artifacts / "case-as-police.png"), full_page=True)
    context.close()

    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, social)
    expect(page.get_by_test_id("badge-count")).to_have_text("1")
    page.get_by_role("link", name="Referrals").first.click()
    incoming = page.get_by_test_id("incoming")
    expect(incoming).to_contain_text("Israel Police")
    incoming.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("You accepted the referral from Israel Police")).to_be_visible()
    page.get_by_test_id("incoming").get_by_role("link", name="Open").click()
    expect(page).to_have_url(re.compile(r"/cases/\d+/$"))
    expect(page.get_by_test_id("persons")).to_contain_text("Somchai Boonmee")
    expect(page.get_by_test_id("persons")).not_to_contain_text("Yaakov")
    expect(page.get_by_test_id("persons")).not_to_contain_text("Suspect")
    expect(page.get_by_role("link", name="statement.txt")).to_be_visible()
    expect(page.get_by_text("Yaakov was seen in Eilat")).to_have_count(0)
    page.screenshot(path=str(artifacts / "case-as-welfare.png"), full_page=True)
    context.close()
