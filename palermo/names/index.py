"""In-memory candidate index for person screening.

Retrieval never scans the list. It works in two steps:

1. **Vocabulary.** Every distinct name part on the list (a few hundred thousand at most,
   against millions of persons) is filed under keys that survive the variation the matcher
   forgives: ``p:`` its phonetic respelling and that respelling with one letter deleted
   (typos), ``r:`` the same for its written form, ``d:`` its loose sound skeleton (the same
   for Hebrew/Arabic and their Latin spellings: ``משה`` and ``Moshe`` both give ``MS``) and
   every skeleton with one class deleted. A query part looks up its own keys, and every list
   part found is kept only if the matcher's own ``token_sim`` gives it a similarity: the
   index never invents a match.
2. **Persons.** A person is filed under each *pair* of its informative parts (two-key
   blocking), and a person with one informative part under that part alone. A name of two
   or more parts scores at or above ``DEFAULT_THRESHOLD`` only when at least two of its
   parts match (one matched part beside a conflicting one gives at most ~0.5), so the pairs
   of matching list parts lead to every person who can be a hit, and to few others. A
   one-part query, and the rarest part of any query, also reach the persons through the
   single parts.

The candidates are ranked by the similarities of the parts they matched plus the qualifier
adjustment below (so that among a hundred namesakes the one with the query's birth date
comes first), and at most ``max_candidates`` of them are scored with the full matcher in
``names``, each distinct name once (namesakes share one parsed form). ``last_scored`` says
how many persons that was, so tests can hold it to that. The list words a query part
matches are kept for the next query with that part, until a new word joins the list.

Qualifiers adjust the name score additively, then the result is clamped to [0, 1]:

=====================  =========  ===================================================
qualifier              agree      conflict
=====================  =========  ===================================================
birth date, full       +0.10      one slip apart (a digit, two digits swapped, day and
                                  month swapped): -0.10; otherwise -0.30
birth year             +0.05      one year apart: -0.10; further: -0.30
nationality (alpha-3)  +0.03      -0.10 (only when both sides state one)
sex                    +0.02      -0.15
=====================  =========  ===================================================

Two full birth dates that differ by more than a slip of the pen are two people: even an
exact name (1.0) falls below ``DEFAULT_THRESHOLD``; a slip leaves only near-exact names
(0.88 and up) above it. A 1 January date is compared by its year only, because lists write
it for "born in that year". An agreeing full birth date lifts a borderline 0.70 over the
threshold. Missing data on either side changes nothing.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from palermo.names.name_keys import PAIR_SHIFT, informative, pair_key, token_keys
from palermo.names.names import Token, parse_name, score_parsed, token_sim

# Persons scored with the full matcher per query, at most.
_MAX_CANDIDATES = 100
# A query part filed under at most this many persons is also followed on its own, so a list
# name written as one word where the query has two ("JanDaniel") is still reached.
_RARE_PART = 1000
# A one-part query ("Eriksson") follows at most this many persons before ranking them.
_SINGLE_CAP = 20000
_MATCHES_KEPT = 50000


@dataclass(slots=True)
class _Person:
    id: Hashable
    aliases: tuple[tuple[Token, ...], ...]
    birth_date: str | None
    nationalities: frozenset[str]
    sex: str | None


def _year(date: str) -> int | None:
    head = date[:4]
    return int(head) if head.isdigit() else None


def _slip(a: str, b: str) -> bool:
    """Two different full dates one slip of the pen apart: one digit, two neighbouring
    digits swapped, or day and month swapped."""
    if a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]:
        return True
    diff = [i for i in range(10) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and (
        a[diff[1]] == b[diff[0]]
    )


def _full(date: str) -> bool:
    return len(date) >= 10 and date[4:10] != "-01-01"


def qualifier_adjustment(
    person_date: str | None,
    person_nats: frozenset[str],
    person_sex: str | None,
    birth_date: str | None,
    nationality: str | None,
    sex: str | None,
) -> float:
    """The additive change that birth date, nationality and sex make (see module doc)."""
    delta = 0.0
    if birth_date and person_date:
        y1, y2 = _year(birth_date), _year(person_date)
        if y1 is not None and y2 is not None:
            if _full(birth_date) and _full(person_date):
                if birth_date[:10] == person_date[:10]:
                    delta += 0.10
                else:
                    delta -= 0.10 if _slip(birth_date, person_date) else 0.30
            elif y1 != y2:
                delta -= 0.10 if abs(y1 - y2) == 1 else 0.30
            else:
                delta += 0.05
    if nationality and person_nats:
        delta += 0.03 if nationality.upper() in person_nats else -0.10
    if sex and person_sex:
        delta += 0.02 if sex[:1].lower() == person_sex[:1].lower() else -0.15
    return delta


@dataclass
class PersonIndex:
    """People filed under pairs of name parts; ``search`` scores only the candidates."""

    max_candidates: int = _MAX_CANDIDATES
    _people: list[_Person] = field(default_factory=list)
    # The vocabulary: one number per distinct informative name part.
    _vocab: dict[Token, int] = field(default_factory=dict)
    _words: list[Token] = field(default_factory=list)
    _word_keys: dict[str, list[int]] = field(default_factory=dict)
    # word -> persons with it; word -> persons with no other informative part;
    # pair of words (smaller << 32 | larger) -> persons with both.
    _by_word: list[list[int]] = field(default_factory=list)
    _single: dict[int, list[int]] = field(default_factory=dict)
    _pairs: dict[int, list[int]] = field(default_factory=dict)
    # A changed or removed person is tombstoned (its postings stay until a rebuild), so a
    # change to a large list costs one add, not a rebuild.
    # id -> its number, or its numbers when added twice (a list: rare, so ints save memory).
    _numbers: dict[Hashable, int | list[int]] = field(default_factory=dict)
    _dead: set[int] = field(default_factory=set)
    _forms: dict[tuple[Token, ...], tuple[Token, ...]] = field(default_factory=dict)
    _shared: dict[Hashable, Any] = field(default_factory=dict)
    # Query part -> matching list words: common given names and surnames come back often.
    _matches: dict[Token, dict[int, float]] = field(default_factory=dict)
    last_scored: int = 0
    last_keys: int = 0

    def __len__(self) -> int:
        return len(self._people) - len(self._dead)

    def ids(self) -> set[Hashable]:
        return set(self._numbers)

    def remove(self, id: Hashable) -> None:
        """Forget ``id`` (call ``add`` again to change a person)."""
        numbers = self._numbers.pop(id, ())
        self._dead.update(numbers if isinstance(numbers, (list, tuple)) else (numbers,))

    def _word(self, token: Token) -> int:
        word = self._vocab.get(token)
        if word is None:
            word = self._vocab[token] = len(self._words)
            self._words.append(token)
            self._by_word.append([])
            # A new list word may match query parts seen before.
            self._matches.clear()
            for key in token_keys(token):
                self._word_keys.setdefault(key, []).append(word)
        return word

    def add(
        self,
        id: Hashable,
        names: Iterable[str],
        birth_date: str | None = None,
        nationalities: Iterable[str] = (),
        sex: str | None = None,
    ) -> None:
        forms = self._forms
        # Namesakes share one parsed form, so a query scores each distinct name once.
        aliases = tuple(
            forms.setdefault(form, form)
            for form in (parse_name(n) for n in names if n and n.strip())
        )
        number = len(self._people)
        known = self._numbers.get(id)
        if known is None:
            self._numbers[id] = number
        elif isinstance(known, list):
            known.append(number)
        else:
            self._numbers[id] = [known, number]
        # Birth dates and nationality sets repeat across a million persons: keep one of each.
        shared = self._shared
        nats = frozenset(n.upper() for n in nationalities)
        nats = shared.setdefault(nats, nats)
        if birth_date is not None:
            birth_date = shared.setdefault(birth_date, birth_date)
        self._people.append(_Person(id, aliases, birth_date, nats, sex))
        words: set[int] = set()
        pairs: set[int] = set()
        singles: set[int] = set()
        for tokens in aliases:
            mine = sorted({self._word(t) for t in informative(tokens)})
            words.update(mine)
            if len(mine) == 1:
                singles.add(mine[0])
            pairs.update(
                a * PAIR_SHIFT + b for i, a in enumerate(mine) for b in mine[i + 1 :]
            )
        for word in words:
            self._by_word[word].append(number)
        for word in singles:
            self._single.setdefault(word, []).append(number)
        for pair in pairs:
            self._pairs.setdefault(pair, []).append(number)

    def _matching_words(self, token: Token) -> dict[int, float]:
        """List words the matcher pairs with ``token``, with their similarity."""
        cached = self._matches.get(token)
        if cached is not None:
            return cached
        found: set[int] = set()
        for key in token_keys(token):
            words = self._word_keys.get(key)
            if words is not None:
                self.last_keys += 1
                found.update(words)
        sims = {}
        for word in found:
            sim = token_sim(token, self._words[word])[0]
            if sim > 0.0:
                sims[word] = sim
        if len(self._matches) >= _MATCHES_KEPT:
            self._matches.clear()
        self._matches[token] = sims
        return sims

    def _candidates(self, parts: list[dict[int, float]]) -> dict[int, float]:
        """Persons who can score a hit, each with the summed similarity of what it matched."""
        credit: dict[int, float] = {}
        get = credit.get
        by_word, single, pairs = self._by_word, self._single, self._pairs
        for i, left in enumerate(parts):
            for right in parts[i + 1 :]:
                for a, sa in left.items():
                    for b, sb in right.items():
                        if a == b:
                            continue
                        people = pairs.get(pair_key(a, b))
                        if people is not None:
                            for number in people:
                                credit[number] = get(number, 0.0) + sa + sb
            for word, sim in left.items():
                for number in single.get(word, ()):
                    credit[number] = get(number, 0.0) + sim
        found = [part for part in parts if part]
        sizes = [sum(len(by_word[w]) for w in part) for part in found]
        budget = _SINGLE_CAP if len(parts) == 1 else _RARE_PART
        rarest = found[sizes.index(min(sizes))]
        # The most similar words first, so a capped one-part query keeps the best.
        for word, sim in sorted(rarest.items(), key=lambda item: -item[1]):
            people = by_word[word]
            if len(people) > budget:
                continue
            budget -= len(people)
            for number in people:
                if number not in credit:
                    credit[number] = sim
        return credit

    def _rank(
        self,
        numbers: Iterable[int],
        tokens: tuple[Token, ...],
        qualifiers: tuple[str | None, str | None, str | None],
        limit: int,
    ) -> list[tuple[Hashable, float]]:
        results: list[tuple[float, int]] = []
        dead, people = self._dead, self._people
        # Keyed by the shared parsed form (see ``add``): a hundred namesakes cost one score.
        memo: dict[int, float] = {}
        for number in numbers:
            if number in dead:
                continue
            person = people[number]
            score = 0.0
            for alias in person.aliases:
                name_score = memo.get(id(alias))
                if name_score is None:
                    name_score = memo[id(alias)] = score_parsed(tokens, alias)
                score = max(score, name_score)
            if score <= 0.0:
                continue
            score += qualifier_adjustment(
                person.birth_date, person.nationalities, person.sex, *qualifiers
            )
            results.append((min(1.0, max(0.0, score)), number))
        best = heapq.nlargest(limit, results)
        return [(people[n].id, s) for s, n in best if s > 0.0]

    def search(
        self,
        name: str,
        birth_date: str | None = None,
        nationality: str | None = None,
        sex: str | None = None,
        limit: int = 10,
    ) -> list[tuple[Hashable, float]]:
        """The best ``limit`` people for ``name``, as (id, score) with score > 0, best first."""
        tokens = parse_name(name)
        self.last_keys = 0
        parts = [self._matching_words(t) for t in informative(tokens)]
        if not any(parts):
            self.last_scored = 0
            return []
        credit = self._candidates(parts)
        qualifiers = (birth_date, nationality, sex)
        if len(credit) > self.max_candidates and not any(qualifiers):
            chosen: Iterable[int] = heapq.nlargest(
                self.max_candidates, credit, key=credit.__getitem__
            )
        elif len(credit) > self.max_candidates:
            people, dead = self._people, self._dead
            # Rank on what the keys say and on the qualifiers, so that the namesake with
            # the query's birth date is among those scored.
            pre = {
                number: value
                + 3.0
                * qualifier_adjustment(
                    people[number].birth_date,
                    people[number].nationalities,
                    people[number].sex,
                    *qualifiers,
                )
                for number, value in credit.items()
                if number not in dead
            }
            chosen = heapq.nlargest(self.max_candidates, pre, key=pre.__getitem__)
        else:
            chosen = credit
        chosen = list(chosen)
        self.last_scored = len(chosen)
        return self._rank(chosen, tokens, qualifiers, limit)

    def scan(
        self,
        name: str,
        birth_date: str | None = None,
        nationality: str | None = None,
        sex: str | None = None,
        limit: int = 10,
    ) -> list[tuple[Hashable, float]]:
        """Brute force over everyone with the same scoring: the baseline that ``search`` is
        measured against in the benchmark. Never use it in the product."""
        self.last_scored = len(self._people)
        return self._rank(
            range(len(self._people)), parse_name(name), (birth_date, nationality, sex), limit
        )
