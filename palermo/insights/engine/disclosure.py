"""Statistical disclosure control for count tables: primary and complementary cell
suppression, optional random rounding, and a log of what was hidden and why.

Every table that leaves Palermo passes through :func:`protect`. The method, and why it is
written here rather than taken from ``acro`` (which needs pandas, statsmodels, matplotlib and
rdflib, and checks research outputs rather than choosing complementary cells), is in
docs/statistics.md, "Disclosure control".

Zeros are published. A true zero counts no person, so it cannot disclose one; hiding zeros
would hide which combinations never occur, which readers need. Because zeros are published and
complementary cells are always chosen among non-zero cells, an attacker knows that every
suppressed value is at least 1, and the check below assumes exactly that attacker.
"""

from __future__ import annotations

import heapq
import random
from collections import defaultdict, deque
from dataclasses import dataclass, field

from palermo.core.messages import N_, Joined, Message

PUBLIC_THRESHOLD = 10
INTERNAL_THRESHOLD = 5


@dataclass(frozen=True)
class Table:
    """Counts, rows x columns; a one-way table has one column."""

    title: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]


@dataclass
class Suppression:
    """One hidden value. ``row``/``column`` None means the margin: (i, None) is row i's total,
    (None, j) column j's total, (None, None) the grand total."""

    row: int | None
    column: int | None
    reason: str  # "primary", "complementary" or "total"


@dataclass
class ProtectedTable:
    title: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None
    threshold: int
    rounding_base: int | None
    suppressed: list[Suppression] = field(default_factory=list)

    def log(self) -> list[Message]:
        """What was hidden and why, one line each, in the order it was decided; in English
        until the caller translates it (``translated(line, gettext)``)."""
        lines = [Message(N_("%(title)s: threshold %(threshold)d"), title=self.title,
                         threshold=self.threshold)]
        if self.rounding_base:
            lines[0] = Joined("", lines[0], Message(N_(", random rounding to base %(base)d"),
                                                    base=self.rounding_base))
        for item in self.suppressed:
            lines.append(Joined(": ", self._where(item), Message(_REASONS[item.reason])))
        if not self.suppressed:
            lines.append(Message(N_("nothing suppressed")))
        return lines

    def _where(self, item: Suppression) -> Message:
        if item.row is None and item.column is None:
            return Message(N_("grand total"))
        if item.column is None:
            assert item.row is not None
            return Message(N_("total of row “%(row)s”"), row=self.row_labels[item.row])
        if item.row is None:
            return Message(N_("total of column “%(column)s”"),
                           column=self.column_labels[item.column])
        return Message(N_("cell (“%(row)s”, “%(column)s”)"), row=self.row_labels[item.row],
                       column=self.column_labels[item.column])


_REASONS = {
    "primary": N_("primary suppression (count under the threshold)"),
    "complementary": N_("complementary suppression (protects a suppressed value from being "
                        "recovered from the totals)"),
    "total": N_("total under the threshold"),
}


