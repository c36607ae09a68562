"""Issue 8's dashboard in a browser: the coordinator opens the statistics, switches the
period, sees a chart and the table behind it, then reads the same page in Hebrew, right to
left."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import timezone

from tests.browser.pages import signed_in_page
from tests.insights.factories import office, victims


def test_coordinator_reads_the_dashboard_in_both_languages(browser: Any, live_server: Any,
                                                           artifacts: Path) -> None:
    from playwright.sync_api import expect

    people = office()
    victims(people, 6, sex="F", forms=["SexualExploitation"])
    victims(people, 7, sex="M", forms=["ForcedLabour"])
    year = timezone.localdate().year

    page = signed_in_page(browser, live_server, people.coordinator)
    expect(page.get_by_test_id("insights-card")).to_be_visible()
    page.get_by_role("link", name="Statistics").first.click()
    expect(page.get_by_test_id("period-shown")).to_contain_text(f"Period {year}")
    panel = page.get_by_test_id("panel-victims_sex_age")
    expect(panel.locator("svg[role=img]")).to_be_visible()
    table = panel.get_by_test_id("table-victims_sex_age")
    expect(table.locator("tfoot")).to_contain_text("13")
    adults = table.locator("tr", has=page.get_by_role("rowheader", name="Adult", exact=True))
    expect(adults).to_contain_text("6")

    period = page.get_by_test_id("period-form")
    period.get_by_label("Year").select_option(str(year - 1))
    period.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("period-shown")).to_contain_text(
        f"Period {year - 1}, compared with {year - 2}.")
    expect(page.get_by_test_id("panel-victims_sex_age")
           .get_by_test_id("table-victims_sex_age").locator("tfoot")).to_contain_text("0")

    period = page.get_by_test_id("period-form")
    period.get_by_label("From", exact=True).fill(f"{year}-01-01")
    period.get_by_label("To", exact=True).fill(timezone.localdate().isoformat())
    period.get_by_label("Year").select_option("")
    period.get_by_role("button", name="Show").click()
    expect(page.get_by_test_id("period-shown")).to_contain_text(f"Period {year}-01-01")
    page.screenshot(path=str(artifacts / "insights-dashboard-en.png"), full_page=False)

    page.locator("form.language-switch button[value=he]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    hebrew = page.get_by_test_id("panel-victims_sex_age")
    expect(hebrew.get_by_role("heading")).to_have_text("נפגעי סחר שאותרו לפי קבוצת גיל ומין")
    expect(hebrew.locator("svg[role=img]")).to_be_visible()
    expect(hebrew.get_by_test_id("table-victims_sex_age").locator("thead")).to_contain_text(
        "נקבה")
    box = hebrew.get_by_test_id("table-victims_sex_age").locator("thead th").first.bounding_box()
    width = page.viewport_size["width"]
    assert box is not None and box["x"] > width / 2, "the first column should be on the right"
    page.screenshot(path=str(artifacts / "insights-dashboard-he.png"), full_page=False)
