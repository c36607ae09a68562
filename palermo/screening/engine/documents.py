"""Normalising and near-matching document numbers and VINs (no Django here)."""

from __future__ import annotations

# Characters an OCR reader or a tired officer confuses; a near match swaps one of them.
CONFUSABLE = {"O": "0Q", "0": "OQ", "Q": "O0", "I": "1L", "1": "IL", "L": "1I", "B": "8",
              "8": "B", "S": "5", "5": "S", "Z": "2", "2": "Z", "G": "6", "6": "G"}
VIN_VALUES = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
              **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
              **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def normalise(number: str) -> str:
    return "".join(c for c in number.upper() if c.isalnum())


def confusable_variants(number: str) -> set[str]:
    """Every string one OCR-confusable character away from ``number``."""
    variants = set()
    for i, char in enumerate(number):
        for other in CONFUSABLE.get(char, ""):
            variants.add(number[:i] + other + number[i + 1:])
    return variants


def vin_problem(vin: str) -> str | None:
    """Why ``vin`` is not a valid ISO 3779 VIN, or None. The check digit (position 9) is
    verified for North American VINs (first character 1-5), where it is mandatory."""
    if len(vin) != 17:
        return f"a VIN has 17 characters, this one has {len(vin)}"
    bad = [c for c in vin if c not in VIN_VALUES]
    if bad:
        return f"a VIN never contains {bad[0]!r} (I, O and Q are not used)"
    if vin[0] in "12345":
        total = sum(VIN_VALUES[c] * w for c, w in zip(vin, VIN_WEIGHTS, strict=True))
        expected = "X" if total % 11 == 10 else str(total % 11)
        if vin[8] != expected:
            return f"check digit (position 9) is {vin[8]}, expected {expected}"
    return None