class _Grid:
    """The table with its margins as one grid: inner cells, a totals column (when there is
    more than one column) and a totals row (when there is more than one row). Every row and
    column of the grid that has a total is one equation: the total equals the sum of the rest.

    Signed so each equation sums to zero (totals negated, the grand total positive), the
    grid is a table with zero margins, and a change to hidden values that keeps every
    equation true is a circulation on the bipartite graph of lines whose edges are the hidden
    entries."""

    def __init__(self, cells: tuple[tuple[int, ...], ...]) -> None:
        self.n_rows = len(cells)
        self.n_cols = len(cells[0]) if cells else 0
        self.row_eq = self.n_cols > 1  # each row has a published total
        self.col_eq = self.n_rows > 1
        self.height = self.n_rows + (1 if self.col_eq else 0)
        self.width = self.n_cols + (1 if self.row_eq else 0)
        values: dict[tuple[int, int], int] = {}
        for i, row in enumerate(cells):
            for j, value in enumerate(row):
                values[i, j] = value
        if self.row_eq:
            for i, row in enumerate(cells):
                values[i, self.n_cols] = sum(row)
        if self.col_eq:
            for j in range(self.width):
                values[self.n_rows, j] = sum(values[i, j] for i in range(self.n_rows))
        self.values = values

    def is_margin(self, pos: tuple[int, int]) -> bool:
        return (self.row_eq and pos[1] == self.n_cols) or (self.col_eq and pos[0] == self.n_rows)

    def sign(self, pos: tuple[int, int]) -> int:
        flips = int(self.row_eq and pos[1] == self.n_cols) + int(
            self.col_eq and pos[0] == self.n_rows)
        return -1 if flips % 2 else 1

    def nodes(self, pos: tuple[int, int]) -> tuple[object, object]:
        """The two lines an entry belongs to; a line without an equation is the free
        'ground' node, where change can enter and leave."""
        row_node: object = ("r", pos[0]) if self.row_eq else "ground"
        col_node: object = ("c", pos[1]) if self.col_eq else "ground"
        return row_node, col_node

    def lines_of(self, pos: tuple[int, int]) -> list[tuple[int, int]]:
        same: list[tuple[int, int]] = []
        if self.row_eq:
            same += [(pos[0], j) for j in range(self.width) if j != pos[1]]
        if self.col_eq:
            same += [(i, pos[1]) for i in range(self.height) if i != pos[0]]
        return same

    def recoverable(self, hidden: set[tuple[int, int]], pos: tuple[int, int]) -> bool:
        """Whether the hidden value at ``pos`` is the only one consistent with everything
        published and with every hidden value being at least 1.

        It is not iff some change to the hidden values moves ``pos`` and keeps the equations
        and the bounds: a directed cycle through ``pos``, where a hidden value at its bound (1)
        may only grow. The constraint matrix is totally unimodular, so a change by one unit
        along such a cycle is an integer table too."""
        arcs: dict[object, list[tuple[object, tuple[int, int]]]] = defaultdict(list)
        for other in hidden:
            if other == pos:
                continue
            for tail, head in self.directions(other):
                arcs[tail].append((head, other))
        for tail, head in self.directions(pos):
            if tail == head or _reaches(arcs, head, tail):
                return False
        return True

    def directions(self, pos: tuple[int, int]) -> list[tuple[object, object]]:
        row_node, col_node = self.nodes(pos)
        at_bound = self.values[pos] <= 1
        grows = (row_node, col_node) if self.sign(pos) > 0 else (col_node, row_node)
        if at_bound:
            return [grows]
        return [grows, (grows[1], grows[0])]


def _reaches(arcs: dict[object, list[tuple[object, tuple[int, int]]]], start: object,
             goal: object) -> bool:
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            return True
        for head, _pos in arcs.get(node, ()):
            if head not in seen:
                seen.add(head)
                queue.append(head)
    return False


def protect(table: Table, threshold: int, rounding_base: int | None = None,
            seed: int = 0) -> ProtectedTable:
    """Suppress counts 1..threshold-1 (primary; margins under the threshold too), then add
    complementary suppressions until no hidden value can be recovered exactly from what is
    published; then, if ``rounding_base`` is given, round every published value at random
    to a multiple of it (unbiased, except that a value never rounds below the threshold)."""
    _check(table, threshold, rounding_base)
    grid = _Grid(table.cells)
    hidden: dict[tuple[int, int], str] = {}
    for pos, value in grid.values.items():
        if 0 < value < threshold:
            hidden[pos] = "total" if grid.is_margin(pos) else "primary"
    _complement(grid, hidden)
    # Reproducible for a given seed, which callers must keep secret: whoever knows it can
    # replay the draws and narrow a rounded value's residue.
    rng = random.Random(seed)  # noqa: S311

    def shown(pos: tuple[int, int]) -> int | None:
        if pos in hidden:
            return None
        return _round(grid.values[pos], rounding_base, threshold, rng)

    cells = [[shown((i, j)) for j in range(grid.n_cols)] for i in range(grid.n_rows)]
    row_totals = ([shown((i, grid.n_cols)) for i in range(grid.n_rows)] if grid.row_eq
                  else [row[0] for row in cells])
    column_totals = ([shown((grid.n_rows, j)) for j in range(grid.n_cols)] if grid.col_eq
                     else list(cells[0]) if cells else [])
    corner = (grid.n_rows if grid.col_eq else 0, grid.n_cols if grid.row_eq else 0)
    total = shown(corner) if (grid.row_eq or grid.col_eq) else (cells[0][0] if cells else 0)
    return ProtectedTable(
        title=table.title, row_labels=table.row_labels, column_labels=table.column_labels,
        cells=cells, row_totals=row_totals, column_totals=column_totals, total=total,
        threshold=threshold, rounding_base=rounding_base,
        suppressed=[_suppression(grid, pos, reason) for pos, reason in hidden.items()])


