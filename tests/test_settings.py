"""The environment is read in one place: settings.py (and, for the suite, settings_test.py).
Every variable read there is in docs/operations.md, so an operator can see all of them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import palermo

PACKAGE = Path(palermo.__file__).parent
SETTINGS = {PACKAGE / "settings.py", PACKAGE / "settings_test.py"}
OPERATIONS = PACKAGE.parent / "docs" / "operations.md"


def _reads_environment(node: ast.AST) -> bool:
    """``os.environ.get``, ``os.environ[...]``, ``... in os.environ``, ``os.getenv``: a read.
    ``os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...)`` (Django's entry points) and
    ``dict(os.environ)`` (a child process's environment) read no variable of ours."""
    def is_environ(value: ast.AST) -> bool:
        return (isinstance(value, ast.Attribute) and value.attr == "environ"
                and isinstance(value.value, ast.Name) and value.value.id == "os")

    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in {"get", "pop"} and is_environ(node.func.value):
            return True
        if node.func.attr == "getenv":
            return True
    if isinstance(node, ast.Subscript) and is_environ(node.value):
        return isinstance(node.ctx, ast.Load)
    if isinstance(node, ast.Compare):
        return any(is_environ(right) for right in node.comparators)
    return False


def _names_read(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call):
            for argument in node.args[:1]:
                if (isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                        and argument.value.startswith("PALERMO_")):
                    names.add(argument.value)
    return names


def test_only_the_settings_read_the_environment() -> None:
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in SETTINGS:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if _reads_environment(node):
                readers.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert readers == [], "read the variable in palermo/settings.py instead"


def test_every_variable_the_settings_read_is_documented() -> None:
    read = set().union(*(_names_read(path) for path in SETTINGS))
    documented = set(re.findall(r"`(PALERMO_[A-Z0-9_]+)`", OPERATIONS.read_text()))
    assert "PALERMO_DATABASE_URL" in read and "PALERMO_TEST_DATABASE_URL" in read
    assert sorted(read - documented) == []


def test_the_check_sees_a_read_outside_the_settings() -> None:
    stray = ast.parse('import os\nvalue = os.environ.get("PALERMO_X", "")\n'
                      'flag = "PALERMO_Y" in os.environ\nother = os.environ["PALERMO_Z"]\n')
    found = [node for node in ast.walk(stray) if _reads_environment(node)]
    assert len(found) == 3
