"""The limits that the API's input shapes (palermo/*/schemas.py) share with the pages: a
field's length is its column's, a number's range is its form's and its column's, and free
text and lists have a ceiling, so that the API never accepts what a page refuses (a 10,000-
character title, a megabyte summary, ten thousand aliases). Pydantic states each limit in
the OpenAPI document.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from palermo.web.badinput import INT64_MAX

# Free text without a column length: long documents (minutes, a message, a summary) and
# shorter notes, reasons and comments (the case note form's 20,000).
TEXT = 100_000
NOTE = 20_000
# A PositiveIntegerField, as PostgreSQL stores it.
INT32_MAX = 2_147_483_647
# Lists: names of one person, codes from one vocabulary, ids of records (agencies, users).
NAMES = 100
CODES = 300
IDS = 1_000

# A record's id: positive, and within the 64-bit column that holds it.
Id = Annotated[int, Field(ge=1, le=INT64_MAX)]
# A version counter (PositiveIntegerField): one less than the column's maximum, because a
# write stores the version it was given plus one.
Version = Annotated[int, Field(ge=0, le=INT32_MAX - 1)]
# A code from a vocabulary or a country code (the longest column holding one is 64).
Code = Annotated[str, Field(max_length=64)]
# One name of a person, as the case and notice services allow it.
PersonName = Annotated[str, Field(max_length=300)]
# Codes from one vocabulary (exploitation types, nationalities, indicators).
Codes = Annotated[list[Code], Field(max_length=CODES)]
# Ids of records of one kind (agencies, users).
Ids = Annotated[list[Id], Field(max_length=IDS)]
