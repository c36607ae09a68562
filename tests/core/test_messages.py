"""Messages made where Django is not imported: English as they are made, in the reader's
language once the code that shows them translates them."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext

from palermo.core.messages import N_, Joined, Message, translated


def test_a_message_reads_as_english_until_it_is_translated() -> None:
    message = Message(N_("“%(text)s” is not a year"), text="20x1")
    assert message == "“20x1” is not a year"
    with translation.override("he"):
        assert message.translated(gettext) == "„20x1” אינו שנה"


def test_messages_inside_a_message_are_translated_too() -> None:
    outer = Message(N_("line %(line)d: %(reason)s"), line=4,
                    reason=Message(N_("nothing suppressed")))
    assert outer == "line 4: nothing suppressed"
    with translation.override("he"):
        assert outer.translated(gettext) == "שורה 4: דבר לא הושמט"


def test_joined_parts_are_translated_and_the_punctuation_kept() -> None:
    line = Joined(": ", Joined(", ", Message(N_("row %(row)d"), row=2),
                               Message(N_("column %(column)s"), column="Year")),
                  Message(N_("empty")))
    assert line == "row 2, column Year: empty"
    with translation.override("he"):
        assert line.translated(gettext) == "שורה 2, עמודה Year: ריק"
    assert Joined(" % ", "a", "b") == "a % b"


def test_values_that_are_not_messages_pass_through() -> None:
    with translation.override("he"):
        assert translated(7, gettext) == 7
        assert translated("as typed", gettext) == "as typed"
        assert translated([Message(N_("empty")), "x"], gettext) == "ריק, x"
