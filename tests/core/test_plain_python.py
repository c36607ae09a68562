"""The engines and palermo.core's readers run without Django: importing them, in a fresh
interpreter, loads no module of Django, django-ninja or palermo.web (the import-linter
contract says the same of the source; this checks what actually gets imported)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import palermo

PACKAGE = Path(palermo.__file__).parent


def test_engines_and_core_readers_import_no_django() -> None:
    engines = sorted(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
                     for path in PACKAGE.glob("*/engine/*.py") if path.name != "__init__.py")
    modules = ["palermo.core.messages", "palermo.core.csvfile", *engines]
    assert "palermo.insights.engine.glotip" in modules
    script = ("import importlib, sys\n"
              f"for name in {modules!r}:\n"
              "    importlib.import_module(name)\n"
              "print(sorted(m for m in sys.modules\n"
              "             if m.split('.')[0] in ('django', 'ninja')\n"
              "             or m.startswith('palermo.web')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
