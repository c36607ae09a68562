"""Issue 18: the auditor reads each action in words ("Case changed"), with its code beside it
for searching; every action the code can write has a label, in English and Hebrew."""

from __future__ import annotations

import re
from typing import Any

from palermo.audit import actions, services
from palermo.vocab import registry
from tests.audit.action_codes import scan

# Sites that build the whole action at run time, with the actions they write and why.
BUILT = {
    # The administration pages audit "<model>.create/update/delete" for any model they edit;
    # the verbs "create", "update" and "delete" label them.
    "palermo/access/admin.py": ["create", "update", "delete"],
    # One step on a screening or travel alert: "<kind of alert>.<step>".
    "palermo/screening/alerts.py": [
        f"{kind}.{step}" for kind in ("screening_alert", "travel_alert")
        for step in ("acknowledge", "take_over", "close")],
}


def test_the_scan_finds_actions_written_every_way() -> None:
    found = scan()
    assert {"case.update", "bill.update", "portal.report.close", "person.read",
            "message.forward", "travel_alert.follow_up"} <= set(found.codes)
    assert {"referral", "notice", "minutes"} <= set(found.families)
    assert "read" in found.verbs


def test_every_action_the_code_writes_has_a_label() -> None:
    found = scan()
    terms = registry.get("audit_actions")
    wanted = {*found.codes, *found.families, *found.verbs,
              *(code for codes in BUILT.values() for code in codes)}
    assert sorted(code for code in wanted if code not in terms) == []
    assert found.open == set(BUILT), "an action built at run time is missing from BUILT"


def test_every_label_is_given_in_hebrew() -> None:
    for term in registry.get("audit_actions"):
        assert re.search("[\u0590-\u05ff]", term.label("he")), term.code


def test_an_action_built_at_run_time_is_labelled_by_family_or_verb() -> None:
    assert actions.label("notice.submit") == "Notice sent for review"
    assert actions.label("referral.someday") == "Referral answered"
    assert actions.label("guide.read") == "Record viewed"
    assert actions.label("agencykind.update", "he") == "רשומה שונתה"


def _actions(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", cell).strip() for cell in
            re.findall(r'data-testid="audit-action">(.*?)</td>', html, re.S)]


def _entries(user_with: Any) -> None:
    subject = user_with("trainer", email="watched@agency.example")
    services.record("case.update", actor=subject, object_type="case", object_id=7)
    services.record("bill.stage", actor=subject, object_type="bill", object_id=3)


def test_the_page_shows_actions_in_english_with_their_code(signed_in: Any,
                                                           user_with: Any) -> None:
    client = signed_in("auditor")
    _entries(user_with)
    html = client.get("/audit/", {"actor": "watched@"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert sorted(_actions(html)) == [
        'Bill stage changed <small><code dir="ltr">bill.stage</code></small>',
        'Case changed <small><code dir="ltr">case.update</code></small>']
    assert '<option value="case.update">Case changed</option>' in html


def test_the_page_shows_actions_in_hebrew(signed_in: Any, user_with: Any) -> None:
    client = signed_in("auditor")
    _entries(user_with)
    client.cookies["django_language"] = "he"
    html = client.get("/audit/", {"actor": "watched@"}, HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert sorted(_actions(html)) == sorted([
        'שלב הצעת חוק שונה <small><code dir="ltr">bill.stage</code></small>',
        'תיק שונה <small><code dir="ltr">case.update</code></small>'])
    assert '<option value="case.update">תיק שונה</option>' in html


def test_filtering_by_an_action_or_its_family(signed_in: Any, user_with: Any) -> None:
    client = signed_in("auditor")
    _entries(user_with)
    one = client.get("/audit/", {"actor": "watched@", "action": "bill.stage"}).content.decode()
    assert [a.split(" <")[0] for a in _actions(one)] == ["Bill stage changed"]
    family = client.get("/audit/", {"actor": "watched@", "action": "case"}).content.decode()
    assert [a.split(" <")[0] for a in _actions(family)] == ["Case changed"]


def test_every_action_of_the_demo_reads_in_words(db: Any) -> None:
    """The scan checked against what the code really writes: the demo's whole seed."""
    from palermo.audit.models import AuditEvent
    from palermo.ops.services import seed_demo

    seed_demo(lambda line: None)
    written = set(AuditEvent.objects.values_list("action", flat=True))
    assert len(written) > 20
    assert sorted(code for code in written if actions.label(code) == code) == []
