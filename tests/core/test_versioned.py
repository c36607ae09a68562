"""The versioned write: the second of two edits made from the same reading is refused and
changes nothing; the first is audited with the fields it changed."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.audit.models import AuditEvent
from palermo.core.errors import StaleWrite
from palermo.core.versioned import save_versioned
from tests.access.factories import AgencyFactory
from tests.directory.factories import organisation


@pytest.fixture
def editor(user_with: Any) -> Any:
    """A coordinator, who keeps the partner directory: its records are the ones written."""
    return user_with("coordinator", agency=AgencyFactory(kind="coordinator", country="ISR"))


def test_the_second_edit_from_the_same_reading_is_refused(editor: Any) -> None:
    iom = organisation(editor)
    read = iom.version
    save_versioned(iom, read, {"mandate": "New mandate.", "acronym": "IOM"}, actor=editor,
                   request=None, action="organisation.update")
    assert iom.version == read + 1
    entry = AuditEvent.objects.filter(action="organisation.update").get()
    assert (entry.object_type, entry.object_id) == ("organisation", str(iom.pk))
    assert entry.detail == {"fields": ["mandate"]}
    with pytest.raises(StaleWrite) as refused:
        save_versioned(iom, read, {"mandate": "Older edit."}, actor=editor, request=None,
                       action="organisation.update", stale="Reload the organisation.")
    assert refused.value.message == "Reload the organisation."
    iom.refresh_from_db()
    assert (iom.mandate, iom.version) == ("New mandate.", read + 1)
    assert AuditEvent.objects.filter(action="organisation.update").count() == 1


def test_a_write_guarded_by_a_state_is_refused_once_the_state_moved(editor: Any) -> None:
    iom = organisation(editor)
    with pytest.raises(StaleWrite) as refused:
        save_versioned(iom, iom.version, {"mandate": "x"}, actor=editor, request=None,
                       action="organisation.update", where={"active": False})
    assert refused.value.message == ("Someone else changed this record meanwhile. "
                                     "Reload the page.")
    iom.refresh_from_db()
    assert iom.mandate == "The UN migration agency."


def test_the_audit_entry_says_what_the_caller_asks(editor: Any) -> None:
    iom = organisation(editor)
    save_versioned(iom, iom.version, {"active": False}, actor=editor, request=None,
                   action="organisation.retire", object_type="partner",
                   detail={"active": False}, reason="Closed its office.")
    entry = AuditEvent.objects.get(action="organisation.retire")
    assert (entry.object_type, entry.detail, entry.reason) == (
        "partner", {"active": False}, "Closed its office.")


def test_a_change_may_be_filed_under_the_record_it_belongs_to(editor: Any) -> None:
    iom = organisation(editor)
    save_versioned(iom, iom.version, {"mandate": "Nightly refresh."}, actor=None, request=None,
                   action="organisation.refresh", object_type="agency",
                   object_id=editor.agency_id, actor_label="system")
    entry = AuditEvent.objects.get(action="organisation.refresh")
    assert (entry.object_type, entry.object_id, entry.actor_label) == (
        "agency", str(editor.agency_id), "system")
