"""The fields of INTERPOL's public notices, as its web service (``/notices/v1/``) gives them
for red, yellow and UN notices, and the checks of each value on import.

The shapes follow the service's detail answers (``RedNoticeDetail``, ``YellowNoticeDetail``,
``UNNoticeDetail`` in the OpenAPI description of ws-public.interpol.int, version 1.0.2). A
list answer gives each notice with fewer fields; the ones it leaves out stay out on export.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pycountry
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

COMMON = ("entity_id", "forename", "name", "date_of_birth", "nationalities", "sex_id",
          "country_of_birth_id", "place_of_birth", "languages_spoken_ids", "weight",
          "_embedded", "_links")
PERSON = ("height", "distinguishing_marks", "eyes_colors_id", "hairs_id")
RED = (*COMMON, *PERSON, "arrest_warrants")
YELLOW = (*COMMON, *PERSON, "birth_name", "place", "date_of_event", "country", "mother_name",
          "mother_forename", "father_name", "father_forename")
UN = (*COMMON, "summary", "profession", "purposes", "aliases", "father_name",
      "father_forename", "mother_name", "mother_forename", "un_reference", "un_resolution",
      "un_reference_date", "identity_documents", "name_at_birth", "name_in_original_script",
      "forename_in_original_script", "associates", "adresses", "main_activity",
      "from_chamber_of_commerce", "legal_form", "administrators", "additional_information",
      "registration_number", "formerly_known_as")
# The notice types INTERPOL's service publishes; Palermo's other types travel in the red
# shape, under their own name in the link.
SHAPES = {"red": RED, "yellow": YELLOW, "un": UN}
UN_COLOUR = "un_special"

# What the user reads for each field in an error; the key itself is shown beside it.
LABELS = {
    "entity_id": gettext_lazy("INTERPOL reference"),
    "forename": gettext_lazy("forename"),
    "name": gettext_lazy("family name"),
    "date_of_birth": gettext_lazy("birth date"),
    "nationalities": gettext_lazy("nationalities"),
    "sex_id": gettext_lazy("sex"),
    "country_of_birth_id": gettext_lazy("country of birth"),
    "place_of_birth": gettext_lazy("place of birth"),
    "distinguishing_marks": gettext_lazy("identifying marks"),
    "height": gettext_lazy("height"),
    "weight": gettext_lazy("weight"),
    "eyes_colors_id": gettext_lazy("eye colour"),
    "hairs_id": gettext_lazy("hair colour"),
    "languages_spoken_ids": gettext_lazy("languages spoken"),
    "arrest_warrants": gettext_lazy("arrest warrants"),
    "issuing_country_id": gettext_lazy("issuing country"),
    "charge": gettext_lazy("charge"),
    "charge_translation": gettext_lazy("translation of the charge"),
    "date_of_event": gettext_lazy("date of the event"),
    "country": gettext_lazy("country of the event"),
    "un_resolution": gettext_lazy("UN resolution"),
    "un_reference_date": gettext_lazy("date of the UN listing"),
    "forename_in_original_script": gettext_lazy("forename in the original script"),
    "name_in_original_script": gettext_lazy("family name in the original script"),
    "_links": gettext_lazy("links"),
}
DATE = re.compile(r"^\d{4}(/\d{2}(/\d{2})?)?$")


class FieldError(ValueError):
    """A value INTERPOL's format does not allow: ``key`` names the field, the message says
    what is wrong in words."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        super().__init__(problem)

    def describe(self) -> str:
        label = LABELS.get(self.key.rsplit(".", 1)[-1])
        field = f"{label} ({self.key})" if label else self.key
        return _("%(field)s: %(problem)s") % {"field": field, "problem": self}


def colour_of(kind: str) -> str:
    """The Palermo notice type a link's type segment names ("un" is the UN special notice)."""
    return UN_COLOUR if kind == "un" else kind


def kind_of(colour: str) -> str:
    return "un" if colour == UN_COLOUR else colour


def shape(colour: str) -> tuple[str, ...]:
    return SHAPES.get(kind_of(colour), RED)


def text(record: dict[str, Any], key: str, limit: int | None = None) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldError(key, _("not text"))
    if limit is not None and len(value.strip()) > limit:
        raise FieldError(key, _("longer than %(limit)d characters") % {"limit": limit})
    return value.strip()


def codes(record: dict[str, Any], key: str) -> list[str]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FieldError(key, _("not a list of codes"))
    return value


def number(record: dict[str, Any], key: str, *, most: float) -> float | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(key, _("“%(value)s” is not a number") % {"value": value})
    if not 0 <= value <= most:
        raise FieldError(key, _("%(value)s is not between 0 and %(most)s")
                         % {"value": value, "most": most})
    return value


def date(record: dict[str, Any], key: str) -> dt.date | None:
    """A whole date, or None for none or for a year or a month alone (kept as given)."""
    value = text(record, key)
    if not value:
        return None
    if not DATE.match(value):
        raise FieldError(key, _("“%(value)s” is not a date written YYYY/MM/DD")
                         % {"value": value})
    if value.count("/") < 2:
        return None
    try:
        return dt.datetime.strptime(value, "%Y/%m/%d").date()
    except ValueError:
        raise FieldError(key, _("“%(value)s” is not a date") % {"value": value}) from None


def alpha3(key: str, code: Any) -> str:
    found = pycountry.countries.get(alpha_2=code.upper()) \
        if isinstance(code, str) and len(code) == 2 else None
    if found is None:
        raise FieldError(key, _("“%(code)s” is not an ISO alpha-2 country code")
                         % {"code": code})
    return str(found.alpha_3)


def alpha2(code: str) -> str | None:
    found = pycountry.countries.get(alpha_3=code) if code else None
    return str(found.alpha_2) if found else None


def check_extras(record: dict[str, Any]) -> None:
    """The fields Palermo keeps as given but whose form is known: dates, the country of a
    yellow notice's event, the UN resolution's number."""
    for key in ("date_of_event", "un_reference_date"):
        date(record, key)
    if record.get("country") is not None:
        alpha3("country", record["country"])
    resolution = record.get("un_resolution")
    if resolution is not None and (isinstance(resolution, bool)
                                   or not isinstance(resolution, int | str)
                                   or not str(resolution).isdigit()):
        raise FieldError("un_resolution", _("“%(value)s” is not a resolution's number")
                         % {"value": resolution})


def warrants(record: dict[str, Any]) -> list[dict[str, Any]]:
    value = record.get("arrest_warrants")
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError("arrest_warrants", _("not a list"))
    for position, warrant in enumerate(value, start=1):
        at = f"arrest_warrants[{position}]"
        if not isinstance(warrant, dict):
            raise FieldError(at, _("not an object"))
        for key in ("charge", "charge_translation"):
            if warrant.get(key) is not None and not isinstance(warrant[key], str):
                raise FieldError(f"{at}.{key}", _("not text"))
        if warrant.get("issuing_country_id") is not None:
            alpha3(f"{at}.issuing_country_id", warrant["issuing_country_id"])
    return value
