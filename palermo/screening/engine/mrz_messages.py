"""What the MRZ parser tells an officer, in words about the document, never field codes.

The parser imports nothing from Django, so each message is a ``palermo.core.messages.Message``
(English until ``MRZ.translated(gettext)`` puts it in the user's language); this module holds
the parser's own wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from palermo.core.messages import N_, Message, translated

__all__ = ["CHECK_FAILED", "FIELDS", "LAYOUT_NAMES", "NOT_A_DATE", "NO_SUCH_DAY", "N_", "Message",
           "named", "translated"]

# How messages name a field, by the keys of ``mrz_formats``.
FIELDS: Mapping[str, str] = MappingProxyType({
    "document_code": N_("the document type"),
    "issuing_state": N_("the issuing state"),
    "document_number": N_("the document number"),
    "document_number_check": N_("the document number's check digit"),
    "optional_data": N_("the optional data"),
    "optional_data_2": N_("the optional data of line 2"),
    "optional_data_check": N_("the personal number's check digit"),
    "birth_date": N_("the birth date"),
    "birth_date_check": N_("the birth date's check digit"),
    "sex": N_("the sex"),
    "expiry_date": N_("the expiry date"),
    "expiry_date_check": N_("the expiry date's check digit"),
    "nationality": N_("the nationality"),
    "composite_check": N_("the last check digit"),
    "name": N_("the name"),
    "surname": N_("the surname"),
    "given_names": N_("the given names"),
})

# When a check digit disagrees with what it protects: which of the two is wrong cannot be
# told, so the message says either may have been misread.
CHECK_FAILED: Mapping[str, str] = MappingProxyType({
    "document_number": N_("the document number does not check: the number or its check digit "
                          "was misread"),
    "birth_date": N_("the birth date does not check: the date or its check digit was misread"),
    "expiry_date": N_("the expiry date does not check: the date or its check digit was "
                      "misread"),
    "optional_data": N_("the personal number does not check: the number or its check digit "
                        "was misread"),
    "composite": N_("the MRZ as a whole does not check: a character of the document number, "
                    "the dates or the optional data, or the last check digit, was misread"),
})

NOT_A_DATE: Mapping[str, str] = MappingProxyType({
    "birth_date": N_("the birth date “%(raw)s” is not a date (YYMMDD, with << for unknown "
                     "parts)"),
    "expiry_date": N_("the expiry date “%(raw)s” is not a date (YYMMDD, with << for unknown "
                      "parts)"),
})

NO_SUCH_DAY: Mapping[str, str] = MappingProxyType({
    "birth_date": N_("the birth date “%(raw)s” (YYMMDD) is not a day of the calendar"),
    "expiry_date": N_("the expiry date “%(raw)s” (YYMMDD) is not a day of the calendar"),
})

LAYOUT_NAMES: Mapping[str, str] = MappingProxyType({
    "TD1": N_("an ID card (TD1)"),
    "TD2": N_("an ID card (TD2)"),
    "TD3": N_("a passport (TD3)"),
    "MRVA": N_("a visa (MRV-A)"),
    "MRVB": N_("a visa (MRV-B)"),
})


def named(key: str) -> Message:
    """How messages name the field ``key`` of ``mrz_formats``."""
    return Message(FIELDS.get(key, key))
