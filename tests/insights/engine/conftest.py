"""The engines speak English whatever language is active: they import no Django, and the
code that shows their messages translates them. Their tests run with Hebrew active, so a
message translated too early, in the engine, would show here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _hebrew_active() -> Iterator[None]:
    with translation.override("he"):
        yield
