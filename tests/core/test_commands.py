"""A command acts as the active user its --user names, and as nobody a disabled account."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command


def test_a_command_finds_its_user_whatever_the_case_of_the_address(
        user_with: Any, tmp_path: Path) -> None:
    user_with("coordinator", email="Reviewer@Example.org")
    out = tmp_path / "notices.json"
    call_command("notices", "export", str(out), "--user", "reviewer@example.ORG")
    assert out.read_text().startswith("{")


@pytest.mark.parametrize("command", [
    ["notices", "export", "FILE"],
    ["insights", "open-data", "--k", "11", "--out", "FILE"],
    ["token", "list"],
])
def test_a_disabled_account_acts_in_no_command(user_with: Any, tmp_path: Path,
                                               command: list[str]) -> None:
    gone = user_with("coordinator", email="gone@example.org", is_active=False)
    args = [str(tmp_path / "out") if part == "FILE" else part for part in command]
    with pytest.raises(CommandError, match=r"no active user with the email .*\(--user\)"):
        call_command(*args, "--user", gone.email)
    with pytest.raises(CommandError, match="no active user"):
        call_command(*args, "--user", "nobody@example.org")
