"""An edition's own columns: รหัสแถว, สถานะ and เหตุผลความจำเป็น of each planned row.

An edition's workbook is read as any submission first (``read.submission``): the
standard columns give the row's values and the original reader's habits apply
unchanged (it leaves text-only columns alone).  Then this module reads, for the
rows that reading found, the three edition columns (``core.layout.EDITION_COLUMNS``):
in each sheet, the first row (from the top, above the first row asked for) that
labels one of them is their header.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from oplan_xl.core.cells import a1
from oplan_xl.core.layout import EDITION_COLUMNS
from oplan_xl.core.normalise import is_blank
from oplan_xl.read.workbook import UnreadableWorkbook, calamine_failure, open_workbook, read_grid
from oplan_xl.speed.text import clean_text, label_key

_KEYS = {name: column.key for column in EDITION_COLUMNS for name in column.keys()}


@dataclass(frozen=True)
class EditionCell:
    """One edition column's cell of a row: its clean text, label and A1 address."""

    text: str
    label: str
    cell: str


#: (sheet, Excel row) → column key (row_id, status, reason) → its cell.
EditionCells = dict[tuple[str, int], dict[str, EditionCell]]


def read_edition_cells(path: Path, rows: Iterable[tuple[str, int]]) -> EditionCells:
    """The edition columns' cells of *rows* ((sheet, Excel row)) of the workbook at
    *path*.  A row of a sheet without those columns gets an empty dict; a column
    without a label gets none.  A workbook that cannot be opened gives nothing
    (its reading as a submission has said why)."""
    by_sheet: dict[str, list[int]] = {}
    for sheet, row in rows:
        by_sheet.setdefault(sheet, []).append(row)
    try:
        workbook = open_workbook(path)
    except (OSError, UnreadableWorkbook):
        return {}
    found: EditionCells = {}
    for sheet, numbers in by_sheet.items():
        try:
            grid = read_grid(workbook, sheet)
        except BaseException as exc:  # noqa: BLE001 - calamine panics are no Exception
            if not calamine_failure(exc) and not isinstance(exc, UnreadableWorkbook):
                raise
            grid = []
        columns = _header(grid, min(numbers) - 1)
        for number in numbers:
            line = grid[number - 1] if number - 1 < len(grid) else []
            found[(sheet, number)] = {
                key: EditionCell(_text(line[col]) if col < len(line) else "", label,
                                 a1(number - 1, col))
                for key, (col, label) in columns.items()}
    return found


def _header(grid, below: int) -> dict[str, tuple[int, str]]:
    """Column key → (0-based column, label as written) of the first row above
    *below* that labels an edition column."""
    for index in range(min(below, len(grid))):
        columns = {}
        for col, cell in enumerate(grid[index]):
            key = _KEYS.get(label_key(cell)) if isinstance(cell, str) else None
            if key and key not in columns:
                columns[key] = (col, clean_text(cell))
        if columns:
            return columns
    return {}


def _text(value: object) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value))


