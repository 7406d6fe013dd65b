"""Finding a table's header row by its labels, never by its position.

People add title rows above the header and move columns about, so each of
the first rows is tried and the one naming the most required columns wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from .layout import Column
from .normalise import clean_text, label_key

#: How many rows from the top may hold titles before the header.
HEADER_SCAN_ROWS = 30


@dataclass
class Header:
    """Where a header was found and which column holds which field."""

    row: int  # 0-based index into the grid; Excel row is row + 1
    columns: dict[str, int]  # column key → 0-based column index
    labels: dict[str, str]  # column key → the label as typed in the file
    missing: list[Column]  # required columns not found


def find_header(grid: list[list[object]], columns: tuple[Column, ...]) -> Header | None:
    """Return the best header row of *grid* for *columns*, or None.

    A row counts as the header when it names at least half of the required
    columns; the required ones it lacks are listed in ``missing``.
    """
    by_key: dict[str, Column] = {}
    for column in columns:
        for key in column.keys():
            by_key.setdefault(key, column)
    required = [c for c in columns if c.required]
    best: Header | None = None
    best_score = 0
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        labels: dict[str, str] = {}
        for position, cell in enumerate(row):
            column = by_key.get(label_key(cell)) if isinstance(cell, str) else None
            if column is not None and column.key not in found:
                found[column.key] = position
                labels[column.key] = clean_text(cell)
        score = sum(1 for c in required if c.key in found)
        if score > best_score:
            best_score = score
            best = Header(index, found, labels, [c for c in required if c.key not in found])
    if best is None or best_score * 2 < len(required):
        return None
    return best
