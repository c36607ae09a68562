"""A received message's codes must be ours: every code is looked up in the vocabulary it
belongs to, and an unknown one is refused with its JSON path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from palermo.exchange.message import MessageError
from palermo.vocab import registry

CASE_CODES = {("classification", "acts"): "palermo_acts",
              ("classification", "means"): "palermo_means",
              ("classification", "purposes"): "palermo_purposes",
              ("exploitation_types",): "exploitation_types"}
VICTIM_CODES = {"trafficking_status": "trafficking_statuses",
                "recruitment_method": "recruitment_methods",
                "methods_of_control": "methods_of_control",
                "relationship_to_trafficker": "trafficker_relationships",
                "exploitation_types": "exploitation_types", "industry": "industries"}


def _codes(value: Any) -> list[str]:
    return value if isinstance(value, list) else [value] if value else []


def _uses(message: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(JSON path, vocabulary, code) for every coded value in the message."""
    case = message["case"]
    for keys, vocabulary in CASE_CODES.items():
        value: Any = case
        for key in keys:
            value = value.get(key, {}) if isinstance(value, dict) else {}
        for i, code in enumerate(_codes(value)):
            yield f"$.case.{'.'.join(keys)}[{i}]", vocabulary, code
    if case.get("status"):
        yield "$.case.status", "case_statuses", case["status"]
    for where, codes in (case.get("countries") or {}).items():
        for i, code in enumerate(codes):
            yield f"$.case.countries.{where}[{i}]", "countries", code
    for p, person in enumerate(case.get("persons") or []):
        at = f"$.case.persons[{p}]"
        yield f"{at}.role", "person_roles", person["role"]
        for i, code in enumerate(person.get("nationalities") or []):
            yield f"{at}.nationalities[{i}]", "countries", code
        for i, code in enumerate(person.get("languages") or []):
            yield f"{at}.languages[{i}]", "languages", code
        for i, document in enumerate(person.get("documents") or []):
            yield f"{at}.documents[{i}].issuing_state", "countries", document["issuing_state"]
        for name, vocabulary in VICTIM_CODES.items():
            for i, code in enumerate(_codes((person.get("victim") or {}).get(name))):
                suffix = f"[{i}]" if isinstance(person["victim"][name], list) else ""
                yield f"{at}.victim.{name}{suffix}", vocabulary, code
        for i, code in enumerate((person.get("perpetrator") or {}).get("roles") or []):
            yield f"{at}.perpetrator.roles[{i}]", "perpetrator_roles", code


def check(message: dict[str, Any]) -> None:
    errors = [f"{path}: unknown code {code!r} (vocabulary {vocabulary})"
              for path, vocabulary, code in _uses(message)
              if code not in registry.get(vocabulary)]
    if errors:
        path, _sep, reason = errors[0].partition(": ")
        raise MessageError(reason, path, errors)
