"""Reading an imported CSV so that a quote left open is a fault naming the line where it
opened, never a value that quietly swallowed the rest of the file.

Left to itself, Python's csv module takes everything after an unclosed quote as one value, up
to the end of the file or to the next quote, and an import then reports "2 added, 0 bad rows"
for a file of a thousand. :func:`records` reads with ``strict=True`` (a quote still open at the
end of the file, or text right after a closing quote, is an error) and also refuses what strict
reading lets through: a value running over more than ``max_lines`` lines, and a row spread over
several lines whose cells do not match the header's, which is what a quote closed by accident
on a later row looks like. Every importer reading CSV calls it, and refuses the file whole.

It imports no Django, so the engines can read CSV through it too: a fault's words are
``palermo.core.messages.Message`` objects, which the importer showing them translates.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from palermo.core.messages import N_, Message

MAX_LINES = 200  # no imported value is a text that long; a quote was left open
QUOTE = '"'


class Record(NamedTuple):
    line: int  # the line the row starts on; the header is line 1
    last_line: int
    cells: list[str]


class CsvFault(ValueError):
    """The text cannot be split into rows from ``line`` on. ``reason`` says why without the
    line (for callers that show the line apart), ``message`` with it; both are Messages, to
    be translated where they are shown."""

    def __init__(self, line: int, reason: Message) -> None:
        self.line = line
        self.reason = reason
        self.message = Message(N_("line %(line)d: %(reason)s"), line=line, reason=reason)
        super().__init__(self.message)


class _TooManyLines(Exception):
    pass


def _taking(source: Iterable[str], taken: list[str], limit: int) -> Iterator[str]:
    """The source's lines, keeping those of the row being read in ``taken``."""
    for line in source:
        taken.append(line)
        if len(taken) > limit:
            raise _TooManyLines
        yield line


def records(source: Iterable[str], *, delimiter: str = ",",
            max_lines: int = MAX_LINES) -> Iterator[Record]:
    """Each row of ``source`` (lines, e.g. a file opened with ``newline=""`` or a StringIO),
    the header first; :class:`CsvFault` where the rows cannot be told apart."""
    taken: list[str] = []
    clear = taken.clear
    reader = csv.reader(_taking(source, taken, max_lines), delimiter=delimiter, strict=True)
    make = tuple.__new__  # skips NamedTuple's Python-level __new__, felt over a million rows
    width: int | None = None
    end = 0
    try:
        for cells in reader:
            first, end = end + 1, reader.line_num
            if width is None:
                width = len(cells)
            elif end > first and (len(cells) != width
                                  or _holds_rows(taken, width, delimiter)):
                raise _fault(first, taken, delimiter)
            yield make(Record, (first, end, cells))
            clear()
    except (csv.Error, _TooManyLines):
        raise _fault(end + 1, taken, delimiter) from None


def _holds_rows(lines: list[str], width: int, delimiter: str) -> bool:
    """Whether the lines inside a row spread over several all look like rows of their own:
    the tell of a quote that opened on the first and closed by accident on the last."""
    inner = lines[1:-1]
    return width > 1 and bool(inner) and all(
        line.count(delimiter) == width - 1 for line in inner)


def _fault(first: int, lines: list[str], delimiter: str) -> CsvFault:
    start, badly_closed = _quote_start(first, lines, delimiter)
    if badly_closed:
        return CsvFault(start, Message(N_("a quoted value has text after its closing quote; "
                                          "a quote inside a value must be doubled (\"\")")))
    return CsvFault(start, Message(N_("a quote opened on this line is not closed where the "
                                      "value ends, so the rows after it would be read as one "
                                      "value")))


def _quote_start(first: int, lines: list[str], delimiter: str) -> tuple[int, bool]:
    """The line where the faulty quoted value of a row began: the one still open at the end
    of ``lines``, or the one closed with text after it (then True when it opened on the same
    line), or the first that runs over several lines."""
    quoted, at_start = False, True
    opened: int | None = None
    spanning: int | None = None
    for number, line in enumerate(lines, start=first):
        at = 0
        while at < len(line):
            char = line[at]
            if quoted:
                if char == QUOTE:
                    if line[at + 1:at + 2] == QUOTE:  # a doubled quote inside the value
                        at += 2
                        continue
                    quoted = False
                    if line[at + 1:at + 2] not in (delimiter, "\r", "\n", ""):
                        # Text after the quote that closes a value opened on an earlier
                        # line: that value's quote was left open.
                        return opened or first, opened == number
            elif char == QUOTE and at_start:
                quoted, opened = True, number
            at_start = char in (delimiter, "\r", "\n")
            at += 1
        if quoted and spanning is None:
            spanning = opened
    if quoted:
        return opened or first, False
    return spanning or first, False
