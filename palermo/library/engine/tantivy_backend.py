"""The embedded backend: a tantivy index in a directory.

tantivy's own analysers know neither Hebrew prefixes nor Arabic stemming, so text is
analysed in Python (``text.analyse``) and indexed as whitespace-separated terms; the raw text
is stored beside them for snippets. Names (parties, defendants) also get script-independent
keys (``names.keys``) in their own field, so that a query word in one script finds them in
another. Facet counts come from tantivy's terms aggregations over
fast fields, computed on the same query as the hits.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tantivy

from palermo.library.engine.backend import (
    FACETS,
    Hit,
    IndexDocument,
    SearchRequest,
    SearchResult,
)
from palermo.library.engine.names import keys as name_keys
from palermo.library.engine.names import name_terms
from palermo.library.engine.query import ParsedQuery, fuzzy_distance, parse
from palermo.library.engine.snippets import snippet
from palermo.library.engine.text import Word, analyse, script

WRITER_HEAP = 64_000_000
LOCK_WAIT_SECONDS = 15.0  # another process may be writing: wait for its commit
FACET_BUCKETS = 200
_REGEX_SPECIAL = re.compile(r"([.+*?()|\[\]{}^$\\#&~<>@\"-])")
EXACT_BOOST = 2.0  # the very word outranks a word that only shares its stem


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field("raw", stored=True, indexed=False)
    builder.add_text_field("exact", tokenizer_name="whitespace")
    builder.add_text_field("stem", tokenizer_name="whitespace")
    builder.add_text_field("variants", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("names", tokenizer_name="whitespace", index_option="freq")
    builder.add_date_field("date", stored=True, indexed=True, fast=True)
    for name in FACETS:
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    return builder.build()


def _when(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


class TantivyBackend:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = _schema()
        path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        self._lock = threading.Lock()

    # Writing ---------------------------------------------------------------------------

    def _writer(self, threads: int = 1) -> Any:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                return self.index.writer(heap_size=WRITER_HEAP * threads, num_threads=threads)
            except ValueError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _document(self, doc: IndexDocument) -> tantivy.Document:
        analysed = analyse(doc.text)
        out = tantivy.Document()
        out.add_text("key", doc.key)
        out.add_text("title", doc.title)
        out.add_bytes("raw", doc.text.encode())
        out.add_text("exact", analysed.exact)
        out.add_text("stem", analysed.stem)
        out.add_text("variants", analysed.variants)
        if doc.names:
            out.add_text("names", name_terms(doc.names))
        if doc.date:
            out.add_date("date", _when(doc.date))
        for name, values in doc.facets.items():
            if name not in FACETS:
                raise ValueError(f"unknown facet {name!r}")
            for value in values:
                out.add_text(name, value)
        return out

    def upsert(self, documents: list[IndexDocument]) -> None:
        with self._lock:
            writer = self._writer()
            for doc in documents:
                writer.delete_documents_by_term("key", doc.key)
                writer.add_document(self._document(doc))
            writer.commit()
            writer.wait_merging_threads()

    def delete(self, keys: list[str]) -> None:
        with self._lock:
            writer = self._writer()
            for key in keys:
                writer.delete_documents_by_term("key", key)
            writer.commit()
            writer.wait_merging_threads()

    def rebuild(self, documents: Iterable[IndexDocument], threads: int = 1) -> int:
        """Replace the whole index in one commit: readers see the old index until the new
        one is complete."""
        count = 0
        with self._lock:
            writer = self._writer(threads)
            writer.delete_all_documents()
            for doc in documents:
                writer.add_document(self._document(doc))
                count += 1
            writer.commit()
            writer.wait_merging_threads()
        return count

    def clear(self) -> None:
        self.rebuild([])

    def count(self) -> int:
        self.index.reload()
        return int(self.index.searcher().num_docs)

    # Reading ---------------------------------------------------------------------------

    def _term(self, field: str, value: str) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def _any_form(self, word: Word) -> tantivy.Query:
        forms = [(tantivy.Occur.Should,
                  tantivy.Query.boost_query(self._term("exact", word.exact), EXACT_BOOST)),
                 (tantivy.Occur.Should, self._term("stem", word.stem))]
        if script(word.exact) == "he":
            forms.append((tantivy.Occur.Should, self._term("variants", word.exact)))
        forms.extend((tantivy.Occur.Should, self._term("names", key))
                     for key in name_keys(word.exact))
        return tantivy.Query.boolean_query(forms)

    def _text_clauses(self, parsed: ParsedQuery, fuzzy_terms: bool) -> list[Any]:
        must = tantivy.Occur.Must
        clauses = []
        for word in parsed.terms:
            if fuzzy_terms and len(word.exact) >= 4:
                clauses.append((must, self._fuzzy(word.exact)))
            else:
                clauses.append((must, self._any_form(word)))
        for phrase in parsed.phrases:
            clauses.append((must, tantivy.Query.phrase_query(
                self.schema, "stem", [w.stem for w in phrase])))
        for prefix in parsed.prefixes:
            pattern = _REGEX_SPECIAL.sub(r"\\\1", prefix) + ".*"
            clauses.append((must, tantivy.Query.regex_query(self.schema, "exact", pattern)))
        for typed in parsed.fuzzy:
            clauses.append((must, self._fuzzy(typed)))
        for excluded in parsed.excluded:
            clauses.append((tantivy.Occur.MustNot, self._any_form(excluded)))
        return clauses

    def _fuzzy(self, word: str) -> tantivy.Query:
        return tantivy.Query.fuzzy_term_query(self.schema, "exact", word,
                                              distance=fuzzy_distance(word))

    def _filter_clauses(self, request: SearchRequest) -> list[Any]:
        clauses = []
        for name, values in request.filters.items():
            if name not in FACETS:
                raise ValueError(f"unknown facet {name!r}")
            if values:
                clauses.append((tantivy.Occur.Must, tantivy.Query.boolean_query(
                    [(tantivy.Occur.Should, self._term(name, v)) for v in values])))
        if request.date_from or request.date_to:
            clauses.append((tantivy.Occur.Must, tantivy.Query.range_query(
                self.schema, "date", tantivy.FieldType.Date,
                _when(request.date_from) if request.date_from else None,
                _when(request.date_to) if request.date_to else None)))
        return clauses

    def _query(self, parsed: ParsedQuery, request: SearchRequest, fuzzy_terms: bool) -> Any:
        clauses = self._text_clauses(parsed, fuzzy_terms) + self._filter_clauses(request)
        if not any(occur == tantivy.Occur.Must for occur, _q in clauses):
            clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        return tantivy.Query.boolean_query(clauses)

    def search(self, request: SearchRequest) -> SearchResult:
        parsed = parse(request.text)
        self.index.reload()
        searcher = self.index.searcher()
        query = self._query(parsed, request, fuzzy_terms=False)
        found, approximate = self._run(searcher, query, request), False
        if found.count == 0 and parsed.terms and not parsed.is_empty():
            # Names are often misspelt: fall back to typo-tolerant matching, and say so.
            query = self._query(parsed, request, fuzzy_terms=True)
            found, approximate = self._run(searcher, query, request), True
            parsed.fuzzy = [*parsed.fuzzy, *(w.exact for w in parsed.terms)]
        hits = []
        for order_key, address in found.hits:
            stored = searcher.doc(address)
            dates = stored.get_all("date")
            text = bytes(stored.get_first("raw") or b"").decode()
            hits.append(Hit(
                key=str(stored.get_first("key")), title=stored.get_first("title") or "",
                score=float(order_key) if request.sort == "relevance" else 0.0,
                date=dates[0].date() if dates else None,
                snippet=snippet(text, parsed) if request.snippets else ""))
        return SearchResult(total=found.count, hits=hits,
                            facets=self._facets(searcher, query), approximate=approximate)

    def _run(self, searcher: Any, query: Any, request: SearchRequest) -> Any:
        limit = max(1, request.limit)
        if request.sort == "relevance":
            return searcher.search(query, limit, count=True, offset=request.offset)
        order = tantivy.Order.Asc if request.sort == "oldest" else tantivy.Order.Desc
        return searcher.search(query, limit, count=True, order_by_field="date",
                               offset=request.offset, order=order)

    def _facets(self, searcher: Any, query: Any) -> dict[str, list[tuple[str, int]]]:
        aggregations = {name: {"terms": {"field": name, "size": FACET_BUCKETS}}
                        for name in FACETS}
        answer = searcher.aggregate(query, aggregations)
        return {name: [(str(b["key"]), int(b["doc_count"]))
                       for b in answer.get(name, {}).get("buckets", [])]
                for name in FACETS}
