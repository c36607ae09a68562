"""Audit actions in words (vocab/audit_actions.yaml): the auditor reads "Case changed", and
still sees and searches by the code ``case.update``."""

from __future__ import annotations

import re

from palermo.vocab import registry

VOCABULARY = "audit_actions"
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


def label(code: str, language: str = "en") -> str:
    """The action's own label; for a code built at run time (an administration page's
    ``<model>.update``), the label of its family (``notice``) or of its verb (``update``);
    the code itself when none fits, which the test of every action keeps from happening."""
    terms = registry.get(VOCABULARY)
    parts = code.split(".")
    for end in range(len(parts), 0, -1):
        family = ".".join(parts[:end])
        if family in terms:
            return terms.get(family).label(language)
    if parts[-1] in terms:
        return terms.get(parts[-1]).label(language)
    return code


def choices(language: str = "en") -> list[tuple[str, str]]:
    """Every action with a code of its own, by label in ``language``."""
    found = [(term.code, term.label(language)) for term in registry.get(VOCABULARY)
             if "." in term.code]
    return sorted(found, key=lambda choice: choice[1].casefold())
