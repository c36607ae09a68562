"""The portal's languages and interface strings, for every portal page.

Django's catalogue covers only the application's languages (English and Hebrew); the portal
speaks six (``LANGUAGES``), so its interface strings are data: YAML files in
``palermo/portal/strings/``, each a mapping ``key: {en: ..., he: ..., ar: ..., ru: ..., am: ...,
ti: ...}``. Every file is loaded and checked when the app starts (``load()`` from
``PortalConfig.ready``): a key without one of the six languages, an empty text, a key defined
twice (in one file or across files) or texts whose ``{placeholders}`` differ between
languages raises ``StringsError`` naming file, line and key, and the process does not start.
Each helper area keeps its own file (``common.yaml``, ``report.yaml``, ``pages.yaml``...).

How a page uses it:

* URLs carry the language: ``/public/<lang>/...``. Use the ``lang`` path converter
  (registered in ``palermo/portal/urls.py``) and name the keyword ``lang``.
* ``PortalMiddleware`` (``palermo/portal/middleware.py``) gives every request under
  ``/public/`` a ``request.portal`` (a ``Frame``): ``language``, ``direction`` (``rtl`` for
  Hebrew and Arabic), the language switch that keeps the page, the portal navigation and the
  home URL. ``templates/portal/base.html`` reads it; extend that template.
* In templates: ``{% load portal %}`` then ``{% pt "report.title" %}`` or, with values,
  ``{% pt "report.reference" reference=report.reference %}``; values are escaped.
* In Python: ``text("report.title", language, **values)``.
* Navigation: ``add_nav("pages.nav", "portal:page_index")`` in ``PortalConfig.ready`` adds an
  entry to the portal's header (the URL name must take ``lang``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation

LANGUAGES: dict[str, str] = {
    "en": "English",
    "he": "עברית",
    "ar": "العربية",
    "ru": "Русский",
    "am": "አማርኛ",
    "ti": "ትግርኛ",
}
RTL = frozenset({"he", "ar"})
DEFAULT = "en"
COOKIE = "palermo_portal_language"
PREFIX = "/public/"
STRINGS_DIR = Path(__file__).resolve().parent.parent / "strings"


class StringsError(ValueError):
    """A fault in a portal strings file; the message starts with ``file:line:``."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        self.path, self.line = path, line
        super().__init__(f"{path.name}:{line}: {message}")


class LanguageConverter:
    """The ``<lang:lang>`` path converter: one of the portal's languages."""

    regex = "|".join(LANGUAGES)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


_strings: dict[str, dict[str, str]] = {}
_nav: list[tuple[str, str]] = []


class _LineLoader(yaml.SafeLoader):
    """Remembers the line of every key, and refuses a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        lines: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in lines:
                raise StringsError(Path(self.name), key_node.start_mark.line + 1,
                                   f"key {key!r} appears twice")
            lines[key] = key_node.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__lines__"] = lines
        return mapping


def _placeholders(value: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


def load_file(path: Path) -> dict[str, dict[str, str]]:
    """The strings of one file, checked; ``StringsError`` for the first fault."""
    loader = _LineLoader(path.read_text(encoding="utf-8"))
    loader.name = str(path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise StringsError(path, line, f"not valid YAML: {exc.problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise StringsError(path, 1, "a strings file must be a mapping of keys")
    lines = data.pop("__lines__")
    result: dict[str, dict[str, str]] = {}
    for key, texts in data.items():
        line = lines[key]
        if not isinstance(texts, dict):
            raise StringsError(path, line, f"{key!r} must map each language to its text")
        texts.pop("__lines__", None)
        for language in LANGUAGES:
            value = texts.get(language)
            if not isinstance(value, str) or not value.strip():
                raise StringsError(path, line, f"{key!r} has no {language!r} text")
        unknown = sorted(set(texts) - set(LANGUAGES))
        if unknown:
            raise StringsError(path, line, f"{key!r} has an unknown language {unknown[0]!r}")
        try:
            expected = _placeholders(texts[DEFAULT])
            for language in LANGUAGES:
                if _placeholders(texts[language]) != expected:
                    raise StringsError(path, line, f"{key!r} in {language!r} has other "
                                       f"placeholders than in English {sorted(expected)}")
        except ValueError as exc:
            if isinstance(exc, StringsError):
                raise
            raise StringsError(path, line, f"{key!r}: {exc}") from None
        result[str(key)] = {language: texts[language] for language in LANGUAGES}
    return result


def load(directory: Path = STRINGS_DIR) -> dict[str, dict[str, str]]:
    """Load every ``*.yaml`` in ``directory`` into the portal's strings; checked as a whole."""
    merged: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        for key, texts in load_file(path).items():
            if key in merged:
                raise StringsError(path, 0, f"{key!r} is already defined in {where[key]}")
            merged[key] = texts
            where[key] = path.name
    _strings.clear()
    _strings.update(merged)
    return merged


