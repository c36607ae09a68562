"""Bulk import of watch lists (documents, vehicles, persons) from CSV, JSON Lines and
FollowTheMoney files, as full lists or deltas. The column spec is docs/screening-import.md.

Rows are read and checked one by one (import_formats: a reader, then Checker), then written
in batches: a batch finds the records its rows update (source ids read once per import,
document numbers with one query per batch), decides every row, then deletes, updates and
inserts with executemany. Per-row ORM calls would make a million-row list take hours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import DatabaseError, connection, transaction

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.screening import person_keys
from palermo.screening.import_formats import COLUMNS, FileError, Reader, reader_for
from palermo.screening.import_rows import Checker, Row
from palermo.screening.import_writer import Table, chunks
from palermo.screening.models import WatchedDocument, WatchedPerson, WatchedVehicle
from palermo.screening.person_keys import KeyWriter

if TYPE_CHECKING:
    from django.db.models import Model

    from palermo.access.models import Agency, User

MODES = ("all_or_nothing", "batches")
ERROR_LIMIT = 1000
MODELS: dict[str, type[Model]] = {"documents": WatchedDocument, "vehicles": WatchedVehicle,
                                  "persons": WatchedPerson}


@dataclass
class ImportReport:
    kind: str
    file: str
    mode: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    bad: int = 0  # rows refused (each has one or more entries in errors)
    not_found: int = 0  # removals naming a record that is not listed
    skipped: int = 0  # FtM entities of other schemata (sanctions, addresses...)
    rows: int = 0
    errors: list[tuple[int, str, str]] = field(default_factory=list)
    unlisted_errors: int = 0  # errors beyond ERROR_LIMIT, counted only
    warnings: list[str] = field(default_factory=list)
    resumed_from: int | None = None
    last_committed_line: int | None = None
    refused: bool = False  # nothing was written
    stopped_at: int | None = None  # the line of a fault that ended the reading early

    def error(self, line: int, field_name: str, message: str) -> None:
        if len(self.errors) < ERROR_LIMIT:
            self.errors.append((line, field_name, message))
        else:
            self.unlisted_errors += 1

    def summary(self) -> str:
        text = (f"{self.kind} from {self.file}: {self.added} added, {self.updated} updated, "
                f"{self.removed} removed, {self.bad} bad rows")
        if self.not_found:
            text += f", {self.not_found} removals not listed"
        if self.skipped:
            text += f", {self.skipped} entities of other schemata skipped"
        if self.refused:
            text += "; refused, nothing was written"
        elif self.mode == "batches" and self.last_committed_line:
            text += f"; committed up to line {self.last_committed_line}"
        if self.stopped_at and not self.refused:
            text += f"; stopped at line {self.stopped_at}"
        return text

    def detail(self) -> dict[str, Any]:
        keys = ("kind", "file", "mode", "added", "updated", "removed", "bad", "not_found",
                "skipped", "rows", "resumed_from", "last_committed_line", "refused",
                "stopped_at")
        return {key: getattr(self, key) for key in keys}


@dataclass
class _Plan:
    """What one batch does to the table, decided before anything is written."""

    adds: list[Row | None] = field(default_factory=list)
    updates: dict[int, Row] = field(default_factory=dict)
    removes: set[int] = field(default_factory=set)


class _Run:
    def __init__(self, kind: str, owner: Agency, report: ImportReport, batch_size: int,
                 progress: Callable[[int], object] | None, start_line: int) -> None:
        self.kind = kind
        self.model = MODELS[kind]
        self.owner_id: int = owner.pk
        self.table = Table(self.model, owner.pk, COLUMNS[kind])
        self.report = report
        self.batch_size = batch_size
        self.progress = progress
        self.start_line = start_line
        self.last_line: int | None = None
        self.committed = 0  # batches written (in batches mode)
        self.checker = Checker(kind)
        # Persons are filed under their name keys as they are written (person_keys).
        self.keys = KeyWriter() if kind == "persons" else None
        # source -> source_id -> record id (0: added by this run, id not read back yet).
        self.known: dict[str, dict[str, int]] = {}

    def rows(self, reader: Reader) -> Iterator[Row]:
        """Checked rows; bad ones go to the report instead."""
        report, check = self.report, self.checker.row
        for raw in reader.rows():
            if raw.line < self.start_line:
                continue
            self.last_line = raw.line
            report.rows += 1
            row = check(raw)
            if raw.errors:
                report.bad += 1
                for field_name, message in raw.errors:
                    report.error(raw.line, field_name, message)
            elif row is not None:
                yield row

    def batches(self, reader: Reader) -> Iterator[list[Row]]:
        batch: list[Row] = []
        for row in self.rows(reader):
            batch.append(row)
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
        yield batch  # the last, possibly empty

    def flush(self, rows: list[Row], *, write: bool) -> None:
        plan = self.resolve(rows)
        if write:
            self.table.delete(plan.removes)  # a person's name keys go with it (cascade)
            self.table.update(plan.updates)
            adds = [row for row in plan.adds if row is not None]
            new = self.table.insert(adds, ids=self.keys is not None)
            if self.keys is not None:
                # In the batch's transaction: the next check anywhere sees the change.
                self.keys.file([(pk, row.values["names"]) for pk, row in plan.updates.items()
                                if "names" in row.values], replace=True)
                self.keys.file([(pk, row.values.get("names") or []) for pk, row in
                                zip(new, adds, strict=True)], replace=False)
            self.report.removed += len(plan.removes)
            self.report.updated += len(plan.updates)
            self.report.added += len(adds)
        if self.progress is not None:
            self.progress(self.report.rows)

    # Deciding which rows add, update or remove which record.

    def _ids(self, source: str) -> dict[str, int]:
        """The owner's records from one source, read once per import with one query: without
        an index on (owner, source, source_id) a lookup per batch would scan the table."""
        if source not in self.known:
            self.known[source] = dict(self.model._default_manager.filter(
                owner_agency_id=self.owner_id, source=source).values_list("source_id", "pk"))
        return self.known[source]

    def _read_back(self, rows: list[Row]) -> None:
        """Ids of records an earlier batch of this run added, for rows that update them."""
        wanted: dict[str, list[str]] = {}
        for row in rows:
            if row.source_key and self._ids(row.source_key[0]).get(row.source_key[1]) == 0:
                wanted.setdefault(row.source_key[0], []).append(row.source_key[1])
        for source, ids in wanted.items():
            for chunk in chunks(ids):
                self.known[source].update(self.model._default_manager.filter(
                    owner_agency_id=self.owner_id, source=source,
                    source_id__in=chunk).values_list("source_id", "pk"))

    def _by_pair(self, rows: list[Row]) -> dict[tuple[str, str], tuple[int, int, str, str]]:
        """Documents by (number, issuing state), whoever owns them: the pair is unique. Plain
        SQL: the ORM spent more time preparing the IN list than the database answering it."""
        wanted = {row.pair for row in rows if row.pair}
        found = {}
        names = ("number", "issuing_state", "owner_agency_id", "source", "source_id")
        columns = ", ".join(["id", *(self.table.columns[name] for name in names)])
        with connection.cursor() as cursor:
            for chunk in chunks(sorted({number for number, _state in wanted})):
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"SELECT {columns} FROM {self.table.table} "  # noqa: S608
                               f"WHERE {self.table.columns['number']} IN ({marks})", chunk)
                for pk, number, state, owner, source, source_id in cursor.fetchall():
                    if (number, state) in wanted:
                        found[(number, state)] = (pk, owner, source, source_id)
        return found

    def _refuse(self, row: Row, message: str) -> None:
        self.report.bad += 1
        self.report.error(row.line, "number", message)

    def resolve(self, rows: list[Row]) -> _Plan:
        plan = _Plan()
        self._read_back(rows)
        by_pair = self._by_pair(rows) if self.kind == "documents" else {}
        pair_of = {held[0]: pair for pair, held in by_pair.items()}
        pending: dict[tuple[str, ...], int] = {}  # a key of a row to add -> its index in adds
        for row in rows:
            sk, pair = row.source_key, row.pair
            ids = self._ids(sk[0]) if sk else {}
            pk = (ids.get(sk[1]) or None) if sk else None  # 0: added by this run, see above
            held = by_pair.get(pair) if pair else None
            if held and held[0] in plan.removes:
                held = None
            if pk is None and held:
                if held[1] != self.owner_id:
                    self._refuse(row, "this number and state are listed by another agency; "
                                 "only that agency can change the record")
                    continue
                pk = held[0]
            slot = pending.get(("s", *sk)) if sk else None
            if slot is None and pair:
                slot = pending.get(("p", *pair))
            if row.remove:
                if pk is not None:
                    plan.removes.add(pk)
                    plan.updates.pop(pk, None)
                    if sk:
                        ids.pop(sk[1], None)
                    if held and held[2]:
                        self._ids(held[2]).pop(held[3], None)
                elif slot is not None:
                    plan.adds[slot] = None
                    pending = {k: v for k, v in pending.items() if v != slot}
                else:
                    self.report.not_found += 1
                continue
            if pk is not None:
                if pair and ((held and held[0] != pk) or ("p", *pair) in pending):
                    self._refuse(row, "this number and state are already listed as another "
                                      "record")
                    continue
                if pair:  # the record may move to this pair: its old pair is free again
                    by_pair.pop(pair_of.get(pk, pair), None)
                    by_pair[pair], pair_of[pk] = (pk, self.owner_id, *(sk or ("", ""))), pair
                if sk:
                    ids[sk[1]] = pk
                earlier = plan.updates.get(pk)
                plan.updates[pk] = earlier.merged(row) if earlier else row
                continue
            if slot is not None:
                earlier_add = plan.adds[slot]
                assert earlier_add is not None
                plan.adds[slot] = row = earlier_add.merged(row)
            else:
                slot = len(plan.adds)
                plan.adds.append(row)
            if row.source_key:
                pending[("s", *row.source_key)] = slot
                self._ids(row.source_key[0])[row.source_key[1]] = 0
            if row.pair:
                pending[("p", *row.pair)] = slot
        return plan

    # The two modes.

    def all_or_nothing(self, reader: Reader, actor: User | None) -> None:
        with transaction.atomic():
            for batch in self.batches(reader):
                # After the first bad row, keep reading to list every bad row; write nothing.
                self.flush(batch, write=not self.report.bad)
            if self.report.bad:
                transaction.set_rollback(True)
                return
            self.report.last_committed_line = self.last_line
            _audit(self.report, actor, "success")

    def in_batches(self, reader: Reader, actor: User | None) -> None:
        reader.check()  # a file whose rows cannot be told apart is refused before any batch
        batch: list[Row] = []
        try:
            for row in self.rows(reader):
                batch.append(row)
                if len(batch) >= self.batch_size:
                    self._commit(batch, actor)
                    self.report.last_committed_line = row.line
                    batch = []
        except FileError:  # the rows read before the fault are good: keep them
            self._commit(batch, actor)
            if batch:
                self.report.last_committed_line = batch[-1].line
            raise
        except KeyboardInterrupt:  # the operator stopped it: say where to resume
            raise ServiceError(f"interrupted; {self._resume()}", field="file") from None
        with transaction.atomic():  # the last batch and the audit entry are kept together
            self._commit(batch, actor)
            self.report.last_committed_line = self.last_line
            _audit(self.report, actor, "success")

    def _commit(self, batch: list[Row], actor: User | None) -> None:
        """One batch and its own audit entry in one transaction: an import killed after a
        million committed rows leaves them audited, not only the summary it never wrote."""
        if not batch:
            return
        report = self.report
        before = (report.added, report.updated, report.removed)
        try:
            with transaction.atomic():
                self.flush(batch, write=True)
                audit.record("watchlist.import_batch", actor=actor, object_type="watchlist",
                             object_id=self.kind, outcome="success",
                             actor_label="palermo screening import", detail={
                                 "file": report.file, "batch": self.committed + 1,
                                 "rows": len(batch), "first_line": batch[0].line,
                                 "last_line": batch[-1].line,
                                 "added": report.added - before[0],
                                 "updated": report.updated - before[1],
                                 "removed": report.removed - before[2]})
        except BaseException as exc:
            report.added, report.updated, report.removed = before  # rolled back with it
            if isinstance(exc, DatabaseError):
                raise ServiceError(f"the database refused the batch from line {batch[0].line} "
                                   f"({exc}); {self._resume()}", field="file") from exc
            raise
        self.committed += 1

    def _resume(self) -> str:
        after = self.report.last_committed_line
        if after is None:
            return "nothing was committed"
        return f"committed up to line {after}: run again with --start-line {after + 1}"


def _audit(report: ImportReport, actor: User | None, outcome: str) -> None:
    audit.record("watchlist.import", actor=actor, object_type="watchlist",
                 object_id=report.kind, outcome=outcome, detail=report.detail(),
                 actor_label="palermo screening import")


def import_file(kind: str, path: str | Path, *, owner_agency: Agency, actor: User | None = None,
                mode: str = "all_or_nothing", batch_size: int = 10_000,
                progress: Callable[[int], object] | None = None,
                start_line: int = 1) -> ImportReport:
    """Import one watch-list file for ``owner_agency``. ``actor`` is None for the operator at
    the command line; a signed-in user needs screening.manage. In ``batches`` mode,
    ``start_line`` resumes after the ``last_committed_line`` of an interrupted run."""
    if kind not in COLUMNS:
        raise ServiceError(f"unknown kind {kind!r}: use {', '.join(COLUMNS)}", field="kind")
    if mode not in MODES:
        raise ServiceError(f"unknown mode {mode!r}: use {' or '.join(MODES)}", field="mode")
    if batch_size < 1 or start_line < 1:
        raise ServiceError("batch size and start line are at least 1", field="batch_size")
    if actor is not None and not actor.has_perm("screening.manage"):
        raise NotAllowed("Your roles do not allow managing watch lists.")
    path = Path(path)
    reader = reader_for(kind, path)
    if reader is None:
        raise ServiceError("the file must end in .csv, .jsonl, .ftm.json or .ftm.jsonl",
                           field="file")
    if not path.is_file():
        raise ServiceError(f"no file {str(path)!r}", field="file")
    report = ImportReport(kind, path.name, mode,
                          resumed_from=start_line if start_line > 1 else None)
    run = _Run(kind, owner_agency, report, batch_size, progress, start_line)
    try:
        if mode == "batches":
            run.in_batches(reader, actor)
        else:
            run.all_or_nothing(reader, actor)
    except FileError as exc:  # all or nothing: rolled back; batches: those before are kept
        report.bad += 1
        report.error(exc.line, exc.field, str(exc))
        report.stopped_at = exc.line
    report.skipped = reader.skipped
    report.warnings += reader.warnings + run.checker.warnings()
    if report.stopped_at or (report.bad and mode == "all_or_nothing"):
        report.refused = mode == "all_or_nothing" or report.last_committed_line is None
        if report.refused:
            report.added = report.updated = report.removed = report.not_found = 0
            report.last_committed_line = None
        _audit(report, actor, "failure")
    if kind == "persons" and report.added + report.updated:
        person_keys.analyse()
    return report

