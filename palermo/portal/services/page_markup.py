"""The text of an information page: plain text with a few marks, turned into safe HTML.

Everything the author wrote is escaped; the only HTML produced is paragraphs, headings
(``#``, ``##``, ``###``), bulleted (``-``) and numbered (``1.``) lists, ``**strong**`` and links
``[text](target)`` whose target is a portal page (``/public/...``), a telephone number
(``tel:``) or an e-mail address (``mailto:``). A link anywhere else is refused when the text
is saved, naming its line, so the public is never sent off the portal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
# Anything that looks like a link, to refuse the ones that would not become one.
LOOSE_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^)\s]*)")
STRONG = re.compile(r"\*\*([^*\n]+)\*\*")
HEADING = re.compile(r"^(#{1,3})\s+(.+)$")
BULLET = re.compile(r"^[-*]\s+(.+)$")
NUMBERED = re.compile(r"^\d{1,3}[.)]\s+(.+)$")
PORTAL_PATH = re.compile(r"^/public/[A-Za-z0-9_\-/.#?=&]*$")
TELEPHONE = re.compile(r"^tel:\+?[0-9][0-9\-]{1,30}$")
MAILTO = re.compile(r"^mailto:[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Fault:
    line: int
    target: str


def allowed_target(target: str) -> bool:
    if target.startswith("/public/"):
        return bool(PORTAL_PATH.match(target)) and "//" not in target and ".." not in target
    return bool(TELEPHONE.match(target) or MAILTO.match(target))


def faults(text: str) -> list[Fault]:
    """Every link whose target the portal does not allow, with its line number."""
    return [Fault(number, match.group(2))
            for number, line in enumerate(text.splitlines(), start=1)
            for match in LOOSE_LINK.finditer(line) if not allowed_target(match.group(2))]


def _inline(text: str) -> str:
    """Escape a line, then turn its allowed links and strong marks into HTML."""
    out: list[str] = []
    last = 0
    for match in LINK.finditer(text):
        out.append(_strong(escape(text[last:match.start()])))
        label, target = match.group(1), match.group(2)
        if allowed_target(target):
            out.append(f'<a href="{escape(target)}">{_strong(escape(label))}</a>')
        else:
            out.append(_strong(escape(match.group(0))))
        last = match.end()
    out.append(_strong(escape(text[last:])))
    return "".join(out)


def _strong(escaped: str) -> str:
    return STRONG.sub(r"<strong>\1</strong>", escaped)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _block(block: list[str]) -> list[str]:
    """One block of lines as HTML: headings, lists and paragraphs in the order written."""
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    kind = ""

    def flush(paragraph: list[str], items: list[str], kind: str) -> None:
        if paragraph:
            html.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()
        if items:
            html.append(f"<{kind}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{kind}>")
            items.clear()

    for line in block:
        heading, bullet, numbered = HEADING.match(line), BULLET.match(line), NUMBERED.match(line)
        if heading:
            flush(paragraph, items, kind)
            level = len(heading.group(1)) + 1
            html.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif bullet or numbered:
            wanted = "ul" if bullet else "ol"
            if paragraph or (items and kind != wanted):
                flush(paragraph, items, kind)
            kind = wanted
            items.append(_inline((bullet or numbered).group(1)))  # type: ignore[union-attr]
        else:
            if items:
                flush(paragraph, items, kind)
            paragraph.append(_inline(line))
    flush(paragraph, items, kind)
    return html


def render(text: str) -> SafeString:
    # Every piece of the author's text is escaped by _inline before it is marked safe.
    return mark_safe("\n".join(html for block in _blocks(text) for html in _block(block)))


def plain(text: str, limit: int = 200) -> str:
    """The text without its marks, for a summary in a list of pages."""
    words = LINK.sub(r"\1", STRONG.sub(r"\1", text))
    lines = [HEADING.sub(r"\2", BULLET.sub(r"\1", line.strip())) for line in words.splitlines()]
    flat = " ".join(line for line in lines if line)
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + "…"
