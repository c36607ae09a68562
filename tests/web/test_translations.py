"""Every marked string has a Hebrew translation, and the compiled catalogue is current."""

from __future__ import annotations

import pytest

from palermo.web import messages


def test_every_marked_string_has_a_hebrew_translation() -> None:
    assert messages.untranslated("he") == []


def test_compiled_catalogue_matches_the_po_file() -> None:
    path = messages.po_path("he").with_suffix(".mo")
    assert path.read_bytes() == messages.compiled(messages.read("he")), (
        "run `make messages` to recompile"
    )


@pytest.mark.django_db
def test_hebrew_plural_forms_render(signed_in: object) -> None:
    from django.utils import translation

    with translation.override("he"):
        assert translation.ngettext("%(counter)s entry", "%(counter)s entries", 5) % {
            "counter": 5} == "5 רשומות"
