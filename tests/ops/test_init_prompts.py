"""`palermo init` run without a terminal to answer its questions (a script, a container's
entry point, `</dev/null`): one clear line saying what to give instead, exit code 2, no
traceback and no administrator half made."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import palermo_cli

pytestmark = pytest.mark.own_database


def init(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command, environment = palermo_cli(tmp_path)
    environment.pop("PALERMO_ADMIN_PASSWORD", None)
    return subprocess.run([*command, "init", *args], env={**environment, **env},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300, start_new_session=True)


@pytest.mark.parametrize("args", [(), ("--email", "head@office.example")],
                         ids=["asking the email", "asking the password"])
def test_init_without_answers_says_what_to_give(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = init(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "EOFError" not in result.stderr
    assert "--email" in result.stderr
    assert "PALERMO_ADMIN_PASSWORD" in result.stderr
    assert "created" not in result.stdout



def test_restore_without_answer_says_to_add_yes(tmp_path: Path) -> None:
    command, environment = palermo_cli(tmp_path)
    result = subprocess.run([*command, "restore", str(tmp_path / "backup.sqlite3")],
                            env=environment, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=300, start_new_session=True)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "--yes" in result.stderr
    assert "database restored" not in result.stdout
