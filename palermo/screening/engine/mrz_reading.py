"""From pasted or OCR'd text to MRZ lines of the right layout, every repair reported.

The repairs are deliberately few and only where the answer is unambiguous:

* line breaks may be ``\\n``, ``\\r\\n`` or ``\\r``, or missing (one pasted string, optionally
  with a single space where each line break was); indentation and blank lines are dropped;
* lowercase ASCII letters are uppercased;
* trailing spaces beyond the line width are dropped, and trailing spaces within it are taken
  as ``<`` fillers read as spaces (OCR and e-mail clients both lose trailing ``<``);
* a space anywhere else becomes ``<``, except inside document numbers, dates and check digits;
* ``K`` becomes ``<`` only in the filler after the names (see ``_repair_name_fillers``).

Every repair except dropping indentation and blank lines adds a warning.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from palermo.screening.engine.mrz_formats import PROTECTED, Layout, layout_for
from palermo.screening.engine.mrz_messages import LAYOUT_NAMES, N_, Message, named

ALPHABET = frozenset(string.ascii_uppercase + string.digits + "<")
# Three lines of 44 with CRLFs and generous indentation stay far below this; anything longer
# is not an MRZ and is refused before it is split or scanned.
MAX_INPUT = 1000
SHAPE = N_("expected 2 or 3 lines of 30, 36 or 44 characters; got %(got)s")
ONE_LINE_SHAPE = N_("expected 2 or 3 lines of 30, 36 or 44 characters (or one line of 72, 88 "
                    "or 90); got %(got)s")
# (lines, width) of the layouts; a one-line paste is tried against each.
SHAPES = ((3, 30), (2, 44), (2, 36))

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_UPPERCASE = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_TOKEN = re.compile(r"<+|[^<]+")


@dataclass
class Reading:
    layout: Layout | None = None
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Fields holding characters outside the MRZ alphabet; their check digits are not computed.
    damaged: set[str] = field(default_factory=set)


def read(text: object) -> Reading:
    reading = Reading()
    if not isinstance(text, str):
        reading.errors.append(Message(N_("the MRZ must be given as text")))
        return reading
    if len(text) > MAX_INPUT:
        reading.errors.append(Message(SHAPE, got=Message(N_("%(n)d characters"), n=len(text))))
        return reading
    lines = []
    for raw in _LINE_BREAK.split(text):
        # Tabs and non-breaking spaces are treated as spaces so the filler repair sees them.
        line = "".join(" " if char.isspace() else char for char in raw).lstrip(" ")
        if line.strip(" "):
            lines.append(line)
    if not lines:
        reading.errors.append(Message(N_("the MRZ is empty")))
        return reading
    upper = [line.translate(_UPPERCASE) for line in lines]
    if upper != lines:
        reading.warnings.append(Message(N_("lowercase letters were read as capitals")))
    lines = _split_one_line(upper[0], reading) if len(upper) == 1 else upper
    if not lines:
        return reading
    width = _width(lines, reading)
    if width is None:
        return reading
    layout = layout_for(len(lines), width, lines[0])
    if layout is None:  # _width only returns widths of real layouts; kept for the type checker
        reading.errors.append(Message(SHAPE, got=_describe(lines)))
        return reading
    for number, line in enumerate(lines, start=1):
        extra = len(line) - width
        if extra > 0:
            reading.warnings.append(Message(
                N_("line %(line)d: a space after the %(width)d characters ignored") if extra == 1
                else N_("line %(line)d: %(n)d spaces after the %(width)d characters ignored"),
                line=number, n=extra, width=width))
    reading.layout = layout
    reading.lines = [line[:width] for line in lines]
    _repair_spaces(reading, layout)
    _repair_name_fillers(reading, layout)
    _find_strange_characters(reading, layout)
    return reading


def _fits(line: str, width: int) -> bool:
    """Whether ``line`` is ``width`` characters once trailing spaces are cut or taken as fillers."""
    return len(line.rstrip(" ")) <= width <= len(line)


def _describe(lines: list[str]) -> Message:
    if len(lines) == 1:
        return Message(N_("1 line of %(n)d characters"), n=len(lines[0].rstrip(" ")))
    if len(lines) > 3:
        return Message(N_("%(n)d lines"), n=len(lines))
    lengths = [str(len(line.rstrip(" "))) for line in lines]
    return Message(N_("%(n)d lines of %(lengths)s and %(last)s characters"), n=len(lines),
                   lengths=", ".join(lengths[:-1]), last=lengths[-1])


def _split_one_line(line: str, reading: Reading) -> list[str]:
    """Cut a pasted MRZ without line breaks into its lines; [] (with an error) if it can't be."""
    core = len(line.rstrip(" "))
    candidates: list[tuple[int, list[str]]] = []
    for count, width in SHAPES:
        for gap in (0, 1):
            total = count * width + gap * (count - 1)
            separators = [(width + gap) * i - gap for i in range(1, count)] if gap else []
            # Trailing spaces may stand for lost fillers, but not for a whole missing line.
            if (_fits(line, total) and total - core < width
                    and all(line[i] == " " for i in separators)):
                step = width + gap
                candidates.append((total, [line[i * step : i * step + width]
                                           for i in range(count)]))
    exact = [lines for total, lines in candidates if total == core]
    if exact:
        return exact[0]
    if len(candidates) == 1:
        return candidates[0][1]
    reading.errors.append(Message(ONE_LINE_SHAPE, got=_describe([line])))
    return []


