"""The person index in the database (issue 19).

The same two steps as the in-memory ``PersonIndex`` of ``palermo/names/index.py``, kept in
three tables instead of a process's memory:

* ``PersonWord`` and ``PersonWordKey``: the vocabulary, every distinct name part of the list
  under its retrieval keys. A query part looks its keys up, and the matcher's ``token_sim``
  keeps the list parts that really match it.
* ``PersonNameKey``: each watched person under its words, the lone word of a one-part name,
  and each pair of words of one name (two-key blocking).

Every change to the list writes the keys in the same transaction (``refile`` on every save,
the importer; a removed person takes its keys by cascade), so a person listed or delisted by
any process on any server is found or gone at the very next check. Nothing is built at start
and nothing is counted per check; a process keeps only caches of immutable things (parsed
words). Scoring stays in process, on at most ``MAX_CANDIDATES`` persons.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection as default_connection
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save

from palermo.names.index import qualifier_adjustment
from palermo.names.name_keys import (
    informative,
    pair_key,
    person_postings,
    single_key,
    token_keys,
    word_text,
    word_token,
)
from palermo.names.names import Token, parse_name, score_parsed, token_sim
from palermo.screening.models import PersonNameKey, PersonWord, PersonWordKey, WatchedPerson

MAX_CANDIDATES = 100
# As in the engine: a query part filed under at most this many persons is followed on its
# own; a one-part query follows at most this many persons.
_RARE_PART = 1000
_SINGLE_CAP = 20000
# Parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535.
_CHUNK = 2000
# Scalar subqueries per counting statement (SQLite allows 2,000 result columns).
_COUNTS_AT_ONCE = 400


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class _Tables:
    """Quoted table and column names of the three key tables, for plain SQL: the ORM would
    cost more than the database on the import's millions of rows and on every check."""

    words: str
    word_keys: str
    name_keys: str

    @classmethod
    def of(cls, word: type[Model], word_key: type[Model], name_key: type[Model],
           conn: Any) -> _Tables:
        quote = conn.ops.quote_name
        return cls(quote(word._meta.db_table), quote(word_key._meta.db_table),
                   quote(name_key._meta.db_table))


def _tables() -> _Tables:
    return _Tables.of(PersonWord, PersonWordKey, PersonNameKey, default_connection)


class KeyWriter:
    """Files persons under their keys. One writer serves one transaction (an import keeps
    one for its run: the words it has seen are not read again)."""

    def __init__(self, tables: _Tables | None = None, conn: Any = None) -> None:
        self.conn = conn or default_connection
        self.tables = tables or _tables()
        self.word_ids: dict[str, int] = {}
        self.name_words: dict[str, tuple[str, ...]] = {}

    def _words_of(self, name: str) -> tuple[str, ...]:
        words = self.name_words.get(name)
        if words is None:
            words = tuple(word_text(t) for t in informative(parse_name(name)))
            if len(self.name_words) > 200_000:
                self.name_words.clear()
            self.name_words[name] = words
        return words

    def _read_ids(self, cursor: Any, texts: Sequence[str]) -> None:
        for chunk in _chunks(texts):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT id, \"text\" FROM {self.tables.words} "  # noqa: S608 -- our tables
                           f"WHERE \"text\" IN ({marks})", list(chunk))
            self.word_ids.update((text, pk) for pk, text in cursor.fetchall())

    def _ensure_words(self, cursor: Any, texts: set[str]) -> None:
        """Every word in ``texts`` in the vocabulary, with its retrieval keys."""
        missing = sorted(texts - self.word_ids.keys())
        if not missing:
            return
        self._read_ids(cursor, missing)
        new = [text for text in missing if text not in self.word_ids]
        if not new:
            return
        # Another transaction may add the same word at the same time: the unique text keeps
        # one, and the keys of both writers are the same rows.
        cursor.executemany(f'INSERT INTO {self.tables.words} ("text") VALUES (%s) '  # noqa: S608
                           'ON CONFLICT ("text") DO NOTHING', [[text] for text in new])
        self._read_ids(cursor, new)
        rows = [[key, self.word_ids[text]] for text in new
                for key in sorted(token_keys(word_token(text)))]
        cursor.executemany(f'INSERT INTO {self.tables.word_keys} ("key", word_id) '  # noqa: S608
                           'VALUES (%s, %s) ON CONFLICT ("key", word_id) DO NOTHING', rows)

    def file(self, persons: Iterable[tuple[int, Iterable[str]]], *, replace: bool) -> int:
        """File each (person id, names); ``replace`` drops their keys first (an edit).
        Returns the number of keys written."""
        named = [(pk, [self._words_of(n) for n in names if n and n.strip()])
                 for pk, names in persons]
        with self.conn.cursor() as cursor:
            if replace:
                for chunk in _chunks([pk for pk, _names in named]):
                    marks = ", ".join(["%s"] * len(chunk))
                    cursor.execute(f"DELETE FROM {self.tables.name_keys} "  # noqa: S608
                                   f"WHERE person_id IN ({marks})", list(chunk))
            self._ensure_words(cursor, {w for _pk, names in named for ws in names for w in ws})
            ids = self.word_ids
            rows = [[key, pk] for pk, names in named
                    for key in person_postings([ids[w] for w in ws] for ws in names)]
            for chunk in _chunks(rows, 50_000):
                cursor.executemany(f"INSERT INTO {self.tables.name_keys} "  # noqa: S608
                                   "(\"key\", person_id) VALUES (%s, %s)", chunk)
        return len(rows)


