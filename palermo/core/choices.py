"""Form choices drawn from a vocabulary, in the language of the request that shows the form."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import get_language

from palermo.vocab import registry


def vocab(name: str, blank: bool = False) -> Callable[[], list[tuple[str, str]]]:
    """The choices of vocabulary ``name``, read each time a form is built (so in the user's
    language); countries sorted by their name; with an empty first choice when ``blank``."""
    def choices() -> list[tuple[str, str]]:
        options = registry.get(name).choices(get_language() or "en")
        if name == "countries":
            options.sort(key=lambda pair: pair[1])
        return [("", "—"), *options] if blank else options

    return choices
