"""In-memory candidate index for person screening.

Retrieval never scans the list. Every name part of every person is filed in a dict under a few
keys that survive the variation the matcher forgives:

* ``p:`` its phonetic respelling (Zelenskyy / Selenskyj, Husayn / Hussein);
* ``d:`` its loose sound skeleton, the same for Hebrew/Arabic and their Latin spellings
  (``משה`` and ``Moshe`` both give ``MS``), plus every skeleton with one class deleted, so a
  query one consonant off still meets it (a SymSpell-style deletion neighbourhood).

A query collects the persons under its own keys, ranks them by how many of its name parts hit
(rare keys count more than common ones), and only the best few are scored with the full
matcher in ``names``. ``last_scored`` says how many that was, so tests can hold it to that.

Qualifiers adjust the name score additively, then the result is clamped to [0, 1]:

=====================  =========  ==========================================
qualifier              agree      conflict
=====================  =========  ==========================================
birth date, full       +0.10      same year, other day: -0.10
birth year             +0.05      one year apart: -0.10; further: -0.30
nationality (alpha-3)  +0.03      -0.10 (only when both sides state one)
sex                    +0.02      -0.15
=====================  =========  ==========================================

A birth year that differs by more than one year thus pushes even an exact name (1.0) below
``DEFAULT_THRESHOLD``; an agreeing full birth date lifts a borderline 0.70 over it. Missing data
on either side changes nothing.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from palermo.screening.engine.names import INITIAL, PARTICLE, parse_name, score_names
from palermo.screening.engine.phonetic import loose_skeleton

# Keys shared by more than this share of the people say little and cost a lot: they are
# only looked up when the query has nothing better.
_COMMON_SHARE = 0.02
_MIN_CANDIDATES = 60


def _skeleton_variants(skel: str) -> set[str]:
    # ו / و are consonants (v, w) as often as vowels (o, u): file both readings.
    return {loose_skeleton(skel), loose_skeleton(skel.replace("W", ""))}


def name_keys(name: str) -> list[set[str]]:
    """Retrieval keys for each informative part of a name (one set per part)."""
    out: list[set[str]] = []
    for token in parse_name(name):
        if token.kind in (INITIAL, PARTICLE):
            continue
        keys = {"p:" + token.phon}
        for skel in _skeleton_variants(token.skel):
            if len(skel) < 2:
                continue
            keys.add("d:" + skel)
            if len(skel) >= 3:
                keys.update("d:" + skel[:i] + skel[i + 1 :] for i in range(len(skel)))
        out.append(keys)
    return out


@dataclass(slots=True)
class _Person:
    id: Hashable
    names: tuple[str, ...]
    birth_date: str | None
    nationalities: frozenset[str]
    sex: str | None


def _year(date: str) -> int | None:
    head = date[:4]
    return int(head) if head.isdigit() else None


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
            if y1 != y2:
                delta -= 0.10 if abs(y1 - y2) == 1 else 0.30
            elif len(birth_date) >= 10 and len(person_date) >= 10:
                delta += 0.10 if birth_date[:10] == person_date[:10] else -0.10
            else:
                delta += 0.05
    if nationality and person_nats:
        delta += 0.03 if nationality.upper() in person_nats else -0.10
    if sex and person_sex:
        delta += 0.02 if sex[:1].lower() == person_sex[:1].lower() else -0.15
    return delta


@dataclass
class PersonIndex:
    """People filed under name keys; ``search`` scores only the candidates the keys yield."""

    max_candidates: int = 120
    _people: list[_Person] = field(default_factory=list)
    _postings: dict[str, list[int]] = field(default_factory=dict)
    # A changed or removed person is tombstoned (its postings stay until a rebuild), so a
    # change to a large list costs one add, not a rebuild.
    _numbers: dict[Hashable, list[int]] = field(default_factory=dict)
    _dead: set[int] = field(default_factory=set)
    last_scored: int = 0
    last_keys: int = 0

    def __len__(self) -> int:
        return len(self._people) - len(self._dead)

    def ids(self) -> set[Hashable]:
        return set(self._numbers)

    def remove(self, id: Hashable) -> None:
        """Forget ``id`` (call ``add`` again to change a person)."""
        self._dead.update(self._numbers.pop(id, ()))

    def add(
        self,
        id: Hashable,
        names: Iterable[str],
        birth_date: str | None = None,
        nationalities: Iterable[str] = (),
        sex: str | None = None,
    ) -> None:
        names = tuple(n for n in names if n and n.strip())
        number = len(self._people)
        self._numbers.setdefault(id, []).append(number)
        self._people.append(
            _Person(id, names, birth_date, frozenset(n.upper() for n in nationalities), sex)
        )
        keys: set[str] = set()
        for name in names:
            for part in name_keys(name):
                keys |= part
        for key in keys:
            self._postings.setdefault(key, []).append(number)

    def _candidates(self, name: str) -> list[int]:
        postings = self._postings
        common = max(1000, int(_COMMON_SHARE * len(self)))
        credit: dict[int, float] = {}
        self.last_keys = 0
        for part in name_keys(name):
            lists = [postings[k] for k in part if k in postings]
            self.last_keys += len(lists)
            rare = [p for p in lists if len(p) <= common]
            if not rare and lists:
                # Only common keys: the part still helps to rank, via its rarest key.
                rare = [min(lists, key=len)]
            best: dict[int, float] = {}
            for plist in rare:
                weight = 1.0 / math.log2(2 + len(plist))
                for number in plist:
                    if best.get(number, 0.0) < weight:
                        best[number] = weight
            for number, weight in best.items():
                credit[number] = credit.get(number, 0.0) + weight
        return heapq.nlargest(self.max_candidates, credit, key=credit.__getitem__)

    def _rank(
        self,
        numbers: Iterable[int],
        name: str,
        qualifiers: tuple[str | None, str | None, str | None],
        limit: int,
    ) -> list[tuple[Hashable, float]]:
        results: list[tuple[float, int]] = []
        for number in numbers:
            if number in self._dead:
                continue
            person = self._people[number]
            score = max((score_names(name, alias) for alias in person.names), default=0.0)
            if score <= 0.0:
                continue
            score += qualifier_adjustment(
                person.birth_date, person.nationalities, person.sex, *qualifiers
            )
            results.append((min(1.0, max(0.0, score)), number))
        best = heapq.nlargest(limit, results)
        return [(self._people[n].id, s) for s, n in best if s > 0.0]

    def search(
        self,
        name: str,
        birth_date: str | None = None,
        nationality: str | None = None,
        sex: str | None = None,
        limit: int = 10,
    ) -> list[tuple[Hashable, float]]:
        """The best ``limit`` people for ``name``, as (id, score) with score > 0, best first."""
        candidates = self._candidates(name)
        self.last_scored = len(candidates)
        return self._rank(candidates, name, (birth_date, nationality, sex), limit)

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
        return self._rank(range(len(self._people)), name, (birth_date, nationality, sex), limit)