def _check(table: Table, threshold: int, rounding_base: int | None) -> None:
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    if rounding_base is not None and rounding_base < 2:
        raise ValueError(f"rounding base must be at least 2, not {rounding_base}")
    if len(table.cells) != len(table.row_labels):
        raise ValueError(f"{table.title}: {len(table.cells)} rows of cells for "
                         f"{len(table.row_labels)} row labels")
    for i, row in enumerate(table.cells):
        if len(row) != len(table.column_labels):
            raise ValueError(f"{table.title}: row {i + 1} has {len(row)} cells for "
                             f"{len(table.column_labels)} column labels")
        for j, value in enumerate(row):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{table.title}: cell ({i + 1}, {j + 1}) is {value!r}, "
                                 "not a count")


def _complement(grid: _Grid, hidden: dict[tuple[int, int], str]) -> None:
    """While a hidden value is recoverable, close a cycle through it at least cost: the
    cheapest path between its two lines over hidden entries (free) and published non-zero
    ones (their count; totals only when no path through inner cells exists), respecting the
    bounds; then hide the path. A cycle is what makes a value unrecoverable (see
    ``_Grid.recoverable``), and hiding every non-zero value is always safe, so this ends."""
    penalty = 1 + sum(grid.values.values())
    while True:
        exposed = next((pos for pos in sorted(hidden) if grid.recoverable(set(hidden), pos)),
                       None)
        if exposed is None:
            return
        best: tuple[int, list[tuple[int, int]]] | None = None
        for tail, head in grid.directions(exposed):
            found = _cheapest_path(grid, hidden, exposed, head, tail, penalty)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        if best is None:
            raise AssertionError(f"no cycle can protect {exposed}")
        for pos in best[1]:
            hidden.setdefault(pos, "complementary")


def _cheapest_path(grid: _Grid, hidden: dict[tuple[int, int], str], exposed: tuple[int, int],
                   start: object, goal: object,
                   penalty: int) -> tuple[int, list[tuple[int, int]]] | None:
    arcs: dict[object, list[tuple[object, tuple[int, int], int]]] = defaultdict(list)
    for pos, value in grid.values.items():
        if pos == exposed or value == 0:
            continue
        cost = 0 if pos in hidden else value + (penalty if grid.is_margin(pos) else 0)
        for tail, head in grid.directions(pos):
            arcs[tail].append((head, pos, cost))
    done: set[object] = set()
    queue: list[tuple[int, int, object, list[tuple[int, int]]]] = [(0, 0, start, [])]
    tie = 0
    while queue:
        cost, _, node, path = heapq.heappop(queue)
        if node == goal:
            return cost, path
        if node in done:
            continue
        done.add(node)
        for head, pos, step in arcs.get(node, ()):
            if head not in done:
                tie += 1
                heapq.heappush(queue, (cost + step, tie, head, [*path, pos]))
    return None


def _round(value: int, base: int | None, threshold: int, rng: random.Random) -> int:
    if not base or value == 0:
        return value
    low = value - value % base
    if value % base and rng.random() < (value % base) / base:
        return low + base
    if low < threshold and low != value:
        return low + base
    return low


def _suppression(grid: _Grid, pos: tuple[int, int], reason: str) -> Suppression:
    row: int | None = pos[0]
    column: int | None = pos[1]
    if grid.col_eq and pos[0] == grid.n_rows:
        row = None
    if grid.row_eq and pos[1] == grid.n_cols:
        column = None
    return Suppression(row=row, column=column, reason=reason)
