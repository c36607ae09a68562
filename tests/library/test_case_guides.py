"""Investigators' guides beside a case: the case page shows the guides written for the case's
forms of exploitation, to those who may read the library."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.library.services import case_guides
from tests.cases.factories import open_case
from tests.conftest import sign_in
from tests.library.factories import guide

pytestmark = pytest.mark.django_db


def test_guides_for_forms_of_exploitation(editor: Any, reader: Any, user_with: Any) -> None:
    labour = guide(editor, title="Investigating forced labour", form="forced_labour")
    guide(editor, title="Investigating organ removal", form="organ_removal")
    sexual = guide(editor, title="Sexual exploitation", form="sexual_exploitation")
    tourism = guide(editor, title="Travelling offenders", form="child_travel_tourism")
    assert case_guides.for_exploitation(reader, ["ChildLabour"]) == [labour]
    assert case_guides.for_exploitation(reader, ["SexualExploitation"]) == [tourism, sexual]
    assert case_guides.for_exploitation(reader, []) == []
    assert case_guides.for_exploitation(user_with("social_worker"), ["ChildLabour"]) == []


def test_case_page_shows_the_guides(editor: Any, user_with: Any) -> None:
    labour = guide(editor, title="Investigating forced labour", form="forced_labour")
    guide(editor, title="Investigating organ removal", form="organ_removal")
    investigator = user_with("investigator")
    case = open_case(investigator)  # classified as forced labour
    page = sign_in(Client(), investigator).get(f"/cases/{case.pk}/").content.decode()
    panel = page.split('data-panel="library_guides"', 1)[1].split("</section>", 1)[0]
    assert "Investigators&#x27; guides for this case" in panel
    assert f"/library/guides/{labour.pk}/" in panel and "organ removal" not in panel
