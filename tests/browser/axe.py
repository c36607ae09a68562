"""The accessibility scan of the browser tests: axe-core (a pinned npm test dependency in
tests/browser/package.json, installed by ``make test``) injected into the page under test.

Use ``assert_accessible(page, "name")`` after a page has loaded: it fails on every serious
or critical violation of WCAG 2.1 A/AA, listing rule, impact and the offending elements.
Without axe-core installed the test skips, and fails when ``PALERMO_REQUIRE_BROWSER=1``
(as in CI), so a missing scanner is never a silent pass.

The portal's CSP forbids inline scripts, but Playwright's ``evaluate`` runs in the page
through the DevTools protocol, which the CSP does not govern; nothing is added to the page
as served.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci --prefix tests/browser` (make test does)"
        if os.environ.get("PALERMO_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def violations(page: Any) -> list[dict[str, Any]]:
    """Every violation axe-core finds on the page as it is now."""
    page.evaluate(axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", TAGS)
    return list(result["violations"])


def assert_accessible(page: Any, name: str = "") -> None:
    blocking = [v for v in violations(page) if v.get("impact") in BLOCKING]
    described = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5]) for v in blocking)
    assert not blocking, f"accessibility violations on {name or page.url}:\n{described}"


@pytest.fixture
def axe() -> Any:
    """``axe(page, "name")``: the scan as a fixture, for tests that prefer one."""
    axe_source()
    return assert_accessible
