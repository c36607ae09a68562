"""A vocabulary's definitions in the reader's language: a Hebrew page explains a handling
code in Hebrew, not in the English of the YAML file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.html import escape

from palermo.vocab import registry
from palermo.vocab.loader import VocabularyError, load_file

TRANSLATED = """name: sample
description: test
terms:
  - code: a
    labels: {en: A, he: א}
    definition:
      en: Said in English.
      he: נאמר בעברית.
  - code: b
    labels: {en: B, he: ב}
    definition: Only in English.
"""


def test_a_definition_may_be_given_in_each_language(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text(TRANSLATED, encoding="utf-8")
    vocabulary = load_file(path)
    assert vocabulary.get("a").definition == "Said in English."
    assert vocabulary.get("a").explained("he") == "נאמר בעברית."
    assert vocabulary.get("b").explained("he") == "Only in English."


def test_a_translated_definition_still_needs_its_english(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text(TRANSLATED.replace("      en: Said in English.\n", ""), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"^sample.yaml:4: term 'a' has no definition"):
        load_file(path)


@pytest.mark.parametrize("vocabulary", ["handling_codes", "insights_indicators"])
def test_shipped_definitions_read_in_hebrew(vocabulary: str) -> None:
    for term in registry.get(vocabulary):
        hebrew = term.explained("he")
        assert hebrew != term.definition, term.code
        assert any("\u0590" <= ch <= "\u05ff" for ch in hebrew), term.code


def test_tip_figures_are_defined_in_hebrew() -> None:
    for term in registry.get("statistical_categories"):
        if term.code.startswith("tip."):
            assert any("\u0590" <= ch <= "\u05ff" for ch in term.explained("he")), term.code


def test_the_template_filter_explains_in_the_page_language() -> None:
    template = Template('{% load palermo %}{{ code|vocab_definition:"handling_codes" }}')
    with translation.override("he"):
        hebrew = template.render(Context({"code": "H2"}))
    with translation.override("en"):
        english = template.render(Context({"code": "H2"}))
    assert english == escape(registry.get("handling_codes").get("H2").definition)
    assert any("\u0590" <= ch <= "\u05ff" for ch in hebrew)
    with translation.override("he"):
        assert template.render(Context({"code": "H9"})) == ""