def _width(lines: list[str], reading: Reading) -> int | None:
    widths = [30] if len(lines) == 3 else [36, 44] if len(lines) == 2 else []
    if not widths:
        reading.errors.append(Message(SHAPE, got=_describe(lines)))
        return None
    fitting = [w for w in widths if all(_fits(line, w) for line in lines)]
    if len(fitting) > 1:
        # Both widths fit only when every line has trailing spaces; a line that is exactly one
        # width long without them decides.
        fitting = [w for w in fitting if any(len(line.rstrip(" ")) == w for line in lines)]
    if len(fitting) == 1:
        return fitting[0]
    longest = max(len(line.rstrip(" ")) for line in lines)
    width = min(widths, key=lambda w: (abs(w - longest), -w))
    layout = layout_for(len(lines), width, lines[0])
    name = Message(LAYOUT_NAMES[layout.name]) if layout else Message(
        N_("a layout of %(width)d characters"), width=width)
    faults = [Message(N_("line %(line)d has %(n)d characters; %(layout)s needs %(width)d"),
                      line=number, n=len(line.rstrip(" ")), layout=name, width=width)
              for number, line in enumerate(lines, start=1) if not _fits(line, width)]
    reading.errors.extend(faults or [Message(
        N_("expected 2 or 3 lines of 30, 36 or 44 characters; got %(got)s with trailing spaces "
           "that could be either width"), got=_describe(lines))])
    return None


def _positions(positions: list[int]) -> str:
    """1-based positions as ranges: [3, 4, 5, 9] -> "4-6, 10"."""
    ranges: list[list[int]] = []
    for position in positions:
        if ranges and position == ranges[-1][1] + 1:
            ranges[-1][1] = position
        else:
            ranges.append([position, position])
    return ", ".join(f"{a + 1}" if a == b else f"{a + 1}-{b + 1}" for a, b in ranges)


# What a repair says, for one position and for several.
SPACES_READ = (N_("line %(line)d: a space read as '<' at position %(positions)s (a filler "
                  "read as a space)"),
               N_("line %(line)d: spaces read as '<' at positions %(positions)s (fillers read "
                  "as spaces)"))
KS_READ = (N_("line %(line)d: 'K' read as '<' at position %(positions)s (a filler after the "
              "names)"),
           N_("line %(line)d: 'K' read as '<' at positions %(positions)s (fillers after the "
              "names)"))


def _replace(reading: Reading, line: int, positions: list[int],
             templates: tuple[str, str]) -> None:
    chars = list(reading.lines[line])
    for position in positions:
        chars[position] = "<"
    reading.lines[line] = "".join(chars)
    template = templates[0] if len(positions) == 1 else templates[1]
    reading.warnings.append(Message(template, line=line + 1, positions=_positions(positions)))


def _repair_spaces(reading: Reading, layout: Layout) -> None:
    for number, line in enumerate(reading.lines):
        positions = [i for i, char in enumerate(line)
                     if char == " " and layout.field_at(number, i) not in PROTECTED]
        if positions:
            _replace(reading, number, positions, SPACES_READ)


def _repair_name_fillers(reading: Reading, layout: Layout) -> None:
    """Read as ``<`` the ``K`` that can only be misread fillers after the names.

    K is OCR's favourite misreading of ``<``, and check digits cannot catch it (K is worth 20,
    which every weight turns into a multiple of 10). So a K is changed only where no name can
    be: in the trailing run of ``<`` and K-only parts, when the part is two or more K (no name
    part is "KK") or the names have visibly ended (a ``<<`` after the given names, or ``<<<``
    after the surname). A single K after one ``<`` may be an initial and a K touching other
    letters is part of a name; both stay as read (the parser warns about long K runs left in
    a name instead).
    """
    span = layout.fields["name"]
    text = span.read(reading.lines)
    tokens = [(match.start(), match.group()) for match in _TOKEN.finditer(text)]
    # Tokens from here on are all fillers or parts made only of K.
    tail = len(tokens)
    while tail and set(tokens[tail - 1][1]) <= {"<", "K"}:
        tail -= 1
    ended = False
    seen_separator = False
    positions: list[int] = []
    for index, (start, token) in enumerate(tokens):
        if token.startswith("<"):
            if seen_separator and len(token) >= 2:
                ended = True
            elif len(token) >= 2:
                seen_separator = True
                ended = len(token) >= 3
            continue
        if index >= tail and (ended or len(token) >= 2):
            ended = True
            positions.extend(range(span.start + start, span.start + start + len(token)))
    if positions:
        _replace(reading, span.line, positions, KS_READ)


def _describe_char(char: str) -> str:
    if char == " ":
        return Message(N_("a space"))
    return repr(char) if char.isprintable() else f"U+{ord(char):04X}"


STRANGE = N_("%(field)s has %(found)s (only A-Z, 0-9 and < belong in an MRZ)")
STRANGE_SPACE = N_("%(field)s has %(found)s (only A-Z, 0-9 and < belong in an MRZ; spaces are "
                   "not read as < in document numbers, dates or check digits)")


def _find_strange_characters(reading: Reading, layout: Layout) -> None:
    found: dict[str, list[Message]] = {}
    spaces: set[str] = set()
    for number, line in enumerate(reading.lines):
        for position, char in enumerate(line):
            if char not in ALPHABET:
                key = layout.field_at(number, position)
                if char == " ":
                    spaces.add(key)
                found.setdefault(key, []).append(Message(
                    N_("%(char)s at line %(line)d, position %(position)d"),
                    char=_describe_char(char), line=number + 1, position=position + 1))
    for key in layout.fields:  # in MRZ order, so errors read top to bottom
        if key in found:
            reading.damaged.add(key)
            template = STRANGE_SPACE if key in PROTECTED and key in spaces else STRANGE
            reading.errors.append(Message(template, field=named(key), found=found[key]))
