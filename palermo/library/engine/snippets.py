"""Highlighted snippets cut from the raw text: the window with the most matching words,
HTML-escaped, with each match in <mark>. Matching is on the analysed forms, so a vocalised
or prefixed word in the text is marked for an unvocalised, unprefixed query."""

from __future__ import annotations

from html import escape

from rapidfuzz.distance import Levenshtein

from palermo.library.engine.query import ParsedQuery, fuzzy_distance
from palermo.library.engine.text import RAW_WORD, analyse_raw

WINDOW = 240
MAX_MATCHES = 12  # enough to choose a good window; scanning a long text to its end is slow


def _near(word: str, fuzzy: list[str]) -> bool:
    return any(Levenshtein.distance(word, f, score_cutoff=fuzzy_distance(f))
               <= fuzzy_distance(f) for f in fuzzy)


def _is_match(raw: str, query: ParsedQuery, forms: set[str]) -> bool:
    for word in analyse_raw(raw):
        if (word.exact in forms or word.stem in forms
                or any(v in forms for v in word.variants)
                or any(word.exact.startswith(p) for p in query.prefixes)
                or (query.fuzzy and _near(word.exact, query.fuzzy))):
            return True
    return False


def _matches(text: str, query: ParsedQuery, forms: set[str]) -> list[tuple[int, int]]:
    spans = []
    # Words repeat (Zipf): decide each distinct word once per text.
    verdicts: dict[str, bool] = {}
    for match in RAW_WORD.finditer(text):
        raw = match.group()
        verdict = verdicts.get(raw)
        if verdict is None:
            verdict = verdicts[raw] = _is_match(raw, query, forms)
        if verdict:
            spans.append(match.span())
            if len(spans) >= MAX_MATCHES:
                break
    return spans


def snippet(text: str, query: ParsedQuery, window: int = WINDOW,
            extra_forms: set[str] | None = None) -> str:
    """HTML: an escaped extract of ``text`` around the best cluster of matches."""
    forms = query.highlight_forms() | (extra_forms or set())
    spans = _matches(text, query, forms) if forms or query.prefixes or query.fuzzy else []
    if not spans:
        cut = text[:window]
        return escape(cut) + ("…" if len(text) > window else "")
    best_start, best_count, right = spans[0][0], 0, 0
    for left, (start, _end) in enumerate(spans):
        right = max(right, left)
        while right + 1 < len(spans) and spans[right + 1][1] - start <= window:
            right += 1
        if right - left + 1 > best_count:
            best_start, best_count = start, right - left + 1
    start = max(0, best_start - window // 4)
    # Begin and end on a word boundary rather than mid-word.
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), start + window)
    while end < len(text) and not text[end].isspace():
        end += 1
    out, cursor = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        out.append(escape(text[cursor:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(escape(text[cursor:end]))
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")