def text(key: str, language: str, **values: Any) -> str:
    """The interface string ``key`` in ``language``, with ``{name}`` placeholders filled.

    An unknown key is a programming error and raises ``KeyError`` naming it.
    """
    if not _strings:
        load()
    try:
        template = _strings[key][language if language in LANGUAGES else DEFAULT]
    except KeyError:
        raise KeyError(f"{key!r} is not a portal string (palermo/portal/strings/)") from None
    return template.format(**values) if values else template


def has(key: str) -> bool:
    if not _strings:
        load()
    return key in _strings


def date_text(value: dt.date, language: str) -> str:
    """A date as the application writes it (palermo/formats): "7 Dec 2026" in English; in
    every other portal language "07/12/2026", the numeric form that needs no month names,
    which the application has in English and Hebrew only."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    with translation.override("en" if language == "en" else "he"):
        return formats.date_format(value, "SHORT_DATE_FORMAT")


def direction(language: str) -> str:
    return "rtl" if language in RTL else "ltr"


def add_nav(label_key: str, url_name: str) -> None:
    """Add an entry to the portal header; ``url_name`` is reversed with ``lang=``."""
    if (label_key, url_name) not in _nav:
        _nav.append((label_key, url_name))


def from_path(path: str) -> str | None:
    """The language a portal path names (``/public/ar/report/`` -> ``ar``), if any."""
    if not path.startswith(PREFIX):
        return None
    first = path[len(PREFIX):].split("/", 1)[0]
    return first if first in LANGUAGES else None


def choose(request: HttpRequest) -> str:
    """The language of a portal request: the URL prefix, else the cookie, else the browser's
    Accept-Language, else English."""
    named = from_path(request.path)
    if named:
        return named
    cookie = request.COOKIES.get(COOKIE, "")
    if cookie in LANGUAGES:
        return cookie
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT


def path_in(path: str, language: str) -> str:
    """The same portal page in another language (the language switch keeps the page)."""
    current = from_path(path)
    if current:
        return f"{PREFIX}{language}/{path[len(PREFIX) + len(current) + 1:]}"
    return f"{PREFIX}{language}/"


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    url: str
    direction: str
    current: bool


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    current: bool


@dataclass
class Frame:
    """What ``base.html`` needs to frame a portal page (``request.portal``)."""

    language: str
    path: str
    direction: str = field(init=False)

    def __post_init__(self) -> None:
        self.direction = direction(self.language)

    @property
    def switch(self) -> list[Choice]:
        return [Choice(code, name, path_in(self.path, code), direction(code),
                       code == self.language) for code, name in LANGUAGES.items()]

    @property
    def nav(self) -> list[NavLink]:
        links = []
        for label_key, url_name in _nav:
            try:
                url = reverse(url_name, kwargs={"lang": self.language})
            except NoReverseMatch:
                continue
            links.append(NavLink(text(label_key, self.language), url, self.path == url))
        return links

    @property
    def home_url(self) -> str:
        for url_name in ("portal:home", "portal:report"):
            try:
                return reverse(url_name, kwargs={"lang": self.language})
            except NoReverseMatch:
                continue
        return f"{PREFIX}{self.language}/"


def frame(request: HttpRequest) -> Frame:
    return Frame(choose(request), request.path)
