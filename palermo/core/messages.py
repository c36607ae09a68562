"""Messages written where Django is not imported, put into the user's language where they
reach the user.

The engines and the readers in ``palermo.core`` import nothing from Django, so they cannot
translate a message where they make it. Each is a :class:`Message`: it reads as English
wherever a string is expected (logs, the command line, the engines' own tests), and keeps its
template (marked with ``N_`` for the catalogue) and values, so that the service or view that
shows it calls ``message.translated(gettext)`` (or ``translated(value, gettext)``) in the
request's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping


def N_(text: str) -> str:  # the name the catalogue's extractor looks for
    """Mark ``text`` for the translation catalogue; translated when shown, not here."""
    return text


class Message(str):
    """An English message that also knows how to say itself in another language."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        text = template % {key: _english(value) for key, value in params.items()} if params \
            else template
        self = super().__new__(cls, text)
        self.template = template
        self.params = params
        return self

    def translated(self, gettext: Callable[[str], str]) -> str:
        if not self.params:
            return gettext(self.template)
        return gettext(self.template) % {key: translated(value, gettext)
                                         for key, value in self.params.items()}


class Joined(Message):
    """Parts put side by side with punctuation that needs no translation (", ", ": "); each
    part that is a Message is translated, the punctuation is not."""

    def __new__(cls, separator: str, *parts: object) -> Joined:
        template = separator.replace("%", "%%").join(f"%(p{i})s" for i in range(len(parts)))
        self = super().__new__(cls, template, **{f"p{i}": part for i, part in enumerate(parts)})
        assert isinstance(self, Joined)
        return self

    def translated(self, gettext: Callable[[str], str]) -> str:
        return self.template % {key: translated(value, gettext)
                                for key, value in self.params.items()}


def translated(value: object, gettext: Callable[[str], str]) -> object:
    """``value`` in the user's language when it is a Message (or a list of them)."""
    if isinstance(value, Message):
        return value.translated(gettext)
    if isinstance(value, list | tuple):
        return ", ".join(str(translated(item, gettext)) for item in value)
    return value


def _english(value: object) -> object:
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else value
