"""`palermo screening import` and `palermo screening check`, end to end through call_command."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from palermo.screening.models import WatchedDocument
from tests.access.factories import AgencyFactory
from tests.screening.factories import TD3, watch_lists

pytestmark = pytest.mark.django_db

HEADER = "number,issuing_state,status\n"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("screening", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def owner() -> Any:
    return AgencyFactory(name="Israel Police")


def test_import_prints_one_summary_line(tmp_path: Path, owner: Any) -> None:
    path = tmp_path / "sltd.csv"
    path.write_text(HEADER + "A1,UKR,stolen\nA2,MDA,lost\n", encoding="utf-8")
    out = run("import", "documents", str(path), "--agency", "Israel Police")
    assert out == "documents from sltd.csv: 2 added, 0 updated, 0 removed, 0 bad rows\n"
    assert WatchedDocument.objects.filter(owner_agency=owner).count() == 2


def test_refused_import_lists_fifty_errors_and_exits_non_zero(tmp_path: Path,
                                                              owner: Any) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "A0,UKR,stolen\n" + "".join(f"B{i},UKR,found\n" for i in range(60)),
                    encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError, match="import refused: 60 bad rows"):
        call_command("screening", "import", "documents", str(path), "--agency",
                     "Israel Police", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].endswith("60 bad rows; refused, nothing was written")
    assert lines[1].startswith("line 3: status: unknown status 'found'")
    assert len(lines) == 1 + 50 + 1 and lines[-1] == "… and 10 more"
    assert not WatchedDocument.objects.exists()


def test_batches_skip_bad_rows_and_resume(tmp_path: Path, owner: Any) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(HEADER + "A1,UKR,stolen\nA2,UKR,found\nA3,UKR,lost\n", encoding="utf-8")
    out = run("import", "documents", str(path), "--agency", "Israel Police", "--batches",
              "--batch-size", "1")
    assert out.splitlines() == [
        "documents from mixed.csv: 2 added, 0 updated, 0 removed, 1 bad rows; committed up "
        "to line 4",
        "line 3: status: unknown status 'found' (known: lost, revoked, stolen, stolen_blank)"]
    again = run("import", "documents", str(path), "--agency", "Israel Police", "--batches",
                "--start-line", "4")
    assert again.startswith("documents from mixed.csv: 0 added, 1 updated")


def test_import_mistakes_are_one_line(tmp_path: Path, owner: Any) -> None:
    path = tmp_path / "x.csv"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(CommandError, match="no agency named 'Nobody'"):
        run("import", "documents", str(path), "--agency", "Nobody")
    with pytest.raises(CommandError, match=r"must end in \.csv.*\(file\)"):
        run("import", "documents", str(tmp_path / "x.xlsx"), "--agency", "Israel Police")
    with pytest.raises(CommandError, match="missing columns: status"):
        (tmp_path / "y.csv").write_text("number,issuing_state\nA1,UKR\n", encoding="utf-8")
        run("import", "documents", str(tmp_path / "y.csv"), "--agency", "Israel Police")


def test_check_prints_the_hits_as_json(tmp_path: Path, owner: Any, user_with: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    records = watch_lists(owner)
    officer = user_with("border_officer")
    out = run("check", "--document", "L898902C3", "--state", "UTO", "--user", officer.email)
    result = json.loads(out)
    assert [(h["kind"], h["record"]["id"]) for h in result["hits"]] == [
        ("document", records["passport"].pk)]
    mrz = tmp_path / "mrz.txt"
    mrz.write_text(TD3, encoding="utf-8")
    by_file = json.loads(run("check", "--mrz", str(mrz), "--user", officer.email))
    monkeypatch.setattr("sys.stdin", io.StringIO(TD3))
    by_stdin = json.loads(run("check", "--mrz", "-", "--user", officer.email))
    for result in (by_file, by_stdin):
        assert {h["kind"] for h in result["hits"]} == {"document", "person"}
        assert result["mrz"]["valid"] is True
    named = json.loads(run("check", "--name", "Dmitri Volkov", "--birth-date", "1979-02-11",
                           "--nationality", "RUS", "--sex", "M", "--user", officer.email))
    assert [h["record"]["id"] for h in named["hits"]] == [records["wanted"].pk]


def test_check_needs_an_existing_user_who_may_screen(user_with: Any) -> None:
    with pytest.raises(CommandError, match="no active user with the email"):
        run("check", "--name", "Anyone", "--user", "nobody@example.org")
    social = user_with("social_worker")
    with pytest.raises(CommandError, match="do not allow screening"):
        run("check", "--name", "Anyone", "--user", social.email)
