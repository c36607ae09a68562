"""The engine alone: normalisation, Hebrew prefixes, stemming, detection, queries, snippets,
search through the tantivy backend. No database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from palermo.library.engine import language, text
from palermo.library.engine.backend import IndexDocument, SearchRequest
from palermo.library.engine.query import parse
from palermo.library.engine.snippets import snippet
from palermo.library.engine.tantivy_backend import TantivyBackend


def test_normalise_removes_niqqud_cantillation_harakat_and_accents() -> None:
    assert text.normalise("הַסַּחַר בִּבְנֵי אָדָם") == "הסחר בבני אדם"
    assert text.normalise("בְּרֵאשִׁ֖ית") == "בראשית"  # a cantillation mark too
    assert text.normalise("الْمُتَّهَمُـــون") == "المتهمون"
    assert text.normalise("José ÉLAN Straße") == "jose elan strasse"
    assert text.normalise("Ёлка и йод") == "елка и йод"  # й keeps its breve
    assert text.normalise("ﬁnal") == "final"  # NFKC


def test_hebrew_prefixes_are_stripped_in_the_index() -> None:
    assert text.hebrew_variants("והסחר") == ["הסחר", "סחר"]
    # Over-generation is the price of having no lexicon: "שטרה" is indexed too.
    assert text.hebrew_variants("שבמשטרה") == ["במשטרה", "משטרה", "שטרה"]
    assert text.hebrew_variants("ההה") == ["הה"]
    # ו only first, ה only last: "הו" is not a prefix sequence.
    assert text.hebrew_variants("הורשע") == ["ורשע"]
    assert text.hebrew_variants("סחר") == []


def test_stemming_in_arabic_russian_and_english() -> None:
    (ar1,), (ar2,) = text.words("المتهم"), text.words("المتهمين")
    assert ar1.stem == ar2.stem
    (ru1,), (ru2,) = text.words("торговля"), text.words("торговле")
    assert ru1.stem == ru2.stem
    (en1,), (en2,) = text.words("trafficking"), text.words("trafficked")
    assert en1.stem == en2.stem


@pytest.mark.parametrize(("sample", "code"), [
    ("בית המשפט המחוזי בתל אביב גזר על הנאשם שש שנות מאסר", "he"),
    ("قضت المحكمة بإدانة المتهمين بجريمة الاتجار بالبشر", "ar"),
    ("Суд признал подсудимого виновным в торговле людьми", "ru"),
    ("The court found that the defendant was guilty of trafficking", "en"),
    ("Le tribunal a condamné le prévenu pour traite des êtres humains", ""),
    ("12 34", ""),
])
def test_language_detection(sample: str, code: str) -> None:
    assert language.detect(sample) == code


def test_query_language() -> None:
    parsed = parse('trafficking "forced labour" petr* petrenko~ -acquitted')
    assert [w.exact for w in parsed.terms] == ["trafficking"]
    assert [[w.exact for w in p] for p in parsed.phrases] == [["forced", "labour"]]
    assert parsed.prefixes == ["petr"]
    assert parsed.fuzzy == ["petrenko"]
    assert [w.exact for w in parsed.excluded] == ["acquitted"]


def test_snippet_marks_matches_and_escapes_html() -> None:
    raw = "<b>Intro</b> & the court said: וְהַסַּחַר בבני אדם is <script>bad</script>"
    html = snippet(raw, parse("סחר"))
    assert "<mark>וְהַסַּחַר</mark>" in html
    assert "&lt;b&gt;Intro&lt;/b&gt; &amp;" in html and "<script>" not in html


@pytest.fixture
def engine(tmp_path: Path) -> TantivyBackend:
    backend = TantivyBackend(tmp_path / "index")
    backend.upsert([
        IndexDocument("decision:1", "He", "בית המשפט קבע כי הנאשמים עסקו והסחר בבני אדם. "
                      "הנאשם פטרנקו הורשע.", dt.date(2020, 5, 1),
                      {"country": ["ISR"], "language": ["he"], "verdict": ["convicted"]}),
        IndexDocument("decision:2", "Ar", "أدانت المحكمة المتهمين بالاتجار بالبشر",
                      dt.date(2021, 5, 1), {"country": ["JOR"], "language": ["ar"],
                                            "verdict": ["convicted", "acquitted"]}),
        IndexDocument("decision:3", "Ru", "Суд признал подсудимого виновным в торговле людьми",
                      dt.date(2019, 5, 1), {"country": ["RUS"], "language": ["ru"]}),
        IndexDocument("decision:4", "En", "The court found the defendants guilty of "
                      "trafficking in persons for forced labour. Defendant José Petrenko.",
                      dt.date(2022, 5, 1), {"country": ["GBR"], "language": ["en"],
                                            "verdict": ["convicted"]}),
    ])
    return backend


def keys(engine: TantivyBackend, query: str, **kwargs: object) -> list[str]:
    return sorted(h.key for h in engine.search(SearchRequest(text=query, **kwargs)).hits)  # type: ignore[arg-type]


def test_engine_language_matching(engine: TantivyBackend) -> None:
    assert keys(engine, "סחר") == ["decision:1"]  # prefix-aware
    assert keys(engine, "סַחַר") == ["decision:1"]  # vocalised query, plain text
    assert keys(engine, "المتهم") == ["decision:2"]  # Arabic stem
    assert keys(engine, "торговля") == ["decision:3"]  # Russian stem
    assert keys(engine, "jose") == ["decision:4"]  # accent folding
    assert keys(engine, '"forced labour"') == ["decision:4"]
    assert keys(engine, '"labour forced"') == []
    assert keys(engine, "petr*") == ["decision:4"]
    assert keys(engine, "trafficking -josé") == []


def test_engine_typo_tolerance_for_names(engine: TantivyBackend) -> None:
    result = engine.search(SearchRequest(text="Petrenka"))
    assert result.approximate and [h.key for h in result.hits] == ["decision:4"]
    assert "<mark>Petrenko</mark>" in result.hits[0].snippet
    assert keys(engine, "פטרנקא~") == ["decision:1"]


def test_engine_facets_filters_dates_and_sorting(engine: TantivyBackend) -> None:
    result = engine.search(SearchRequest())
    assert result.total == 4
    assert dict(result.facets["verdict"]) == {"convicted": 3, "acquitted": 1}
    result = engine.search(SearchRequest(filters={"country": ["ISR", "JOR"]}, sort="oldest"))
    assert [h.key for h in result.hits] == ["decision:1", "decision:2"]
    assert dict(result.facets["language"]) == {"he": 1, "ar": 1}
    result = engine.search(SearchRequest(date_from=dt.date(2020, 1, 1),
                                         date_to=dt.date(2021, 12, 31), sort="newest"))
    assert [h.key for h in result.hits] == ["decision:2", "decision:1"]
    engine.delete(["decision:2"])
    assert engine.count() == 3
