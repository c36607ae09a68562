"""The loaded vocabularies, built once at start-up and read everywhere else."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

import pycountry

from palermo.vocab.loader import Term, Vocabulary, VocabularyError, load_directory

VOCAB_DIR = Path(__file__).resolve().parent

_loaded: dict[str, Vocabulary] = {}


def load(directory: Path | None = None) -> dict[str, Vocabulary]:
    """Load and check every file; raises VocabularyError naming file and line."""
    vocabularies = load_directory(directory or VOCAB_DIR)
    check_mappings(vocabularies)
    vocabularies["countries"] = countries()
    vocabularies["languages"] = languages()
    _loaded.clear()
    _loaded.update(vocabularies)
    return vocabularies


def check_mappings(vocabularies: dict[str, Vocabulary]) -> None:
    """A mapping table (such as ``htcds_industries``) writes each code of the vocabulary its
    ``export_codes`` refer to under one of its terms at most, so that an export is never in
    two minds."""
    for vocabulary in vocabularies.values():
        target = vocabulary.refers.get("export_codes")
        if target is None:
            continue
        seen: dict[str, Term] = {}
        for term in vocabulary:
            for code in term.extra.get("export_codes") or []:
                if code in seen:
                    raise VocabularyError(
                        vocabulary.path, term.line, f"term {term.code!r}: {target} code "
                        f"{code!r} is already written as {seen[code].code!r} "
                        f"(line {seen[code].line})")
                seen[code] = term


def get(name: str) -> Vocabulary:
    if not _loaded:
        load()
    try:
        return _loaded[name]
    except KeyError:
        raise KeyError(f"no vocabulary named {name!r}") from None


def names() -> list[str]:
    if not _loaded:
        load()
    return sorted(_loaded)


def label(name: str, code: str, language: str = "en") -> str:
    return get(name).get(code).label(language)


@cache
def countries() -> Vocabulary:
    """ISO 3166-1 alpha-3 codes, as passports use them, from pycountry's data and translations."""
    hebrew = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["he"], fallback=True
    )
    terms = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        terms[country.alpha_3] = Term(
            code=country.alpha_3,
            labels={"en": english, "he": hebrew.gettext(country.name)},
            definition=getattr(country, "official_name", country.name),
            extra={"alpha_2": country.alpha_2, "numeric": country.numeric},
        )
    return Vocabulary(
        "countries",
        "Countries and territories by ISO 3166-1 alpha-3 code (from pycountry).",
        Path(pycountry.__file__),
        terms,
    )


@cache
def languages() -> Vocabulary:
    """Languages with an ISO 639-1 code (the ones people are asked about), from pycountry."""
    hebrew = gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=["he"], fallback=True
    )
    terms = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if code:
            terms[code] = Term(code=code, labels={"en": language.name,
                                                  "he": hebrew.gettext(language.name)},
                               definition=f"{language.name} (ISO 639-3 {language.alpha_3})")
    return Vocabulary("languages", "Languages by ISO 639-1 code (from pycountry).",
                      Path(pycountry.__file__), terms)
