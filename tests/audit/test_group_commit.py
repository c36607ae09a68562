"""Entries written outside a transaction by concurrent threads share one commit, and none of
them returns before its entry is committed; the chain stays whole."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection

from palermo.audit import group_commit, services, triggers
from palermo.audit.models import AuditEvent


@pytest.fixture
def committed(transactional_db: Any) -> Iterator[None]:
    """Threads have connections of their own, so these tests commit for real; the
    append-only triggers are lifted only for the flush that follows."""
    triggers.install(connection)
    yield
    triggers.remove(connection)


def _in_thread(target: Any, out: list[Any]) -> threading.Thread:
    def run() -> None:
        try:
            out.append(target())
        except Exception as exc:  # the test reads what each thread met
            out.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _wait_for_queue(length: int) -> None:
    deadline = time.monotonic() + 10
    while len(group_commit._queue) < length:
        assert time.monotonic() < deadline, "the threads never queued their entries"
        time.sleep(0.001)


def test_entries_arriving_during_a_write_are_committed_together(committed: None) -> None:
    before = dict(group_commit.stats)
    count = AuditEvent.objects.count()
    results: list[Any] = []
    with group_commit._writer_lock:  # a write is under way: the others queue behind it
        threads = [_in_thread(lambda i=i: services.record("test.grouped", object_id=i),
                              results) for i in range(5)]
        _wait_for_queue(5)
        assert AuditEvent.objects.count() == count, "nothing returned before its commit"
    for thread in threads:
        thread.join(10)
    assert all(isinstance(event, AuditEvent) and event.pk for event in results), results
    assert group_commit.stats["batches"] == before["batches"] + 1
    assert group_commit.stats["entries"] == before["entries"] + 5
    assert sorted(e.seq for e in results) == list(range(count + 1, count + 6))
    stored = AuditEvent.objects.filter(action="test.grouped")
    assert sorted(stored.values_list("object_id", flat=True)) == ["0", "1", "2", "3", "4"]
    assert services.verify_chain().ok


def test_many_threads_keep_one_whole_chain(committed: None) -> None:
    count = AuditEvent.objects.count()
    results: list[Any] = []

    def twenty() -> list[int]:
        return [services.record("test.busy", object_id=i).seq for i in range(20)]

    threads = [_in_thread(twenty, results) for _ in range(6)]
    for thread in threads:
        thread.join(30)
    assert all(isinstance(seqs, list) for seqs in results), results
    assert sorted(seq for seqs in results for seq in seqs) == list(range(count + 1,
                                                                          count + 121))
    report = services.verify_chain()
    assert report.ok and report.checked == count + 120


def test_a_failed_write_fails_every_request_it_held(committed: None) -> None:
    results: list[Any] = []
    calls: list[int] = []

    def failing(events: Any, extras: Any) -> None:
        calls.append(len(events))
        raise RuntimeError("disk full")

    def attempt() -> Any:
        group_commit.append(AuditEvent(action="test.lost"), failing)
        return "acknowledged"

    with group_commit._writer_lock:
        threads = [_in_thread(attempt, results) for _ in range(3)]
        _wait_for_queue(3)
    for thread in threads:
        thread.join(10)
    assert calls == [3]
    assert [str(r) for r in results] == ["disk full"] * 3
    assert not AuditEvent.objects.filter(action="test.lost").exists()


def test_an_entrys_writes_are_committed_in_its_batch(committed: None) -> None:
    results: list[Any] = []
    seen: list[tuple[int, bool]] = []

    def with_writes(i: int) -> AuditEvent:
        def then(event: AuditEvent) -> None:
            # The entry is chained, and the writes share its batch's open transaction.
            seen.append((event.seq, connection.in_atomic_block))
            services.record("test.written_with", object_id=event.seq)

        return services.record("test.grouped_with", object_id=i, then=then)

    with group_commit._writer_lock:
        threads = [_in_thread(lambda i=i: with_writes(i), results) for i in range(3)]
        _wait_for_queue(3)
    for thread in threads:
        thread.join(10)
    assert all(isinstance(event, AuditEvent) for event in results), results
    assert sorted(seen) == sorted((event.seq, True) for event in results)
    written = AuditEvent.objects.filter(action="test.written_with")
    assert sorted(written.values_list("object_id", flat=True)) == sorted(
        str(event.seq) for event in results)
    assert services.verify_chain().ok


def test_a_failed_write_of_one_entry_fails_its_whole_batch(committed: None) -> None:
    results: list[Any] = []

    def then(event: AuditEvent) -> None:
        raise RuntimeError("alert refused")

    attempts = [lambda: services.record("test.lost_with", then=then)] + [
        lambda: services.record("test.lost_beside") for _ in range(2)]
    with group_commit._writer_lock:
        threads = [_in_thread(attempt, results) for attempt in attempts]
        _wait_for_queue(3)
    for thread in threads:
        thread.join(10)
    assert [str(r) for r in results] == ["alert refused"] * 3
    assert not AuditEvent.objects.filter(action__startswith="test.lost").exists()
    assert services.verify_chain().ok


@pytest.mark.django_db
def test_inside_a_transaction_the_entry_is_written_there(user_with: Any) -> None:
    before = dict(group_commit.stats)
    event = services.record("test.inside", actor=user_with("auditor"))
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert group_commit.stats == before
