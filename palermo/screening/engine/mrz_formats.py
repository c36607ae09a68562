"""Where each field sits in the five ICAO Doc 9303 machine readable zone layouts.

Doc 9303 numbers positions from 1; the spans here are 0-based and end-exclusive so they can
slice a line directly. Every position of every line belongs to exactly one field (the tests
check this), which lets errors and repairs name the field a character belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Span:
    line: int
    start: int
    end: int

    def read(self, lines: Sequence[str]) -> str:
        return lines[self.line][self.start : self.end]

    def covers(self, line: int, position: int) -> bool:
        return line == self.line and self.start <= position < self.end


@dataclass(frozen=True)
class Layout:
    name: str
    lines: int
    width: int
    fields: Mapping[str, Span]
    # Concatenated in this order for the composite check digit; empty for visas, which have none.
    composite: tuple[Span, ...] = ()
    # TD1 and TD2 let a document number longer than 9 characters continue in the optional data.
    long_document_number: bool = False

    def field_at(self, line: int, position: int) -> str:
        for key, span in self.fields.items():
            if span.covers(line, position):
                return key
        raise LookupError(f"{self.name} has no field at line {line + 1}, position {position + 1}")


# The OCR-slip repairs never touch these: a wrong guess there would change an identity or a
# date while the check digit (which cannot tell K from <) might still agree.
PROTECTED = frozenset({
    "document_number", "document_number_check", "birth_date", "birth_date_check",
    "expiry_date", "expiry_date_check", "optional_data_check", "composite_check",
})

def _fields(**spans: tuple[int, int, int]) -> Mapping[str, Span]:
    return MappingProxyType({key: Span(*value) for key, value in spans.items()})


# The second line of TD2, TD3 and both visas starts the same way; only the tail differs.
def _lower_line(tail: Mapping[str, tuple[int, int, int]]) -> dict[str, tuple[int, int, int]]:
    return {
        "document_number": (1, 0, 9), "document_number_check": (1, 9, 10),
        "nationality": (1, 10, 13), "birth_date": (1, 13, 19), "birth_date_check": (1, 19, 20),
        "sex": (1, 20, 21), "expiry_date": (1, 21, 27), "expiry_date_check": (1, 27, 28),
        **tail,
    }


def _upper_line(width: int) -> dict[str, tuple[int, int, int]]:
    return {"document_code": (0, 0, 2), "issuing_state": (0, 2, 5), "name": (0, 5, width)}


TD1 = Layout(
    name="TD1", lines=3, width=30,
    fields=_fields(
        document_code=(0, 0, 2), issuing_state=(0, 2, 5), document_number=(0, 5, 14),
        document_number_check=(0, 14, 15), optional_data=(0, 15, 30),
        birth_date=(1, 0, 6), birth_date_check=(1, 6, 7), sex=(1, 7, 8), expiry_date=(1, 8, 14),
        expiry_date_check=(1, 14, 15), nationality=(1, 15, 18), optional_data_2=(1, 18, 29),
        composite_check=(1, 29, 30),
        name=(2, 0, 30),
    ),
    composite=(Span(0, 5, 30), Span(1, 0, 7), Span(1, 8, 15), Span(1, 18, 29)),
    long_document_number=True,
)

TD2 = Layout(
    name="TD2", lines=2, width=36,
    fields=_fields(**_upper_line(36), **_lower_line({
        "optional_data": (1, 28, 35), "composite_check": (1, 35, 36),
    })),
    composite=(Span(1, 0, 10), Span(1, 13, 20), Span(1, 21, 35)),
    long_document_number=True,
)

TD3 = Layout(
    name="TD3", lines=2, width=44,
    fields=_fields(**_upper_line(44), **_lower_line({
        "optional_data": (1, 28, 42), "optional_data_check": (1, 42, 43),
        "composite_check": (1, 43, 44),
    })),
    composite=(Span(1, 0, 10), Span(1, 13, 20), Span(1, 21, 43)),
)

MRVA = Layout(
    name="MRVA", lines=2, width=44,
    fields=_fields(**_upper_line(44), **_lower_line({"optional_data": (1, 28, 44)})),
)

MRVB = Layout(
    name="MRVB", lines=2, width=36,
    fields=_fields(**_upper_line(36), **_lower_line({"optional_data": (1, 28, 36)})),
)

LAYOUTS = (TD1, TD2, TD3, MRVA, MRVB)


def layout_for(lines: int, width: int, document_code: str) -> Layout | None:
    """The layout of ``lines`` lines of ``width`` characters.

    TD2 and MRV-B share 2x36, TD3 and MRV-A share 2x44: visas are told apart by their document
    code, which starts with V (Doc 9303 part 7).
    """
    if (lines, width) == (3, 30):
        return TD1
    visa = document_code.startswith("V")
    if (lines, width) == (2, 36):
        return MRVB if visa else TD2
    if (lines, width) == (2, 44):
        return MRVA if visa else TD3
    return None
