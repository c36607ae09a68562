"""Find every audit action the code can write, by reading palermo/'s source.

An action is written by ``audit.record(action, …)`` (or ``record_read``/``record_reads``, which
write ``<object type>.read``). The action is a literal, a literal handed down through a
parameter named ``action`` (``save_versioned(…, action="bill.update")``) or an f-string built at
run time (``f"referral.{state}"``). Literals are returned as codes; f-strings as the part
that is fixed: the family before the last dot (``referral``) or the verb after it (``read``).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "palermo"
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
RECORD = {"record"}
READS = {"record_read", "record_reads"}


@dataclass
class Found:
    codes: dict[str, str] = field(default_factory=dict)       # code -> where
    families: dict[str, str] = field(default_factory=dict)    # "referral" -> where
    verbs: dict[str, str] = field(default_factory=dict)       # "read" -> where
    open: set[str] = field(default_factory=set)               # where nothing is fixed


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _constants(node: ast.expr | None) -> list[str]:
    """The literal strings an expression can be: a constant, or either side of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def _built(node: ast.JoinedStr, where: str, found: Found) -> None:
    first, last = node.values[0], node.values[-1]
    if isinstance(first, ast.Constant) and "." in str(first.value):
        found.families[str(first.value).rsplit(".", 1)[0]] = where
    elif isinstance(last, ast.Constant) and str(last.value).startswith("."):
        found.verbs[str(last.value)[1:]] = where
    else:
        found.open.add(where.rsplit(":", 1)[0])


def _action(node: ast.expr | None, where: str, found: Found) -> None:
    if isinstance(node, ast.JoinedStr):
        _built(node, where, found)
    for value in _constants(node):
        if CODE.match(value):
            found.codes[value] = where


def _action_params(tree: ast.Module) -> dict[str, int]:
    """Functions of a module that take the action as a parameter, with its position."""
    params = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names = [a.arg for a in node.args.args]
            if "action" in names:
                params[node.name] = names.index("action")
    return params


def scan(root: Path = ROOT) -> Found:
    found = Found()
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        takes_action = _action_params(tree)
        for node in ast.walk(tree):
            where = f"{path.relative_to(root.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "action" for t in node.targets):
                _action(node.value, where, found)
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            for keyword in node.keywords:
                if keyword.arg == "action":
                    _action(keyword.value, where, found)
            if name in RECORD and node.args:
                _action(node.args[0], where, found)
            elif name in READS and len(node.args) > 1:
                kinds = _constants(node.args[1])
                for kind in kinds:
                    found.codes[f"{kind}.read"] = where
                if not kinds:
                    found.verbs["read"] = where
            elif name in takes_action and len(node.args) > takes_action[name]:
                _action(node.args[takes_action[name]], where, found)
    return found
