"""Translation catalogues without GNU gettext: extract, update and compile with Babel.

``python -m palermo.web.messages`` refreshes ``locale/<lang>/LC_MESSAGES/django.po`` from the
source and compiles the ``.mo`` beside it; ``tests/web/test_translations.py`` fails when a
string lacks a Hebrew translation or the ``.mo`` is stale. Babel is a development dependency.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent.parent
LOCALE = PACKAGE / "locale"
LANGUAGES = ["he"]
KEYWORDS = {
    "_": None, "N_": None, "gettext": None, "gettext_lazy": None, "gettext_noop": None,
    "ngettext": (1, 2), "ngettext_lazy": (1, 2), "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3),
}


def _sources() -> list[Path]:
    skip = {"migrations", "__pycache__", "locale", "static"}
    return sorted(
        path for path in PACKAGE.rglob("*")
        if path.suffix in {".py", ".html", ".txt"} and not skip.intersection(path.parts)
        and path.name != "messages.py"
    )


def extract() -> Any:
    """A Babel catalogue of every marked string in the package, with its locations."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract as babel_extract
    from django.utils.translation.template import templatize

    catalog = Catalog(project="palermo", charset="utf-8")
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        if path.suffix != ".py":
            # templatize keeps a template's indentation, which Python's tokenizer would read
            # as blocks; line numbers stay the same without it.
            text = "\n".join(line.lstrip() for line in
                             templatize(text, origin=str(path)).splitlines())
        found = babel_extract("python", io.BytesIO(text.encode("utf-8")), keywords=KEYWORDS,
                              options={"encoding": "utf-8"})
        for lineno, message, comments, context in found:
            location = (str(path.relative_to(PACKAGE.parent)), lineno)
            text_id = message if isinstance(message, str) else message[0]
            catalog.add(message, locations=[location], auto_comments=comments, context=context,
                        flags=["python-format"] if "%(" in text_id else [])
    return catalog


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def read(language: str) -> Any:
    from babel.messages.pofile import read_po

    path = po_path(language)
    if not path.exists():
        from babel.messages.catalog import Catalog

        return Catalog(locale=language, project="palermo")
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def compiled(catalog: Any) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    from babel.messages.pofile import write_po

    template = extract()
    for language in LANGUAGES:
        catalog = read(language)
        catalog.update(template, update_header_comment=False, no_fuzzy_matching=True)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_output=True, include_previous=False,
                     ignore_obsolete=True)
        path.with_suffix(".mo").write_bytes(compiled(read(language)))
        missing = [m.id for m in read(language) if m.id and not _translated(m)]
        print(f"{language}: {len(catalog)} messages, {len(missing)} untranslated")


def _translated(message: Any) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, tuple | list):
        return all(message.string)
    return bool(message.string)


def untranslated(language: str) -> list[str]:
    """Marked strings with no (or only a fuzzy) translation in ``language``."""
    catalog = read(language)
    missing = []
    for message in extract():
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        if found is None or not _translated(found):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def fill(language: str, translations: dict[str, Any]) -> list[str]:
    """Set translations from ``{msgid: msgstr}`` (a list of forms for a plural, keyed by its
    singular msgid; ``"context\x04msgid"`` for a message with a context), recompile, and
    return the msgids that are not in the catalogue."""
    from babel.messages.pofile import write_po

    catalog = read(language)
    unknown = []
    for key, string in translations.items():
        context, _, text = key.rpartition("\x04")
        message = catalog.get(text, context=context or None)
        if message is None:
            message = next((m for m in catalog if isinstance(m.id, tuple | list)
                            and m.id[0] == text and m.context == (context or None)), None)
        if message is None:
            unknown.append(key)
            continue
        if isinstance(message.id, tuple | list) and isinstance(string, str):
            # One form given for a plural: every form of the language takes it, rather than
            # its characters being spread over the forms.
            string = [string] * catalog.num_plurals
        message.string = tuple(string) if isinstance(string, list) else string
        message.flags.discard("fuzzy")
    path = po_path(language)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, include_previous=False,
                 ignore_obsolete=True)
    path.with_suffix(".mo").write_bytes(compiled(read(language)))
    return unknown


if __name__ == "__main__":
    import json
    import os

    import django

    sys.path.insert(0, str(PACKAGE.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palermo.settings")
    django.setup()
    update()
    # --fill FILE: a JSON object of Hebrew translations to set after the refresh.
    if len(sys.argv) == 3 and sys.argv[1] == "--fill":
        missing = fill("he", json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
        for key in missing:
            print(f"not in the catalogue: {key!r}")
        print(f"he: {len(read('he'))} messages, {len(untranslated('he'))} untranslated")
