"""The shapes a search backend (tantivy, embedded) takes and gives: the documents it
indexes, the request it answers and its result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Structured fields with counts on the search page; every value is a string.
FACETS = ("kind", "country", "court_level", "legal_system", "verdict", "exploitation",
          "sector", "year", "language", "transnational", "organised_crime")
SORTS = ("relevance", "newest", "oldest")


@dataclass
class IndexDocument:
    key: str  # "<kind>:<id>", unique in the index
    title: str
    text: str  # everything searchable, raw; kept for snippets
    date: dt.date | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # parties, defendants: found across scripts


@dataclass
class SearchRequest:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # OR in a field, AND across
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20
    snippets: bool = True


@dataclass
class Hit:
    key: str
    title: str
    score: float
    date: dt.date | None
    snippet: str  # HTML, escaped, matches in <mark>


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]  # field -> [(value, count)], most frequent first
    approximate: bool = False  # nothing matched exactly; these are typo-tolerant matches

