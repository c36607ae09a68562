"""Sentencing analytics: the distribution of prison sentences for a charge or a form of
exploitation, by year and by court, as an accessible SVG chart with its table (mirrored in
Hebrew), as CSV (formula-safe) and through the API."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest
from django.test import Client

from palermo.audit.models import AuditEvent
from palermo.library.services import analytics
from tests.access.factories import api_token
from tests.conftest import sign_in
from tests.library.factories import decision

pytestmark = pytest.mark.django_db


def _sentenced(editor: Any, year: int, court: str, months: list[float | None],
               form: str = "ForcedLabour", charge: str = "Trafficking in persons") -> Any:
    return decision(editor, decision_date=dt.date(year, 5, 1), court=court,
                    exploitation_types=[form],
                    charges=[{"defendant": f"D{i}", "charge": charge, "verdict": "convicted"}
                             for i in range(len(months))],
                    sentences=[{"defendant": f"D{i}", "prison_months": m, "fine": 1000}
                               for i, m in enumerate(months)])


@pytest.fixture
def library(editor: Any) -> None:
    _sentenced(editor, 2019, "Tel Aviv District Court", [24, 36])
    _sentenced(editor, 2019, "Haifa District Court", [48])
    _sentenced(editor, 2021, "Tel Aviv District Court", [60, None])  # a fine only: no months
    _sentenced(editor, 2021, "Haifa District Court", [120], form="SexualExploitation")
    _sentenced(editor, 2022, "Haifa District Court", [10], charge="Holding under slavery")


def test_distribution_by_year_and_court(library: None, reader: Any) -> None:
    found = analytics.distribution(reader, exploitation="ForcedLabour")
    assert [(g.label, g.months) for g in found.by_year] == [
        ("2019", [24.0, 36.0, 48.0]), ("2021", [60.0]), ("2022", [10.0])]
    assert [(g.label, g.count) for g in found.by_court] == [
        ("Tel Aviv District Court", 3), ("Haifa District Court", 2)]
    year_2019 = found.by_year[0]
    assert (year_2019.low, year_2019.median, year_2019.high) == (24.0, 36.0, 48.0)
    assert year_2019.quartiles == (30.0, 42.0)
    by_charge = analytics.distribution(reader, charge="slavery")
    assert [s.months for s in by_charge.sentences] == [10.0]
    assert analytics.distribution(reader, charge="slavery",
                                  exploitation="SexualExploitation").sentences == []
    assert "Holding under slavery" in analytics.charges(reader)


def test_page_has_an_accessible_chart_and_its_table(library: None, reader: Any) -> None:
    client = sign_in(Client(), reader)
    page = client.get("/library/sentences/", {"exploitation": "ForcedLabour"}).content.decode()
    assert 'data-testid="sentence-count">5 prison sentences' in page
    svg = re.search(r'<svg[^>]*aria-labelledby="by-year-title by-year-desc"[^>]*>.*?</svg>',
                    page, re.S)
    assert svg is not None and 'role="img"' in svg.group()
    assert '<title id="by-year-title">Sentences by year</title>' in svg.group()
    assert "<desc id=\"by-year-desc\">5 sentences." in svg.group()
    assert "#56B4E9" in svg.group() and "#D55E00" in svg.group()  # Okabe–Ito
    assert "<script" not in page.split("<main", 1)[-1].split("</main>")[0]
    table = page.split('data-testid="table-by-year"', 1)[1].split("</table>")[0]
    assert re.sub(r"\s+", "", "<th scope=\"row\"><bdi>2019</bdi></th><td>3</td><td>24</td>"
                  "<td>30</td><td>36</td><td>42</td><td>48</td>") in re.sub(r"\s+", "", table)
    assert client.get("/library/sentences/", {"exploitation": "Piracy"}).status_code == 200


def test_chart_runs_right_to_left_in_hebrew(library: None, reader: Any) -> None:
    client = sign_in(Client(), reader)
    client.cookies["django_language"] = "he"
    page = client.get("/library/sentences/", {"exploitation": "ForcedLabour"},
                      HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert '<html lang="he" dir="rtl">' in page
    svg = re.search(r'<svg[^>]*aria-labelledby="by-year-title by-year-desc"[^>]*>.*?</svg>',
                    page, re.S)
    assert svg is not None and 'direction="rtl"' in svg.group()
    boxes = re.findall(r'<g class="box"><title>(\d{4}):.*?<line x1="([\d.]+)"', svg.group())
    xs = {year: float(x) for year, x in boxes}
    assert xs["2019"] > xs["2021"] > xs["2022"]  # the first year on the right


def test_csv_is_formula_safe_and_audited(editor: Any, reader: Any) -> None:
    decision(editor, charges=[{"defendant": "=HYPERLINK(\"http://x\")", "charge": "Trafficking",
                               "verdict": "convicted"}],
             sentences=[{"defendant": "=HYPERLINK(\"http://x\")", "prison_months": 30}])
    client = sign_in(Client(), reader)
    response = client.get("/library/sentences.csv", {"charge": "trafficking"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == analytics.CSV_COLUMNS
    assert rows[1][6] == "'=HYPERLINK(\"http://x\")" and rows[1][8] == "30"
    assert AuditEvent.objects.get(action="library.export").detail["rows"] == 1


def test_api(library: None, reader: Any, client: Client) -> None:
    _t, token = api_token(reader)
    body = client.get("/api/v1/library/sentences", {"exploitation": "ForcedLabour"},
                      HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert body["count"] == 5
    assert body["by_year"][0] == {"label": "2019", "count": 3, "low": 24.0,
                                  "lower_quartile": 30.0, "median": 36.0,
                                  "upper_quartile": 42.0, "high": 48.0}
