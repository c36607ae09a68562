"""Citations of other decisions found in a decision's text, in the forms courts write them:

- Israeli: a case type in Hebrew (ע"פ, ת"פ, רע"פ, תפ"ח, בג"ץ …) or its English abbreviation
  (Crim. A., CrimA, CrimC, LCrimA, CA, HCJ …), an optional court in brackets, then the number
  (1234/05 or 40237-05-19);
- international tribunals: IT-96-23-T, ICTR-96-4-A, ICC-01/04-01/06;
- ECLI identifiers: ECLI:EU:C:2019:1;
- neutral citations: [2019] EWCA Crim 123;
- "дело № 1-234/2019" and "القضية رقم 2019/123", the forms the demo's courts use.

Each citation has a ``key`` that does not depend on how it was written (spaces, case,
Hebrew or English type), so that it can be matched against a decision's case number. An
Israeli key is the number alone: "ע"פ 1234/05" and "Crim. A. 1234/05" are the same appeal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Q = "[\"״'׳]{1,2}"
# Case types of Israeli courts; a prefix letter (ב, ו, ה …) before one is not part of it.
_HEBREW_TYPES = ["ע{q}פ", "ת{q}פ", "רע{q}פ", "דנ{q}פ", "תפ{q}ח", "ב{q}ש", "בש{q}פ", "עפ{q}ג",
                 "עפ{q}א", "מ{q}ת", "ע{q}א", "רע{q}א", "דנ{q}א", "ת{q}א", "בג{q}ץ", "עת{q}מ",
                 "עע{q}ם", "רע{q}ב", "ת{q}ח", "עמ{q}ת"]
_HEBREW_TYPE = "(?:" + "|".join(t.format(q=_Q) for t in _HEBREW_TYPES) + ")"
_ENGLISH_TYPE = (r"(?:Crim\.?\s?A\.?|CrimA|CrimApp|Cr\.?\s?A\.?|LCrimA|CrimC|SCrimC|CrimFH|"
                 r"LCA|CA|HCJ|CFH|AdminA|MCrimA)")
_COURT = r"(?:\s*\([^()\n]{1,40}\))?"
_IL_NUMBER = r"(?P<number>\d{1,6}/\d{2}(?:\d{2})?|\d{1,6}-\d{2}-\d{2})(?![\d/-])"
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("israeli", re.compile(rf"(?<![\u05d0-\u05ea])(?:[ובהכלמש]{{1,2}}-?)??"
                           rf"(?P<cite>{_HEBREW_TYPE}{_COURT}\s*{_IL_NUMBER})")),
    ("israeli", re.compile(rf"\b{_ENGLISH_TYPE}{_COURT}\s*{_IL_NUMBER}")),
    ("tribunal", re.compile(r"\b((?:IT|ICTR|MICT)-\d{2}-\d{1,3}(?:/\d)?(?:-[A-Z]{1,3}\d?)?"
                            r"|ICC-\d{2}/\d{2}-\d{2}/\d{2}(?:-[A-Z]{1,3})?)\b")),
    ("ecli", re.compile(r"\b(ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]*[A-Z0-9])",
                        re.IGNORECASE)),
    ("neutral", re.compile(r"(\[(?:19|20)\d{2}\]\s+(?:UKSC|UKHL|UKPC|EWCA\s+(?:Crim|Civ)|"
                           r"EWHC|NICA|CSIH|HCA|SCC|NZSC|IESC|IECA)\s+\d{1,5})")),
    ("national", re.compile(r"(?:дел[оау]|Дело)\s*№\s*(\d[\d/-]*\d)")),
    ("national", re.compile(r"(?:القضية|الدعوى)\s+رقم\s*(\d[\d/]*\d)")),
]
_BARE_IL = re.compile(rf"(?<!\d){_IL_NUMBER}")


@dataclass(frozen=True)
class Found:
    text: str  # as written
    key: str
    form: str
    start: int


def _key(form: str, value: str) -> str:
    value = re.sub(r"\s+", " ", value.strip())
    if form == "israeli":
        return f"il:{value}"
    if form == "neutral":
        return "neutral:" + value.upper()
    if form == "national":
        return f"no:{value}"
    return f"{form}:{value.upper()}"


def detect(text: str) -> list[Found]:
    """Every citation in the text once (by key), in the order they first appear."""
    found: dict[str, Found] = {}
    spans: list[tuple[int, int]] = []
    for form, pattern in _FORMS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in spans):
                continue
            spans.append((start, end))
            key = _key(form, match.group("number") if "number" in pattern.groupindex
                       else match.group(1))
            if key not in found or found[key].start > start:
                written = match.group("cite") if "cite" in pattern.groupindex else match.group(0)
                found[key] = Found(written.strip(), key, form, start)
    return sorted(found.values(), key=lambda f: f.start)


def case_key(case_number: str) -> str:
    """The key of a decision's own case number, to match citations against: the first
    citation form found in it, else an Israeli number written without its type, else the
    case number itself, spaces collapsed and case folded."""
    if not case_number.strip():
        return ""
    found = detect(case_number)
    if found:
        return found[0].key
    bare = _BARE_IL.search(case_number)
    if bare:
        return _key("israeli", bare.group(1))
    return "other:" + re.sub(r"\s+", " ", case_number.strip()).casefold()