def refile(person_id: int, names: Iterable[str]) -> None:
    """File one person again after a change (or for the first time)."""
    with transaction.atomic():
        KeyWriter().file([(person_id, names)], replace=True)


def _saved(sender: type[WatchedPerson], instance: WatchedPerson, created: bool,
           update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    # Every save of a person (the services, the demo, the admin) files its keys with it; the
    # importer writes rows and keys itself, in bulk.
    if update_fields is not None and "names" not in update_fields:
        return
    refile(instance.pk, instance.names)


def connect() -> None:
    post_save.connect(_saved, sender=WatchedPerson, dispatch_uid="screening_person_keys")


def analyse() -> None:
    """Fresh planner statistics for the key tables after a bulk import on PostgreSQL: without
    them (autovacuum off or not yet round) the planner scans the whole vocabulary on every
    check (26.6 ms against 7.0 ms for the word lookup, measured). SQLite's planner needs none."""
    if default_connection.vendor != "postgresql":
        return
    with default_connection.cursor() as cursor:
        for model in (PersonWord, PersonWordKey, PersonNameKey):
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')


def refile_all(person: type[Model], word: type[Model], word_key: type[Model],
               name_key: type[Model], conn: Any) -> int:
    """File every listed person from scratch (the migration that adds the keys; a repair)."""
    writer = KeyWriter(_Tables.of(word, word_key, name_key, conn), conn)
    with conn.cursor() as cursor:
        cursor.execute(f"DELETE FROM {writer.tables.name_keys}")  # noqa: S608
    written = 0
    batch: list[tuple[int, list[str]]] = []
    for pk, names in person._default_manager.values_list("id", "names").iterator(10_000):
        batch.append((pk, names))
        if len(batch) == 10_000:
            written += writer.file(batch, replace=False)
            batch = []
    return written + writer.file(batch, replace=False)


# --- the search ---------------------------------------------------------------------------


@dataclass
class Found:
    """The best persons for a query, as (person id, score) best first, and how many persons
    the matcher scored to find them."""

    hits: list[tuple[int, float]] = field(default_factory=list)
    scored: int = 0


def _matching_words(cursor: Any, tables: _Tables,
                    tokens: list[Token]) -> list[dict[int, float]]:
    """For each query part, the list words the matcher pairs it with, and their similarity:
    one query on the vocabulary's key index for all parts."""
    keys_of = [token_keys(t) for t in tokens]
    wanted = sorted(set().union(*keys_of))
    by_key: dict[str, list[tuple[int, str]]] = {}
    for chunk in _chunks(wanted):
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(f"SELECT k.\"key\", w.id, w.\"text\" FROM {tables.word_keys} k "  # noqa: S608
                       f"JOIN {tables.words} w ON w.id = k.word_id WHERE k.\"key\" IN ({marks})",
                       list(chunk))
        for key, pk, text in cursor.fetchall():
            by_key.setdefault(key, []).append((pk, text))
    parts = []
    for token, keys in zip(tokens, keys_of, strict=True):
        words = {pk: text for key in keys for pk, text in by_key.get(key, ())}
        sims = {}
        for pk, text in words.items():
            sim = token_sim(token, word_token(text))[0]
            if sim > 0.0:
                sims[pk] = sim
        parts.append(sims)
    return parts


def _postings(cursor: Any, tables: _Tables, keys: Iterable[int]) -> list[tuple[int, int]]:
    rows: list[tuple[int, int]] = []
    for chunk in _chunks(sorted(keys)):
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(f"SELECT \"key\", person_id FROM {tables.name_keys} "  # noqa: S608
                       f"WHERE \"key\" IN ({marks})", list(chunk))
        rows += cursor.fetchall()
    return rows


def _sizes(cursor: Any, tables: _Tables, words: list[int], cap: int) -> dict[int, int]:
    """How many persons carry each word, counted up to ``cap``: the index walks at most
    ``cap`` entries per word, however common the word."""
    sizes: dict[int, int] = {}
    for chunk in _chunks(words, _COUNTS_AT_ONCE):
        columns = ", ".join(
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM {tables.name_keys} "  # noqa: S608
            f"WHERE \"key\" = %s LIMIT {int(cap)}) c{i})" for i in range(len(chunk)))
        cursor.execute(f"SELECT {columns}", list(chunk))
        sizes.update(zip(chunk, cursor.fetchone(), strict=True))
    return sizes


def _key_list(items: Sequence[int]) -> str:
    return ", ".join(["%s"] * len(items))


def _postings_and_sizes(cursor: Any, tables: _Tables, keys: list[int], words: list[int],
                        cap: int) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """The postings under ``keys``, and how many persons carry each word (counted up to
    ``cap``: the index walks at most ``cap`` entries per word, however common the word), in
    one statement: every round trip to the database costs a check its time."""
    if not words or len(keys) + len(words) > _CHUNK:
        return _postings(cursor, tables, keys), _sizes(cursor, tables, words, cap)
    postings = (f"SELECT 0, \"key\", person_id FROM {tables.name_keys} "  # noqa: S608
                f"WHERE \"key\" IN ({_key_list(keys)}) UNION ALL ") if keys else ""
    cursor.execute(
        f"{postings}SELECT 1, w.id, (SELECT COUNT(*) FROM (SELECT 1 FROM {tables.name_keys} "  # noqa: S608
        f"WHERE \"key\" = w.id LIMIT {int(cap)}) c) FROM {tables.words} w "
        f"WHERE w.id IN ({_key_list(words)})", [*keys, *words])
    rows: list[tuple[int, int]] = []
    sizes: dict[int, int] = {}
    for branch, key, value in cursor.fetchall():
        if branch == 0:
            rows.append((key, value))
        else:
            sizes[key] = value
    return rows, sizes


_Qualifiers = tuple[str | None, frozenset[str], str | None]


def _candidates(cursor: Any, tables: _Tables, parts: list[dict[int, float]]) -> dict[int, float]:
    """Persons who can score a hit, each with the summed similarity of what it matched (the
    engine's ``PersonIndex._candidates``, on the key table): two statements."""
    credit_of_key: dict[int, float] = {}
    for i, left in enumerate(parts):
        for right in parts[i + 1:]:
            for a, sa in left.items():
                for b, sb in right.items():
                    if a != b:
                        key = pair_key(a, b)
                        credit_of_key[key] = credit_of_key.get(key, 0.0) + sa + sb
        for word, sim in left.items():
            key = single_key(word)
            credit_of_key[key] = credit_of_key.get(key, 0.0) + sim
    found = [part for part in parts if part]
    budget = _SINGLE_CAP if len(parts) == 1 else _RARE_PART
    keys = sorted(credit_of_key)
    postings, sizes = _postings_and_sizes(cursor, tables, keys,
                                          sorted({w for part in found for w in part}), budget + 1)
    credit: dict[int, float] = {}
    for key, person in postings:
        credit[person] = credit.get(person, 0.0) + credit_of_key[key]
    totals = [sum(sizes[w] for w in part) for part in found]
    rarest = found[totals.index(min(totals))]
    # The most similar words first, so a capped one-part query keeps the best.
    followed: dict[int, float] = {}
    for word, sim in sorted(rarest.items(), key=lambda item: -item[1]):
        if sizes[word] > budget:
            continue
        budget -= sizes[word]
        followed[word] = sim
    rows = _postings(cursor, tables, followed)
    order = {word: n for n, word in enumerate(followed)}
    for word, person in sorted(rows, key=lambda row: order[row[0]]):
        if person not in credit:
            credit[person] = followed[word]
    return credit


def _qualifiers(row: tuple[Any, ...]) -> _Qualifiers:
    _pk, born, nationalities, sex = row[:4]
    return (born.isoformat() if born else None,
            frozenset(n.upper() for n in nationalities or ()), sex or None)


def _choose(credit: dict[int, float], asked: tuple[str | None, str | None, str | None],
            limit: int) -> list[int]:
    if len(credit) <= limit:
        return list(credit)
    if not any(asked):
        return heapq.nlargest(limit, credit, key=credit.__getitem__)
    # Rank on what the keys say and on the qualifiers, so that the namesake with the
    # query's birth date is among those scored.
    pre: dict[int, float] = {}
    for chunk in _chunks(sorted(credit)):
        for row in WatchedPerson.objects.filter(pk__in=chunk).values_list(
                "id", "birth_date", "nationalities", "sex"):
            pre[row[0]] = credit[row[0]] + 3.0 * qualifier_adjustment(*_qualifiers(row), *asked)
    return heapq.nlargest(limit, pre, key=pre.__getitem__)


def _rank(chosen: list[int], tokens: tuple[Token, ...],
          asked: tuple[str | None, str | None, str | None], limit: int) -> list[tuple[int, float]]:
    results: list[tuple[float, int]] = []
    # Namesakes share a parsed form (parse_name is cached): a hundred of them cost one score.
    memo: dict[tuple[Token, ...], float] = {}
    rows = WatchedPerson.objects.filter(pk__in=chosen).values_list(
        "id", "birth_date", "nationalities", "sex", "names")
    for row in rows:
        score = 0.0
        for name in row[4]:
            if not (name and name.strip()):
                continue
            alias = parse_name(name)
            name_score = memo.get(alias)
            if name_score is None:
                name_score = memo[alias] = score_parsed(tokens, alias)
            score = max(score, name_score)
        if score <= 0.0:
            continue
        score += qualifier_adjustment(*_qualifiers(row), *asked)
        results.append((min(1.0, max(0.0, score)), row[0]))
    return [(pk, s) for s, pk in heapq.nlargest(limit, results) if s > 0.0]


def search(name: str, birth_date: str | None = None, nationality: str | None = None,
           sex: str | None = None, limit: int = 10) -> Found:
    """The best ``limit`` listed persons for ``name``, with score > 0, best first."""
    tokens = parse_name(name)
    tables = _tables()
    asked = (birth_date, nationality, sex)
    with default_connection.cursor() as cursor:
        parts = _matching_words(cursor, tables, informative(tokens))
        if not any(parts):
            return Found()
        credit = _candidates(cursor, tables, parts)
    chosen = _choose(credit, asked, MAX_CANDIDATES)
    return Found(_rank(chosen, tokens, asked, limit), len(chosen))
