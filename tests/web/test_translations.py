"""Every marked string has a Hebrew translation, and the compiled catalogue is current."""

from __future__ import annotations

import io

import pytest

from palermo.web import messages


def test_every_marked_string_has_a_hebrew_translation() -> None:
    assert messages.untranslated("he") == []


def _entries(mo: bytes) -> dict[object, object]:
    """A compiled catalogue's translations, without the header (which names Babel's version)."""
    from babel.messages.mofile import read_mo

    def frozen(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(message.id): frozen(message.string)
            for message in read_mo(io.BytesIO(mo)) if message.id}


def test_compiled_catalogue_matches_the_po_file() -> None:
    path = messages.po_path("he").with_suffix(".mo")
    assert _entries(path.read_bytes()) == _entries(messages.compiled(messages.read("he"))), (
        "run `make messages` to recompile"
    )


@pytest.mark.django_db
def test_hebrew_plural_forms_render(signed_in: object) -> None:
    from django.utils import translation

    with translation.override("he"):
        assert translation.ngettext("%(counter)s entry", "%(counter)s entries", 5) % {
            "counter": 5} == "5 רשומות"
