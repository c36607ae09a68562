"""The machinery of the per-role walks (tests/browser/test_role_walks.py).

A walk is what one demo user does from signing in to the result of their main work. It runs
against a real ``palermo serve`` seeded by ``palermo demo`` (once for all walks), in English
and Hebrew, at desktop width and at 390 px. At every page the ``Walker`` saves a screenshot
into test-artifacts/ and checks what a user would notice: an error page, a serious
accessibility fault (axe-core), a page wider than a phone's screen, a code name or an
exception's text on screen. It collects every problem of the walk, so one run lists them all.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils import translation
from django_otp.oath import totp

from tests.browser.axe import BLOCKING, violations
from tests.exchange.test_two_installations import Installation
from tests.web.test_no_code_names import code_names

DOMAIN = "demo.palermo.test"
# The order keeps language switches to two per walk: English, then Hebrew, then back.
VARIANTS = (("en", "desktop"), ("en", "phone"), ("he", "phone"), ("he", "desktop"))
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
EXCEPTION_TEXT = re.compile(r"Traceback|\b[A-Z]\w+(?:Error|Exception)\b|object has no attribute")


class DemoSite:
    """``palermo serve`` on the demo data, in a data directory of its own."""

    def __init__(self, root: Path) -> None:
        self.installation = Installation(root)
        self.installation.run("demo")
        self.installation.serve()
        self.url = f"http://127.0.0.1:{self.installation.port}"
        self.password = (root / "demo_password").read_text().strip()

    def stop(self) -> None:
        self.installation.stop()


def tr(language: str, text: str) -> str:
    """``text`` as the server shows it in ``language`` (the same catalogue, read here)."""
    with translation.override(language):
        return translation.gettext(text)


def _code(secret: str) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


@dataclass
class Walker:
    """One demo user's browser page, and what went wrong on the way."""

    page: Any
    role: str
    artifacts: Path
    language: str = "en"
    width: str = "desktop"
    problems: list[str] = field(default_factory=list)
    _step: int = 0
    _refused: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        def seen(response: Any) -> None:
            if response.request.is_navigation_request() and response.status >= 400:
                self._refused.append(f"{response.status} at {response.url}")

        self.page.on("response", seen)

    def t(self, text: str) -> str:
        return tr(self.language, text)

    # Moving about as a user does.

    def menu(self, label: str) -> None:
        """Open ``label`` from the header's menu, unfolding it first on a phone."""
        button = self.page.locator("label[for=site-menu-toggle]")
        if button.is_visible():
            button.click()
        self.page.locator("#site-menu").get_by_role(
            "link", name=self.t(label), exact=True).click()
        self.page.wait_for_load_state()

    def click(self, role: str, name: str, *, translate: bool = True, exact: bool = True) -> None:
        self.page.get_by_role(role, name=self.t(name) if translate else name,
                              exact=exact).first.click()
        self.page.wait_for_load_state()

    def switch_language(self, language: str) -> None:
        if self.language == language:
            return
        with translation.override(language):
            name = translation.get_language_info(language)["name_local"]
        self.page.locator(".language-switch").get_by_role("button", name=name).click()
        self.page.wait_for_load_state()
        self.language = language

    def resize(self, width: str) -> None:
        self.width = width
        self.page.set_viewport_size(SIZES[width])

    # What a user would notice.

    def look(self, name: str) -> None:
        """Screenshot this page and note each problem on it."""
        self._step += 1
        page = self.page
        where = f"{self.role}, {self.language}, {self.width}, {name} ({page.url})"
        page.screenshot(path=str(self.artifacts / (
            f"walk-{self.role}-{self.language}-{self.width}-{self._step:02d}-{name}.png")),
            full_page=True)
        self.problems.extend(f"{where}: answered {refused}" for refused in self._refused)
        self._refused.clear()
        if page.locator("html").get_attribute("lang") != self.language:
            self.problems.append(f"{where}: the page is not in {self.language}")
        for found in violations(page):
            if found.get("impact") in BLOCKING:
                targets = ", ".join(" ".join(n["target"]) for n in found["nodes"][:3])
                self.problems.append(f"{where}: axe {found['id']} ({found['impact']}): "
                                     f"{found['help']} at {targets}")
        if self.width == "phone":
            wider = page.evaluate(_OVERFLOW)
            if wider:
                self.problems.append(f"{where}: wider than the screen: {wider}")
        text = page.evaluate("document.body.innerText")
        # What a page sets as code (<code>, <kbd>) it shows on purpose, as something to type
        # or copy: the audit log's record types, which its filter takes.
        shown_as_code = page.evaluate(
            "[...document.querySelectorAll('code, kbd, samp')].map(e => e.innerText).join(' ')")
        if words := sorted(set(code_names(text)) - set(code_names(shown_as_code))):
            self.problems.append(f"{where}: code names on screen: {', '.join(words)}")
        if found_text := EXCEPTION_TEXT.search(text):
            self.problems.append(f"{where}: an exception's text on screen: {found_text[0]}")


# The page's scrolling width beyond the screen, and the outermost elements that stick out on
# the side a reader can scroll to (the right in English, the left in Hebrew).
_OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.scrollingElement.scrollWidth <= width) return "";
  const rtl = document.documentElement.dir === "rtl";
  const out = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width && (rtl ? r.left < -1 : r.right > width + 1);
  }).filter((e, i, all) => !all.includes(e.parentElement));
  const named = e => e.tagName.toLowerCase()
    + (e.getAttribute("class") ? "." + e.getAttribute("class").split(" ")[0] : "");
  return document.scrollingElement.scrollWidth + "px: " + out.slice(0, 4).map(named).join(", ");
}"""


def sign_in(walker: Walker, local: str, password: str) -> None:
    """Through the sign-in page and, at a first sign-in, the authenticator set-up."""
    page = walker.page
    page.goto("/access/login/")
    walker.look("sign-in")
    page.get_by_label(walker.t("Email")).fill(f"{local}@{DOMAIN}")
    page.get_by_label(walker.t("Password")).fill(password)
    page.get_by_role("button", name=walker.t("Sign in")).click()
    page.wait_for_load_state()
    secret = page.get_by_test_id("totp-secret")
    if secret.count():
        walker.look("second-factor")
        page.get_by_label(walker.t("Six-digit code from your authenticator app")).fill(
            _code(secret.inner_text().strip()))
        page.get_by_role("button", name=walker.t("Confirm")).click()
        page.wait_for_load_state()
    walker.look("dashboard")


def variants(walker: Walker) -> Iterator[None]:
    """Each language and width in turn: the walk's steps run once for each, from the
    dashboard (the user signed in once: a second factor is not given four times a minute)."""
    for language, width in VARIANTS:
        walker.resize(width)
        if (language, width) != VARIANTS[0]:
            walker.page.goto("/")
            walker.switch_language(language)
            walker.look("dashboard")
        yield
