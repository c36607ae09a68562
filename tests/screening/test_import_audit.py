"""The audit of a watch-list import in batches: each committed batch writes its own entry in
the same transaction as its rows, so a killed import leaves nothing unaudited."""

from __future__ import annotations

from pathlib import Path

import pytest

from palermo.access.services.errors import ServiceError
from palermo.audit.models import AuditEvent
from palermo.screening.importing import import_file
from palermo.screening.models import WatchedDocument
from tests.access.factories import AgencyFactory
from tests.screening.test_importing import DOCUMENTS, write

pytestmark = pytest.mark.django_db

@pytest.mark.usefixtures("committed_db")
def test_each_committed_batch_is_audited_with_its_rows(tmp_path: Path) -> None:
    """An import stopped in its second batch (as by Ctrl-C or a kill between batches) keeps
    the first batch's rows and that batch's own audit entry, committed together."""
    owner = AgencyFactory(name="Police")
    rows = "".join(f"A{i}000000,UKR,stolen,passport,,s,{i},\n" for i in range(8))
    path = write(tmp_path, "b.csv", DOCUMENTS + rows)
    calls: list[int] = []

    def stop_in_second_batch(done: int) -> None:
        calls.append(done)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(ServiceError) as caught:
        import_file("documents", path, owner_agency=owner, mode="batches", batch_size=3,
                    progress=stop_in_second_batch)
    assert "committed up to line 4" in caught.value.message
    assert sorted(WatchedDocument.objects.values_list("number", flat=True)) == [
        "A0000000", "A1000000", "A2000000"]
    (batch,) = AuditEvent.objects.filter(action="watchlist.import_batch")
    assert (batch.object_type, batch.object_id, batch.outcome) == (
        "watchlist", "documents", "success")
    assert batch.detail == {"file": "b.csv", "batch": 1, "rows": 3, "first_line": 2,
                            "last_line": 4, "added": 3, "updated": 0, "removed": 0}
    assert not AuditEvent.objects.filter(action="watchlist.import").exists()


def test_a_finished_import_in_batches_audits_each_batch_and_the_whole(tmp_path: Path
                                                                      ) -> None:
    owner = AgencyFactory(name="Police")
    rows = "".join(f"A{i}000000,UKR,stolen,passport,,s,{i},\n" for i in range(5))
    report = import_file("documents", write(tmp_path, "b.csv", DOCUMENTS + rows),
                         owner_agency=owner, mode="batches", batch_size=2)
    assert report.added == 5
    batches = AuditEvent.objects.filter(action="watchlist.import_batch").order_by("seq")
    assert [(e.detail["batch"], e.detail["first_line"], e.detail["last_line"],
             e.detail["added"]) for e in batches] == [(1, 2, 3, 2), (2, 4, 5, 2), (3, 6, 6, 1)]
    assert AuditEvent.objects.get(action="watchlist.import").detail["added"] == 5
