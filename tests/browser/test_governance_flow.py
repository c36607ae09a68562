"""Issue 9's done-when for governance: the coordinator records a meeting's decision with an
action item for the police; the police see it on their dashboard and mark it done."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from tests.access.factories import AgencyFactory, UserFactory
from tests.browser.pages import signed_in_page
from tests.governance.factories import meeting


def test_decision_to_done_action_item(browser: Any, live_server: Any,
                                      artifacts: Path) -> None:
    from playwright.sync_api import expect

    coordinator = UserFactory(roles=["coordinator"], agency=AgencyFactory(
        name="National Coordinator", kind="coordinator", country="ISR"))
    police = UserFactory(roles=["investigator"],
                         agency=AgencyFactory(name="Israel Police", country="ISR"))
    meeting(coordinator, title="Quarterly meeting")
    deadline = dt.date.today() + dt.timedelta(days=14)

    page = signed_in_page(browser, live_server, coordinator)
    page.get_by_role("link", name="Committees").first.click()
    page.get_by_role("link", name="Directors General Committee").click()
    page.get_by_role("link", name="Quarterly meeting").click()
    page.get_by_text("Record a decision").click()
    page.get_by_label(re.compile(r"^Decision")).fill("The police report on the farm raids.")
    page.get_by_label("Action item", exact=True).fill("Report on the farm raids")
    page.get_by_label("Owning agency").select_option(label="Israel Police")
    page.get_by_label("Deadline").fill(deadline.isoformat())
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_test_id("decision")).to_contain_text("Report on the farm raids")

    page.context.close()
    page = signed_in_page(browser, live_server, police)
    card = page.get_by_test_id("agency-actions")
    expect(card).to_contain_text("Report on the farm raids")
    card.get_by_role("link", name="Report on the farm raids").click()
    expect(page.get_by_test_id("action-status")).to_have_text("open")
    page.get_by_label("Status").select_option(label="done")
    page.get_by_label("Progress note").fill("Report sent to the committee.")
    page.get_by_role("button", name="Save the status").click()
    expect(page.get_by_test_id("action-status")).to_have_text("done")
    page.goto("/")
    expect(page.get_by_text("Nothing open for your agency.")).to_be_visible()
    page.screenshot(path=str(artifacts / "governance-action-done.png"), full_page=True)
    page.context.close()
