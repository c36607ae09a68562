"""The house rules of importlinter.toml hold, and would catch a break: `make lint` runs the
same command, so CI fails on a violation."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import palermo

ROOT = Path(palermo.__file__).parent.parent
# lint-imports, with the package read from PYTHONPATH: the editable install's finder would
# otherwise hand it the checkout's package instead of the copy under test.
LINT_IMPORTS = """
import sys
sys.meta_path[:] = [f for f in sys.meta_path
                    if not getattr(f, "__module__", "").startswith("__editable__")]
from importlinter.cli import lint_imports_command
lint_imports_command()
"""


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", LINT_IMPORTS, "--no-cache",
                           str(ROOT / "importlinter.toml")],
                          cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=300, check=False)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "palermo", tmp_path / "palermo",
                    ignore=shutil.ignore_patterns("__pycache__", "locale", "static"))
    return tmp_path / "palermo"


def test_the_tree_keeps_every_contract() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout


def test_an_engine_importing_django_breaks_the_lint(tmp_path: Path) -> None:
    package = _copy(tmp_path)
    (package / "screening" / "engine" / "careless.py").write_text(
        "from django.db import connection\n")
    done = _lint(tmp_path)
    assert done.returncode == 1
    assert "Engines are plain Python: no Django BROKEN" in done.stdout
    assert "palermo.screening.engine.careless -> django" in done.stdout


def test_the_name_matcher_importing_django_breaks_the_lint(tmp_path: Path) -> None:
    package = _copy(tmp_path)
    (package / "names" / "careless.py").write_text("from django.db import connection\n")
    done = _lint(tmp_path)
    assert done.returncode == 1
    assert "palermo.names.careless -> django" in done.stdout


def test_reading_another_capabilitys_models_breaks_the_lint(tmp_path: Path) -> None:
    package = _copy(tmp_path)
    (package / "notices" / "services" / "careless.py").write_text(
        "from palermo.cases.models import Case\n")
    done = _lint(tmp_path)
    assert done.returncode == 1
    assert "Only cases reads cases's models; others go through its services BROKEN" in done.stdout


def test_a_cycle_between_apps_breaks_the_lint(tmp_path: Path) -> None:
    package = _copy(tmp_path)
    (package / "vocab" / "careless.py").write_text("from palermo.training import services\n")
    done = _lint(tmp_path)
    assert done.returncode == 1
    assert "No cycles between packages BROKEN" in done.stdout


def test_the_guards_importing_an_app_breaks_the_lint(tmp_path: Path) -> None:
    # audit's own pages take the guards, so guards reading audit would close a cycle.
    package = _copy(tmp_path)
    guards = package / "guards.py"
    guards.write_text(guards.read_text() + "\nfrom palermo.audit import services\n")
    done = _lint(tmp_path)
    assert done.returncode == 1
    assert "No cycles between packages BROKEN" in done.stdout
