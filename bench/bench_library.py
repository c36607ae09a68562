"""The library's search engine at scale: N synthetic decisions of about 3,000 words in
Hebrew, English, Arabic and Russian, against SQLite FTS5 over the same texts.

    .venv/bin/python bench/bench_library.py                      # 100,000 decisions
    .venv/bin/python bench/bench_library.py --decisions 10000

The texts are generated from a fixed seed into a SQLite "corpus" table first (not timed as
indexing). Then the tantivy index is built through ``TantivyBackend.rebuild`` (Python text
analysis included) and an FTS5 table (unicode61 tokenizer, diacritics removed, no stemming) is
filled from the same table. Queries: common terms, rare terms, phrases and faceted queries.
A tantivy search returns the top 10, the total and counts for all 11 facets (snippets off; a
separate line times the same common-term queries with snippets); FTS5 returns the top 10 by
bm25 and the total, plus, for faceted queries, GROUP BY counts of three facet columns.
Goal: p95 under 50 ms at 100,000 decisions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from palermo.library.demo_texts import LANGUAGES  # noqa: E402
from palermo.library.engine.backend import IndexDocument, SearchRequest  # noqa: E402
from palermo.library.engine.tantivy_backend import TantivyBackend  # noqa: E402
from palermo.library.engine.text import RAW_WORD  # noqa: E402

WORDS_PER_DOC = 3000
TAIL_WORDS = 40_000  # invented words per language: the long tail where rare terms live
ALPHABETS = {"he": "אבגדהוזחטיכלמנסעפצקרשת", "en": "abcdefghijklmnoprstuvwy",
             "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "ru": "абвгдеёжзийклмнопрстуфхцчшщыьэюя"}
PHRASES = {"he": ["סחר בבני אדם", "עבודת כפייה", "החזקה בתנאי עבדות"],
           "en": ["trafficking in persons", "forced labour", "debt bondage"],
           "ar": ["الاتجار بالبشر", "العمل القسري", "عبودية الدين"],
           "ru": ["торговля людьми", "принудительного труда", "долговая кабала"]}
HEBREW_PREFIXES = ["ו", "ה", "ב", "ל", "מ", "ש", "וה", "וב", "שה", "מה"]
COUNTRIES = {"he": ["ISR"], "en": ["GBR", "USA", "NGA", "PHL"], "ar": ["JOR", "EGY", "LBN"],
             "ru": ["RUS", "MDA", "UKR", "KAZ"]}
EXPLOITATION = ["SexualExploitation", "ForcedLabour", "Servitude", "OrganRemoval",
                "ForcedBegging"]
VERDICTS = ["convicted", "convicted", "convicted", "acquitted", "plea_agreement"]
QUERIES_PER_KIND = 60


def vocabulary(language: str, rng: random.Random) -> list[str]:
    """Real words from the demo texts first (most frequent), then invented ones."""
    seen: dict[str, None] = {}
    for text in (LANGUAGES[language]["text"], LANGUAGES[language]["opinion"],
                 *LANGUAGES[language]["purpose"].values(),
                 *LANGUAGES[language]["sector"].values()):
        for match in RAW_WORD.finditer(text):
            word = match.group()
            if len(word) > 1 and not word.isdigit():
                seen.setdefault(word.lower() if language in ("en", "ru") else word)
    letters = ALPHABETS[language]
    while len(seen) < TAIL_WORDS:
        seen.setdefault("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))))
    return list(seen)


class Corpus:
    def __init__(self, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.vocab = {lang: vocabulary(lang, rng) for lang in ALPHABETS}
        # Zipf-like frequencies: the word of rank r is drawn with weight 1 / r^1.07.
        weights = [1 / (rank ** 1.07) for rank in range(1, TAIL_WORDS + 1)]
        self.cum = list(itertools.accumulate(weights))

    def document(self, number: int) -> tuple[str, str, dict[str, str], str]:
        rng = random.Random(number)
        language = ("he", "en", "ar", "ru")[number % 4]
        vocab = self.vocab[language]
        words = rng.choices(vocab, cum_weights=self.cum[:len(vocab)], k=WORDS_PER_DOC)
        if language == "he":
            words = [rng.choice(HEBREW_PREFIXES) + w if rng.random() < 0.25 else w
                     for w in words]
        for _ in range(rng.randint(0, 4)):
            words.insert(rng.randrange(len(words)), rng.choice(PHRASES[language]))
        lines = [" ".join(words[i:i + 15]) + "." for i in range(0, len(words), 15)]
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(26 * 365))
        meta = {"country": rng.choice(COUNTRIES[language]), "language": language,
                "year": str(day.year), "verdict": rng.choice(VERDICTS),
                "exploitation": rng.choice(EXPLOITATION),
                "court_level": rng.choice(["first_instance", "appeal", "supreme"])}
        return f"Decision {number}", "\n".join(lines), meta, day.isoformat()


def build_corpus(db: sqlite3.Connection, corpus: Corpus, count: int) -> float:
    started = time.perf_counter()
    db.execute("CREATE TABLE corpus (id INTEGER PRIMARY KEY, title TEXT, body TEXT, "
               "country TEXT, language TEXT, year TEXT, verdict TEXT, exploitation TEXT, "
               "court_level TEXT, day TEXT)")
    batch = []
    for number in range(count):
        title, body, meta, day = corpus.document(number)
        batch.append((number, title, body, meta["country"], meta["language"], meta["year"],
                      meta["verdict"], meta["exploitation"], meta["court_level"], day))
        if len(batch) == 1000:
            db.executemany("INSERT INTO corpus VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
            batch = []
    db.executemany("INSERT INTO corpus VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
    db.commit()
    return time.perf_counter() - started


def documents(db: sqlite3.Connection) -> Iterator[IndexDocument]:
    rows = db.execute("SELECT id, title, body, country, language, year, verdict, exploitation, "
                      "court_level, day FROM corpus ORDER BY id")
    for (number, title, body, country, language, year, verdict, exploitation, level,
         day) in rows:
        yield IndexDocument(
            key=f"decision:{number}", title=title, text=body, date=dt.date.fromisoformat(day),
            facets={"kind": ["decision"], "country": [country], "language": [language],
                    "year": [year], "verdict": [verdict], "exploitation": [exploitation],
                    "court_level": [level]})


def build_fts(db: sqlite3.Connection) -> float:
    started = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, "
               "tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO fts (rowid, title, body) SELECT id, title, body FROM corpus")
    db.execute("CREATE INDEX corpus_country ON corpus (country)")
    db.commit()
    return time.perf_counter() - started


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(run: Callable[[], object], queries: int) -> tuple[float, float]:
    times = []
    for _ in range(queries):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=100)
    return cuts[49], cuts[94]


Queries = list[tuple[str, dict[str, list[str]]]]


def query_sets(corpus: Corpus, rng: random.Random) -> dict[str, Queries]:
    common, rare, phrases, faceted = [], [], [], []
    for _ in range(QUERIES_PER_KIND):
        language = rng.choice(list(ALPHABETS))
        vocab = corpus.vocab[language]
        common.append((rng.choice(vocab[:30]), {}))
        rare.append((rng.choice(vocab[-2000:]), {}))
        phrases.append((f'"{rng.choice(PHRASES[language])}"', {}))
        faceted.append((rng.choice(vocab[:30]), {
            "country": [rng.choice(COUNTRIES[language])],
            "exploitation": [rng.choice(EXPLOITATION)]}))
    return {"common terms": common, "rare terms": rare, "phrases": phrases,
            "faceted": faceted}


def fts_query(text: str) -> str:
    if text.startswith('"'):
        return text
    return '"' + text.replace('"', "") + '"'


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--decisions", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=2, help="tantivy indexing threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_library_") as tmp:
        work = Path(tmp)
        db = sqlite3.connect(work / "corpus.sqlite3")
        corpus = Corpus()
        generated = build_corpus(db, corpus, args.decisions)
        words = db.execute("SELECT sum(length(body)) FROM corpus").fetchone()[0]
        print(f"corpus       {args.decisions:,} decisions, {words / 2**20:,.0f} MB of text, "
              f"generated in {generated:.0f} s")
        corpus_size = size(work)
        backend = TantivyBackend(work / "tantivy")
        started = time.perf_counter()
        backend.rebuild(documents(db), threads=args.threads)
        tantivy_build = time.perf_counter() - started
        fts_build = build_fts(db)
        fts_size = size(work) - size(work / "tantivy") - corpus_size
        tantivy_size = size(work / "tantivy")
        print(f"build        tantivy {tantivy_build:,.1f} s ({args.decisions / tantivy_build:,.0f}"
              f" docs/s)  FTS5 {fts_build:,.1f} s  ratio {tantivy_build / fts_build:.2f}")
        print(f"size         tantivy {tantivy_size / 2**20:,.0f} MB (raw text stored)  "
              f"FTS5 {fts_size / 2**20:,.0f} MB (text stored)  "
              f"ratio {tantivy_size / max(fts_size, 1):.2f}")
        sets = query_sets(corpus, random.Random(11))
        for kind, queries in sets.items():
            cycle = itertools.cycle(queries)
            cycle_fts = itertools.cycle(queries)

            def run_tantivy(cycle: Iterator[tuple[str, dict[str, list[str]]]] = cycle) -> object:
                text, filters = next(cycle)
                return backend.search(SearchRequest(text=text, filters=filters, limit=10,
                                                    snippets=False))

            def run_fts(cycle_fts: Iterator[tuple[str, dict[str, list[str]]]] = cycle_fts
                        ) -> object:
                text, filters = next(cycle_fts)
                match = fts_query(text)
                if not filters:
                    db.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 10",
                               (match,)).fetchall()
                    return db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?",
                                      (match,)).fetchone()
                where = ("FROM fts JOIN corpus ON corpus.id = fts.rowid WHERE fts MATCH ? "
                         "AND corpus.country = ? AND corpus.exploitation = ?")
                values = (match, filters["country"][0], filters["exploitation"][0])
                db.execute(f"SELECT fts.rowid {where} ORDER BY rank LIMIT 10",
                           values).fetchall()
                for column in ("year", "verdict", "court_level"):
                    db.execute(f"SELECT corpus.{column}, count(*) {where} GROUP BY 1",
                               values).fetchall()
                return None

            # The first pass reads the index from disk (the build has just pushed it out of
            # the page cache); a serving index is warm, so the figures are the passes after
            # it, and the cold pass is printed beside them.
            _c50, c95 = timed(run_tantivy, len(queries))
            _fc50, fc95 = timed(run_fts, len(queries))
            t50, t95 = timed(run_tantivy, len(queries) * 2)
            f50, f95 = timed(run_fts, len(queries) * 2)
            print(f"{kind:<13}tantivy p50 {t50:6.1f} ms  p95 {t95:6.1f} ms   FTS5 p50 "
                  f"{f50:6.1f} ms  p95 {f95:6.1f} ms   ratio p95 {t95 / f95:.2f}   "
                  f"(cold first pass p95: tantivy {c95:.1f} ms, FTS5 {fc95:.1f} ms)")
        cycle = itertools.cycle(sets["common terms"])
        timed(lambda: backend.search(SearchRequest(text=next(cycle)[0], limit=10)),
              len(sets["common terms"]))
        s50, s95 = timed(lambda: backend.search(SearchRequest(text=next(cycle)[0], limit=10)),
                         len(sets["common terms"]))
        print(f"snippets     tantivy common terms with 10 snippets: p50 {s50:.1f} ms  "
              f"p95 {s95:.1f} ms")


if __name__ == "__main__":
    main()
