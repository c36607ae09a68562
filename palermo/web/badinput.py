"""What no request may carry, whatever the field, checked once for pages, the API and the
exchange's message files alike: text with a NUL character or an unpaired surrogate (the
database refuses the first, UTF-8 cannot encode the second), integers beyond 64 bits (no
column holds them) and JSON nested deeper than any of our documents.

Pure Python: the exchange's message reader uses it too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
# Our deepest documents (an HST message, a library change) are under ten levels; Python's
# own parser and every recursive walk after it give out near a thousand.
MAX_JSON_DEPTH = 64

# Real offsets lie between -12:00 and +14:00; PostgreSQL refuses anything beyond ±15:59.
MAX_UTC_OFFSET = dt.timedelta(hours=15, minutes=59)

# A lone surrogate is what a JSON "\ud800" escape becomes; a valid pair is decoded into one
# code point, so any surrogate left in a str is unpaired.
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")

Path = tuple[str | int, ...]


class BadJson(ValueError):
    """A JSON document refused before it reaches any field: not JSON, or nested too deep."""


def text_problem(value: str) -> str | None:
    found = _BAD_TEXT.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return "contains a NUL character"
    return "contains an unpaired surrogate (not valid Unicode text)"


def int_problem(value: int) -> str | None:
    if INT64_MIN <= value <= INT64_MAX:
        return None
    return f"must be between {INT64_MIN} and {INT64_MAX}"


def time_problem(value: dt.datetime) -> str | None:
    offset = value.utcoffset()
    if offset is None or abs(offset) <= MAX_UTC_OFFSET:
        return None
    return "has a time zone offset beyond ±15:59"


def problems(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every bad text (keys included), out-of-range integer and impossible time zone offset
    in decoded data, with its path. Iterative, so that depth alone cannot exhaust the
    stack."""
    stack: list[tuple[Path, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                yield where, problem
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            problem = int_problem(value)
            if problem:
                yield where, problem
        elif isinstance(value, dt.datetime):
            problem = time_problem(value)
            if problem:
                yield where, problem
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and (problem := text_problem(key)):
                    yield (*where, key), f"the name {problem}"
                stack.append(((*where, key), item))
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(((*where, index), item) for index, item in enumerate(value))


def depth(data: Any) -> int:
    """How deeply lists and objects nest (a scalar is 0, ``[]`` is 1)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, level)
            stack.extend((item, level + 1) for item in value)
    return deepest


def _no_constant(name: str) -> Any:
    raise BadJson(f"{name} is not a JSON number")


def loads(text: str | bytes) -> Any:
    """``json.loads`` that refuses NaN and Infinity and anything nested deeper than
    MAX_JSON_DEPTH, with a BadJson saying so (json.JSONDecodeError for malformed JSON)."""
    too_deep = BadJson(f"the JSON is nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise too_deep from None
    if depth(data) > MAX_JSON_DEPTH:
        raise too_deep
    return data


def dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)
