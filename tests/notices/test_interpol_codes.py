"""INTERPOL's code lists for eyes, hair and languages, mapped to and from Palermo's words
and ISO 639-1 codes, and the start-up check that refuses a list that cannot be mapped."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from palermo.notices.services import interpol_codes as codes
from palermo.vocab import registry
from palermo.vocab.loader import VocabularyError


def test_colour_words_and_codes_go_both_ways() -> None:
    assert codes.colour_words(codes.EYES, ["BROH", "GRE"]) == "hazel, green"
    assert codes.colour_codes(codes.EYES, "hazel, green") == ["BROH", "GRE"]
    # Words a Palermo user types, in English or Hebrew; a word with no code is left out.
    assert codes.colour_codes(codes.HAIR, "Brown, long") == ["BRO"]
    assert codes.colour_codes(codes.HAIR, "בלונד,  Gray ") == ["YELB", "GRY"]
    # Too many words for the column: INTERPOL's codes are kept instead, and read back.
    many = ["OTHC", "BLUL", "BROD", "BROL"]
    assert codes.colour_words(codes.EYES, many) == "OTHC, BLUL, BROD, BROL"
    assert codes.colour_codes(codes.EYES, "OTHC, BLUL, BROD, BROL") == many
    with pytest.raises(codes.UnknownCode, match="PUR"):
        codes.colour_words(codes.EYES, ["PUR"])


def test_languages_go_both_ways() -> None:
    assert codes.palermo_languages(["GER", "HEB", "BHO"]) == ["de", "he", "BHO"]
    assert codes.interpol_languages(["de", "he", "BHO"]) == ["GER", "HEB", "BHO"]
    # Irish is "ga"; the Ga language (GAA) is reached by its own code only.
    assert codes.interpol_languages(["ga", "Hebrew", "עברית", "klingon"]) == [
        "GLE", "HEB", "HEB"]
    with pytest.raises(codes.UnknownCode, match="KLI"):
        codes.palermo_languages(["KLI"])


@pytest.fixture
def vocab_copy(tmp_path: Path) -> Iterator[Path]:
    for path in registry.VOCAB_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path)
    yield tmp_path
    registry.load()


def _break(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_the_shipped_lists_pass_the_check() -> None:
    codes.check()
    assert codes.check_code_lists() == []


@pytest.mark.parametrize(("name", "old", "new", "fault"), [
    ("interpol_languages.yaml", 'palermo: "de"', 'palermo: "xx"',
     "unknown languages code 'xx'"),
    ("interpol_languages.yaml", 'palermo: "de"', 'palermo: "en"', "'en' already stands for 'ENG'"),
    ("interpol_eye_colours.yaml", "words: [green eyes, ירוקות]", "words: [green eyes, brown]",
     "'brown' already stands for 'BRO'"),
    ("interpol_hair_colours.yaml", "labels: {en: auburn,", 'labels: {en: "auburn, red",',
     "has a comma"),
])
def test_a_list_that_cannot_be_mapped_is_refused_naming_file_and_line(
        vocab_copy: Path, name: str, old: str, new: str, fault: str) -> None:
    line = _break(vocab_copy / name, old, new)
    registry.load(vocab_copy)
    with pytest.raises(VocabularyError, match=fault) as raised:
        codes.check()
    assert raised.value.path.name == name
    # The term's line: the fault is at most a few lines below where the term starts.
    assert str(raised.value).startswith(f"{name}:")
    assert 0 <= line - raised.value.line <= 4
    (error,) = codes.check_code_lists()
    assert error.id == "palermo.E001" and fault in error.msg


def test_more_colours_than_the_field_holds_are_refused() -> None:
    with pytest.raises(codes.TooMany):
        codes.colour_words(codes.EYES, [t.code for t in registry.get(codes.EYES)])
