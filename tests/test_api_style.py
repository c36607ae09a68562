"""The house's one API style (docs/architecture.md): every app with an API has its
``schemas.py``, and its routes answer with the services' own records through those schemas,
never with dicts built in ``api.py``. A standard's own document (an INTERPOL notice, an
exchange message) is built by the service that writes the standard, not by the route."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PALERMO = Path(__file__).resolve().parent.parent / "palermo"
# core/api.py holds what every route shares (the acting user), not routes.
APIS = sorted(path for path in PALERMO.glob("*/api.py") if path.parent.name != "core")


def test_every_app_api_is_found() -> None:
    assert len(APIS) >= 14


@pytest.mark.parametrize("api", APIS, ids=lambda path: path.parent.name)
def test_an_app_with_an_api_has_its_schemas(api: Path) -> None:
    assert (api.parent / "schemas.py").is_file(), f"{api.parent.name} has no schemas.py"


def _built_by_hand(tree: ast.AST) -> list[int]:
    """Lines where a route answers with a dict it builds: a display ({...}), a comprehension
    or an object's ``__dict__`` in what it returns (a status map in the decorator is not an
    answer)."""
    lines = []
    for answer in ast.walk(tree):
        if not isinstance(answer, ast.Return) or answer.value is None:
            continue
        for node in ast.walk(answer.value):
            if isinstance(node, ast.Dict | ast.DictComp) or (
                    isinstance(node, ast.Attribute) and node.attr == "__dict__"):
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("api", APIS, ids=lambda path: path.parent.name)
def test_no_answer_is_built_by_hand(api: Path) -> None:
    lines = _built_by_hand(ast.parse(api.read_text(encoding="utf-8")))
    assert not lines, f"{api.relative_to(PALERMO.parent)} builds dicts at lines {lines}"


def test_the_rule_finds_a_hand_built_answer() -> None:
    route = "def route(request):\n    return {'id': 1, 'hits': [h.__dict__ for h in hits]}\n"
    assert _built_by_hand(ast.parse(route)) == [2, 2]
