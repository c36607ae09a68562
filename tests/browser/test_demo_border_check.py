"""Issue 4's done-when, on the demo data: the border officer pastes the ICAO TD3 specimen
MRZ and gets the planted stolen-document hit and the person hit with its green notice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.screening.factories import TD3


def test_specimen_passport_hits_document_and_noticed_person(
    page: Any, settings: Any, tmp_path: Path, artifacts: Path
) -> None:
    from playwright.sync_api import expect

    from palermo.access.demo import demo_password
    from palermo.ops.services import seed_demo

    settings.DATA_DIR = tmp_path
    seed_demo(lambda line: None)
    page.goto("/access/login/")
    page.get_by_label("Email").fill("border@demo.palermo.test")
    page.get_by_label("Password").fill(demo_password())
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Screening").click()
    field = page.get_by_label("Scan or type a passport MRZ, a document number, a VIN or a name")
    field.fill(TD3)
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("HIT")
    hits = page.locator(".hit")
    expect(hits.filter(has_text="L898902C3")).to_have_count(1)
    notice = page.get_by_test_id("hit-notice")
    expect(notice).to_contain_text("Green notice")
    expect(notice).to_contain_text("Israel Police")
    expect(page.get_by_text("Inform the issuing agency of the trip at once")).to_be_visible()
    page.screenshot(path=str(artifacts / "demo-border-check.png"), full_page=True)
