"""Citations between decisions: the detector on strings shaped like real judgments, links
stored to the decisions held, unresolved ones kept, shown both ways with counts, and found
again when the text changes."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.library.engine.citations import case_key, detect
from palermo.library.models import Citation
from palermo.library.services import citations, review
from tests.conftest import sign_in
from tests.library.factories import decision, indexed

HEBREW = ('כפי שנפסק בע"פ 1234/05 פלוני נ\' מדינת ישראל, פ"ד נט(4) 1, ובת"פ (מחוזי ת"א) '
          '40237-05-19 מדינת ישראל נ\' אלמוני; ראו גם רע״פ 2222/10 וכן תפ"ח 12-08-15.')
ENGLISH = ("As held in Crim. A. 6749/09 and in CrimA 8587/12 State of Israel v. Doe, and by "
           "the ICTY in Prosecutor v. Kunarac, IT-96-23-T and IT-96-23/1-A (Appeals "
           "Chamber), see also ECLI:EU:C:2019:1. and R v. Ali [2019] EWCA Crim 123, [2016] UKSC 10;"
           " Lubanga, ICC-01/04-01/06.")


def test_israeli_forms_in_hebrew() -> None:
    found = detect(HEBREW)
    assert [(f.text, f.key) for f in found] == [
        ('ע"פ 1234/05', "il:1234/05"),
        ('ת"פ (מחוזי ת"א) 40237-05-19', "il:40237-05-19"),
        ("רע״פ 2222/10", "il:2222/10"),
        ('תפ"ח 12-08-15', "il:12-08-15")]
    # "פ"ד נט(4) 1" is a law report, not a case number: not a citation.


def test_english_and_international_forms() -> None:
    found = {f.key: f.form for f in detect(ENGLISH)}
    assert found == {"il:6749/09": "israeli", "il:8587/12": "israeli",
                     "tribunal:IT-96-23-T": "tribunal", "tribunal:IT-96-23/1-A": "tribunal",
                     "ecli:ECLI:EU:C:2019:1": "ecli",
                     "neutral:[2019] EWCA CRIM 123": "neutral",
                     "neutral:[2016] UKSC 10": "neutral",
                     "tribunal:ICC-01/04-01/06": "tribunal"}


def test_the_same_case_written_two_ways_is_one_key() -> None:
    assert {f.key for f in detect('ע"פ 1234/05 … Crim. A. 1234/05 … CrimA 1234/05')} == {
        "il:1234/05"}
    assert case_key('ת"פ 40237-05-19') == case_key("40237-05-19") == "il:40237-05-19"
    assert case_key("Уголовное дело № 1-234/2019") == "no:1-234/2019"
    assert case_key("القضية رقم 2019/123") == "no:2019/123"
    assert case_key("") == ""


def test_no_false_citations_in_ordinary_text() -> None:
    text = ("On 12/05 the defendant paid 1234/05 shekels; CA 1234 and IT-96 are fragments; "
            "סעיף 377א לחוק העונשין; phone 03-555-1234.")
    assert detect(text) == []


@pytest.mark.django_db
def test_links_both_ways_and_redetection(editor: Any, user_with: Any, reader: Any) -> None:
    cited = decision(editor, case_number='ע"פ 1234/05', full_text="An early appeal.")
    citing = decision(editor, case_number="40237-05-19", language="he",
                      full_text='כאמור בע"פ 1234/05 וב-IT-96-23-T, ובע"פ 9999/99.')
    assert [(c.text, c.cited_id) for c in citations.cites(reader, citing)] == [
        ('ע"פ 1234/05', cited.pk), ("IT-96-23-T", None), ('ע"פ 9999/99', None)]
    assert [c.citing_id for c in citations.cited_by(reader, cited)] == [citing.pk]
    later = decision(editor, case_number="IT-96-23-T", court="ICTY", country="NLD",
                     full_text="Trial judgment. See CrimC 40237-05-19.")
    assert Citation.objects.get(citing=citing, key="tribunal:IT-96-23-T").cited == later
    assert [c.cited_id for c in citations.cites(reader, later)] == [citing.pk]
    change = review.propose("decision", citing, actor=editor, version=1,
                            fields={"full_text": "No citations any more."})
    with indexed():
        review.approve(change.pk, actor=user_with("coordinator"))
    assert list(citations.cites(reader, citing)) == []
    assert list(citations.cited_by(reader, cited)) == []
    assert [c.citing_id for c in citations.cited_by(reader, citing)] == [later.pk]

    client = sign_in(Client(), reader)
    page = client.get(f"/library/decisions/{citing.pk}/").content.decode()
    assert "Cites 0 decisions" in page and "Cited by 1 decision" in page
    assert f"/library/decisions/{later.pk}/" in page
    page = client.get(f"/library/decisions/{later.pk}/").content.decode()
    assert "Cites 1 decision" in page and "CrimC 40237-05-19" in page


@pytest.mark.django_db
def test_demo_appeals_cite_the_judgments_appealed_from(user_with: Any) -> None:
    from palermo.library import demo
    from palermo.library.models import JudicialDecision

    user_with("coordinator", email="coordinator@demo.palermo.test")
    demo.seed(lambda line: None)
    appeals = JudicialDecision.objects.filter(previous_decision__isnull=False)
    assert appeals.count() == 4
    linked = [a for a in appeals if a.citations.filter(cited=a.previous_decision).exists()]
    assert len(linked) == 3  # the English case number ("Case No. T…") is no citation form
