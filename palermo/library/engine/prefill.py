"""Fields a user confirms after an upload, read from the text where the usual forms appear:
the decision date, the case number and the court's name."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DATE_DMY = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b")
_DATE_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_DATE_WORDS = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r"),? ((?:19|20)\d{2})\b",
                         re.IGNORECASE)
# Israeli forms (ת"פ 12345-06-19, ע"פ 1234/20), and "Case No. ..." in English.
_CASE_NUMBER = re.compile(
    r"(?:(?:ת\"פ|ע\"פ|רע\"פ|תפ\"ח|ע\"פ|ב\"ש)\s*\d{1,6}[-/]\d{2}(?:[-/]\d{2})?)"
    r"|(?:(?:case|criminal case|appeal)\s+(?:no\.?|number)\s*:?\s*[\w./-]*\d[\w./-]*)"
    r"|(?:(?:дело|уголовное дело)\s*№\s*[\w./-]*\d[\w./-]*)"
    r"|(?:(?:القضية|الدعوى)\s+رقم\s*[\d/]+)",
    re.IGNORECASE)
_COURT = re.compile(
    r"(בית המשפט (?:העליון|המחוזי(?: ב?[\u05d0-\u05ea]+(?:[ -][\u05d0-\u05ea]+)?)?|השלום"
    r"(?: ב[\u05d0-\u05ea]+)?))"
    r"|((?:the )?(?:supreme|district|high|magistrates'?|appeals?|crown|federal|regional)"
    r"(?: [A-Z][a-z]+)* court(?: of (?:appeal|justice)| of [A-Z][a-z]+)?)"
    r"|((?:[А-Я][а-я]+ )?(?:районный|городской|областной|верховный) суд(?: [А-Я]?[а-я]+)*)"
    r"|(محكمة (?:الاستئناف|التمييز|الجنايات|النقض|البداية)(?: [\u0600-\u06ff]+)?)",
    re.IGNORECASE)


@dataclass
class Prefill:
    decision_date: dt.date | None = None
    case_number: str = ""
    court: str = ""


def _date(text: str) -> dt.date | None:
    candidates: list[tuple[int, dt.date | None]] = []
    for match in _DATE_ISO.finditer(text):
        y, m, d = map(int, match.groups())
        candidates.append((match.start(), _safe(y, m, d)))
    for match in _DATE_DMY.finditer(text):
        d, m, y = map(int, match.groups())
        candidates.append((match.start(), _safe(y, m, d)))
    for match in _DATE_WORDS.finditer(text):
        day, month, year = match.groups()
        candidates.append((match.start(), _safe(int(year), _MONTHS[month.lower()], int(day))))
    # The first date in the heading is the decision's; later ones are usually the offences'.
    valid = sorted((pos, found) for pos, found in candidates if found is not None)
    return valid[0][1] if valid else None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def prefill(text: str) -> Prefill:
    head = text[:8000]  # the heading of a judgment carries these
    case = _CASE_NUMBER.search(head)
    court = _COURT.search(head)
    return Prefill(decision_date=_date(head),
                   case_number=case.group().strip()[:64] if case else "",
                   court=court.group().strip()[:200] if court else "")
