"""Issue 17 at the frontline: a Belgian identity card with a 12-character document number is
read as valid and its whole number is checked against the watch list; a misread MRZ is
explained to the officer in words, in their language, never with a field's code name."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from palermo.screening import services
from palermo.screening.engine.mrz_messages import CHECK_FAILED
from palermo.screening.models import WatchedDocument
from palermo.screening.services import Query
from tests.access.factories import AgencyFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
BELGIAN = ("IDBEL000590240<6013<<<<<<<<<<<\n"
           "8512017F1311048BEL851201002007\n"
           "REINARTZ<<ULRIKE<KATIA<E<<<<<<")
MISREAD = BELGIAN.replace("<6013", "<6113")


@pytest.fixture
def officer(user_with: Any) -> Any:
    owner = AgencyFactory(name="Federal Police")
    WatchedDocument.objects.create(number="000590240601", issuing_state="BEL", status="stolen",
                                   kind="id_card", owner_agency=owner)
    return user_with("border_officer", agency=AgencyFactory(name="Border", kind="border"))


def test_a_belgian_card_with_a_long_number_is_valid_and_hits_the_list(officer: Any) -> None:
    result = services.check(officer, Query(mrz=BELGIAN), post="Zaventem")
    assert result.mrz is not None and result.mrz["valid"] is True
    assert result.mrz["document_number"] == "000590240601"
    assert [hit.kind for hit in result.hits if hit.kind == "document"] == ["document"]
    assert not [w for w in result.warnings if "does not check" in w]


def test_a_misread_card_is_explained_in_words(officer: Any) -> None:
    result = services.check(officer, Query(mrz=MISREAD), post="Zaventem")
    assert result.mrz is not None and result.mrz["valid"] is False
    assert ("the document number does not check: the number or its check digit was misread"
            in result.warnings)
    assert not [w for w in result.warnings if "_" in w or "composite" in w]


def test_the_officer_reads_the_explanation_in_their_language(officer: Any) -> None:
    with translation.override("he"):
        result = services.check(officer, Query(mrz=MISREAD), post="Zaventem")
        expected = gettext(CHECK_FAILED["document_number"])
    assert result.mrz is not None and expected in result.mrz["errors"]
    assert expected in result.warnings


def test_the_page_shows_the_words_not_the_codes(officer: Any) -> None:
    client = sign_in(Client(), officer)
    page = client.post("/screening/", {"q": MISREAD, "post": "Zaventem"}).content.decode()
    assert "the document number does not check" in page
    assert "document_number" not in page
