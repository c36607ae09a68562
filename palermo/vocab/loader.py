"""Load and check vocabulary files, naming file and line for every fault.

A vocabulary file is a mapping with ``name``, ``description`` and ``terms``; each term is a
mapping with ``code``, ``labels`` (one per UI language), ``definition`` (English, or a
mapping of languages that includes ``en``) and optional extra fields that a vocabulary
declares in ``fields``. A field whose name ends in ``_codes`` may
refer to another vocabulary (``refers`` in the file), and every code it lists must exist there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

UI_LANGUAGES = ("en", "he")
CODE_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


class VocabularyError(ValueError):
    """A fault in a vocabulary file; the message starts with ``file:line``."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = Path(path)
        self.line = line
        super().__init__(f"{self.path.name}:{line}: {message}")


@dataclass(frozen=True)
class Term:
    code: str
    labels: dict[str, str]
    definition: str
    extra: dict[str, Any] = field(default_factory=dict)
    line: int = 0
    # The definition in other languages, when the file gives ``definition: {en: …, he: …}``.
    definitions: dict[str, str] = field(default_factory=dict)

    def label(self, language: str = "en") -> str:
        return self.labels.get(language) or self.labels["en"]

    def explained(self, language: str = "en") -> str:
        """The definition in ``language``, or in English where none is given."""
        return self.definitions.get(language) or self.definition


@dataclass
class Vocabulary:
    name: str
    description: str
    path: Path
    terms: dict[str, Term]
    refers: dict[str, str] = field(default_factory=dict)
    groups: dict[str, Term] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.terms

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms.values())

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, code: str) -> Term:
        try:
            return self.terms[code]
        except KeyError:
            raise KeyError(f"{code!r} is not a code of the {self.name} vocabulary") from None

    def codes(self) -> list[str]:
        return list(self.terms)

    def choices(self, language: str = "en") -> list[tuple[str, str]]:
        return [(term.code, term.label(language)) for term in self]


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping as ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise VocabularyError(
                    Path(self.name), key_node.start_mark.line + 1, f"key {key!r} appears twice"
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _read(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 0
        raise VocabularyError(path, line, f"not valid YAML: {exc.problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise VocabularyError(path, 1, "a vocabulary file must be a mapping")
    return data


def load_file(path: Path) -> Vocabulary:
    data = _read(path)
    for key in ("name", "description", "terms"):
        if key not in data:
            raise VocabularyError(path, 1, f"missing {key!r}")
    if data["name"] != path.stem:
        raise VocabularyError(path, data["__line__"], f"name must be {path.stem!r}")
    allowed = set(data.get("fields") or []) | {"code", "labels", "definition", "__line__"}
    terms: dict[str, Term] = {}
    raw_terms = data["terms"]
    if not isinstance(raw_terms, list) or not raw_terms:
        raise VocabularyError(path, data["__line__"], "terms must be a non-empty list")
    for raw in raw_terms:
        term = _term(path, raw, allowed)
        if term.code in terms:
            raise VocabularyError(
                path, term.line, f"duplicate code {term.code!r} (first at line "
                f"{terms[term.code].line})"
            )
        terms[term.code] = term
    refers = {k: v for k, v in (data.get("refers") or {}).items() if k != "__line__"}
    groups = {g.code: g for g in (_term(path, raw, {"code", "labels", "definition", "__line__"})
                                  for raw in data.get("groups") or [])}
    for term in terms.values():
        if groups and term.extra.get("group") not in groups:
            raise VocabularyError(path, term.line, f"term {term.code!r}: unknown group "
                                  f"{term.extra.get('group')!r}")
    return Vocabulary(data["name"], data["description"], path, terms, refers, groups)


def _term(path: Path, raw: Any, allowed: set[str]) -> Term:
    if not isinstance(raw, dict):
        raise VocabularyError(path, 0, "each term must be a mapping")
    line = raw["__line__"]
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise VocabularyError(path, line, f"unknown field {unknown[0]!r}")
    code = raw.get("code")
    if not isinstance(code, str) or not code or set(code) - CODE_CHARS:
        raise VocabularyError(path, line, f"bad or missing code {code!r}")
    labels = raw.get("labels")
    if not isinstance(labels, dict):
        raise VocabularyError(path, line, f"term {code!r} has no labels")
    for language in UI_LANGUAGES:
        if not str(labels.get(language) or "").strip():
            raise VocabularyError(path, line, f"term {code!r} has no {language!r} label")
    definition = raw.get("definition")
    definitions: dict[str, str] = {}
    if isinstance(definition, dict):
        definitions = {k: str(v).strip() for k, v in definition.items() if k != "__line__"}
        definition = definitions.get("en")
    if not isinstance(definition, str) or not definition.strip():
        raise VocabularyError(path, line, f"term {code!r} has no definition")
    extra = {k: v for k, v in raw.items() if k not in {"code", "labels", "definition", "__line__"}}
    clean_labels = {k: str(v) for k, v in labels.items() if k != "__line__"}
    return Term(code, clean_labels, definition.strip(), extra, line, definitions)


def check_references(vocabularies: dict[str, Vocabulary]) -> None:
    """Every code listed in a referring field must exist in the vocabulary it names."""
    for vocabulary in vocabularies.values():
        for field_name, target_name in vocabulary.refers.items():
            target = vocabularies.get(target_name)
            if target is None:
                raise VocabularyError(
                    vocabulary.path, 1, f"{field_name!r} refers to unknown vocabulary "
                    f"{target_name!r}"
                )
            for term in vocabulary:
                for code in term.extra.get(field_name) or []:
                    if code not in target:
                        raise VocabularyError(
                            vocabulary.path, term.line,
                            f"term {term.code!r}: unknown {target_name} code {code!r}",
                        )


def load_directory(directory: Path) -> dict[str, Vocabulary]:
    vocabularies = {}
    for path in sorted(directory.glob("*.yaml")):
        vocabulary = load_file(path)
        vocabularies[vocabulary.name] = vocabulary
    check_references(vocabularies)
    return vocabularies
