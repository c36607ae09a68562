"""The global figures, imported in English, keep their own direction on a Hebrew page."""

from __future__ import annotations

from pathlib import Path

import pytest

from palermo.insights.services import global_figures
from tests.access.factories import UserFactory
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[2] / "palermo/insights/data/glotip_synthetic.csv"


def test_english_figures_read_left_to_right_in_hebrew() -> None:
    coordinator = UserFactory(roles=["coordinator"], language="he")
    global_figures.import_glotip(coordinator, SAMPLE.read_bytes(), file_name=SAMPLE.name,
                                 release_date="2024-12-11")
    page = hebrew_page(coordinator, "/insights/global/", indicator="Detected trafficking victims",
                       country="ISR", year="2022")
    assert isolated("Detected trafficking victims") in page  # the indicator, in the heading
    assert isolated("North Africa and the Middle East") in page  # the region
    assert isolated(SAMPLE.name) in page  # the file the figures came from
