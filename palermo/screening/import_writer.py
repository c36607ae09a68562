"""Writing checked watch-list rows with executemany (see importing for why)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.utils import timezone

from palermo.screening.import_rows import Row

if TYPE_CHECKING:
    from django.db.models import Model

# Keeps an IN (...) list well under PostgreSQL's 65,535 parameters and SQLite's limit.
LOOKUP_CHUNK = 5000


def chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), LOOKUP_CHUNK):
        yield items[start:start + LOOKUP_CHUNK]


class Table:
    """Plain INSERT, UPDATE and DELETE through the cursor's executemany, with the columns
    taken from the model. bulk_create spent 68 of the 150 µs a row cost (Django prepares
    every value through the field and rebuilds the SQL for every 90 rows); this writes a
    million rows in seconds. The rows were checked before (Checker), as full_clean would."""

    def __init__(self, model: type[Model], owner_id: int, given: tuple[str, ...]) -> None:
        self.model = model
        self.owner_id = owner_id
        self.given = given  # the columns a file may give
        self.fields = {f.attname: f for f in model._meta.concrete_fields if not f.primary_key}
        self.columns = {name: connection.ops.quote_name(f.column)
                        for name, f in self.fields.items()}
        self.table = connection.ops.quote_name(model._meta.db_table)
        # Text needs no preparing; dates and JSON do, as the vendor wants them.
        ops = connection.ops
        self.prepare: dict[str, Callable[[Any], Any]] = {}
        for name, f in self.fields.items():
            kind = f.get_internal_type()
            if kind == "DateField":
                self.prepare[name] = ops.adapt_datefield_value
            elif kind == "DateTimeField":
                self.prepare[name] = ops.adapt_datetimefield_value
            elif kind == "JSONField":
                # What get_db_prep_save ends in, without its checks: a fifth of the time a
                # person row cost (names and nationalities).
                self.prepare[name] = partial(ops.adapt_json_value,
                                             encoder=getattr(f, "encoder", None))
            elif kind not in {"CharField", "TextField", "ForeignKey"}:
                self.prepare[name] = partial(f.get_db_prep_save, connection=connection)

    def _value(self, name: str, value: Any) -> Any:
        prepare = self.prepare.get(name)
        return value if prepare is None else prepare(value)

    def insert(self, rows: list[Row], *, ids: bool = False) -> list[int]:
        """Insert ``rows``; with ``ids``, return the new records' ids in the rows' order
        (the person index files each new person under its keys)."""
        if not rows:
            return []
        # Columns a file gives come first, row by row; the rest (owner, stamps) are the same
        # for the whole batch and prepared once.
        stamps = {"owner_agency_id": self.owner_id, "created_at": timezone.now(),
                  "updated_at": timezone.now()}
        given = [name for name in self.fields if name in self.given]
        constant = [name for name in self.fields if name not in self.given]
        defaults = [self.fields[name].get_default() for name in given]
        constants = [self._value(name, stamps.get(name, self.fields[name].get_default()))
                     for name in constant]
        params = [[*map(row.values.get, given, defaults), *constants] for row in rows]
        for i, name in enumerate(given):
            prepare = self.prepare.get(name)
            if prepare is not None:
                for values in params:
                    if values[i] is not None:
                        values[i] = prepare(values[i])
        listed = ", ".join(self.columns[name] for name in given + constant)
        marks = ", ".join(["%s"] * len(listed.split(", ")))
        new: list[int] = []
        with connection.cursor() as cursor:
            if ids and connection.vendor == "postgresql":
                # Taken from the table's sequence first, so the rows go in with their ids.
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                               "FROM generate_series(1, %s)", [self.model._meta.db_table,
                                                               len(params)])
                new = [pk for (pk,) in cursor.fetchall()]
                params = [[pk, *values] for pk, values in zip(new, params, strict=True)]
                listed, marks = f"id, {listed}", f"%s, {marks}"
            # Table and column names come from the model, never from the file.
            sql = f"INSERT INTO {self.table} ({listed}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, params)
            if ids and not new:
                new = self._sqlite_ids(cursor, len(params))
        return new

    def _sqlite_ids(self, cursor: Any, count: int) -> list[int]:
        """SQLite numbers the rows of one executemany one after another: the transaction
        holds the only write lock, and AUTOINCREMENT never reuses an id. Checked, not
        assumed."""
        if not connection.in_atomic_block:
            raise RuntimeError("ids of inserted rows are known only inside a transaction")
        cursor.execute("SELECT last_insert_rowid()")
        last = int(cursor.fetchone()[0])
        first = last - count + 1
        cursor.execute(f"SELECT COUNT(*) FROM {self.table} WHERE id BETWEEN %s AND %s",  # noqa: S608
                       [first, last])
        if cursor.fetchone()[0] != count:
            raise RuntimeError("the inserted rows' ids are not consecutive")
        return list(range(first, last + 1))

    def update(self, updates: dict[int, Row]) -> None:
        # Only the columns a row gives are updated, so a file without notes keeps the notes.
        groups: dict[tuple[str, ...], list[list[Any]]] = {}
        # bulk_update would skip auto_now too: updated_at says when a person last changed.
        stamp = {"updated_at": timezone.now()} if "updated_at" in self.fields else {}
        for pk, row in updates.items():
            values = {**row.values, **stamp}
            names = tuple(sorted(values))
            groups.setdefault(names, []).append(
                [*(self._value(name, values[name]) for name in names), pk])
        with connection.cursor() as cursor:
            for names, params in groups.items():
                sets = ", ".join(f"{self.columns[name]} = %s" for name in names)
                sql = f"UPDATE {self.table} SET {sets} WHERE id = %s"  # noqa: S608
                cursor.executemany(sql, params)

    def delete(self, pks: set[int]) -> None:
        for chunk in chunks(sorted(pks)):
            self.model._default_manager.filter(pk__in=chunk).delete()
