"""The query language of the search box, parsed into parts the backend turns into queries.

    trafficking "forced labour" petrenk* petrenko~ -acquitted

Plain words must all match (on the word, its stem or, for Hebrew, its prefix-free form);
"quoted words" match as a phrase; a trailing * asks for a prefix; a trailing ~ tolerates
typos (one edit up to five letters, two above); a leading - excludes a word. A prefix needs
two letters at least.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from palermo.library.engine.text import Word, words

_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class ParsedQuery:
    terms: list[Word] = field(default_factory=list)
    phrases: list[list[Word]] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    excluded: list[Word] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.terms or self.phrases or self.prefixes or self.fuzzy)

    def highlight_forms(self) -> set[str]:
        """Every index form that a matching word in the text may have."""
        forms: set[str] = set()
        for word in [*self.terms, *(w for phrase in self.phrases for w in phrase)]:
            forms.update((word.exact, word.stem))
        return forms


def parse(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    for match in _PART.finditer(text):
        negative, phrase, bare = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            found = words(phrase)
            if negative:
                parsed.excluded.extend(found)
            elif len(found) > 1:
                parsed.phrases.append(found)
            else:
                parsed.terms.extend(found)
            continue
        if bare.startswith("-") and len(bare) > 1:
            parsed.excluded.extend(words(bare[1:]))
        elif bare.endswith("*") and len(bare) > 2:  # "a*" would match half the index
            parsed.prefixes.extend(w.exact for w in words(bare[:-1]))
        elif bare.endswith("~") and len(bare) > 1:
            parsed.fuzzy.extend(w.exact for w in words(bare[:-1]))
        else:
            parsed.terms.extend(words(bare))
    return parsed


def fuzzy_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2
