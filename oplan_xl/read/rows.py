"""Lifting the rows under a table's header into raw rows, each sorted once.

Every non-empty row under a header ends up in exactly one of ``Table.rows``
(data), ``Table.totals`` (a recognised total row), ``Table.continuations``
(text appended to the row above, with a warning), ``Table.notes`` (a
signature block or a note under the table, with a warning) or
``Table.headings`` (a strategy or programme heading row, see ``headings``);
nothing is dropped.  A cell under a strategy (or programme) merged down from above takes
the merge's value, and its address is the merge's top cell.
"""

from __future__ import annotations

from oplan_xl.core.cells import a1, column_letter
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.layout import CONTINUED_KEYS, MERGED_DOWN_KEYS, MONTH_KEYS
from oplan_xl.core.model import Origin
from oplan_xl.core.normalise import is_blank, parse_int
from oplan_xl.read.headings import Headings
from oplan_xl.read.raw import RawRow, RowCells, Table
from oplan_xl.read.row_kinds import (
    NOTE_HINT,
    continues,
    is_note,
    is_total_row,
    note_text,
    own_name,
)
from oplan_xl.read.workbook import SheetValues
from oplan_xl.speed.text import clean_text


def lift_rows(table: Table, values: SheetValues, file: str) -> list[Finding]:
    """Sort every non-empty row under *table*'s header into it; return the
    findings about continuation and note rows, in row order."""
    rows = _Rows(table, values, file)
    for index in range(table.header.end + 1, len(values.grid)):
        rows.take(index)
    rows.finish()
    if rows.headings is not None:
        rows.findings += rows.headings.settle(file)
    return rows.findings


class _Rows:
    """The sorting of one table's rows, row by row."""

    def __init__(self, table: Table, values: SheetValues, file: str) -> None:
        columns = table.header.columns
        self.table, self.grid, self.file = table, values.grid, file
        self.columns = columns
        self.letters = {key: column_letter(position) for key, position in columns.items()}
        self.read = set(columns.values())
        self.months = {columns[key] for key in MONTH_KEYS if key in columns}
        self.continued = next((k for k in CONTINUED_KEYS if k in columns), None)
        self.inherited = _merged_down(values.merges, columns, table.header.end,
                                      len(values.grid))
        self.findings: list[Finding] = []
        self.headings = Headings.for_table(table)
        self.previous: RawRow | None = None
        # Note-like rows seen since the last other row: notes if nothing else
        # follows them, data (sorted as any row) if something does.
        self.pending: list[tuple[RawRow, list[object]]] = []

    def take(self, index: int) -> None:
        row = self.grid[index]
        if _is_empty(row, self.read):
            return
        if self.headings is not None and self.headings.take(index, row):
            self.flush()  # rows like notes above a heading are not the table's end
            self.table.headings.append(self.raw_row(index, row))
            self.previous = None
            return
        raw = self.raw_row(index, row)
        own = own_name(raw)
        if own is not None:
            # A project named in its own cell: neither a total row nor a
            # continuation, and a note only if its name cell says so.
            if NOTE_HINT.search(own) is None or not is_note(row, self.months):
                self.flush()
                self.append(raw)
            else:
                self.pending.append((raw, row))
        elif is_note(row, self.months):
            self.pending.append((raw, row))
        else:
            self.flush()
            self.place(raw, row)

    def raw_row(self, index: int, row: list[object]) -> RawRow:
        """The row's values by column key, and the address of each."""
        excel_row = index + 1
        width = len(row)
        values = {key: row[position] if position < width else ""
                  for key, position in self.columns.items()}
        merged: dict[str, str] = {}
        raw = RawRow(Origin(self.file, self.table.sheet, excel_row), values,
                     RowCells(self.letters, excel_row, merged), merged=merged)
        if self.inherited:
            self.inherit_merged(raw, index)
        if self.headings is not None:
            self.headings.fill(raw)
        return raw

    def inherit_merged(self, raw: RawRow, index: int) -> None:
        """Blank cells under a merge take the value and address of its top cell."""
        for key, position in self.columns.items():
            source = self.inherited.get((index, position))
            if source is not None and is_blank(raw.values[key]):
                raw.values[key] = self.grid[source[0]][source[1]]
                raw.merged[key] = a1(*source)  # raw.cells gives this address too

    def append(self, raw: RawRow) -> None:
        self.table.rows.append(raw)
        self.previous = raw

    def place(self, raw: RawRow, row: list[object]) -> None:
        """Sort one row that is not the common project row."""
        table, continued = self.table, self.continued
        if is_total_row(row, raw, self.columns):
            table.totals.append(raw)
            self.previous = None
            return
        previous = self.previous
        if previous is None or not continued or not continues(row, raw, continued,
                                                               self.columns):
            self.append(raw)
            return
        text = clean_text(raw.values[continued])
        before = clean_text(previous.values.get(continued, ""))
        previous.values[continued] = f"{before} {text}".strip()
        previous.continued.append(raw.origin.row)
        table.continuations.append(raw)
        self.findings.append(finding(
            "continuation-row", self.file, table.sheet, raw.origin.row,
            table.label(continued), raw.cells[continued], text,
            previous=previous.origin.row))

    def flush(self) -> None:
        """Something follows the note-like rows: they are rows like any other."""
        pending, self.pending = self.pending, []
        for raw, row in pending:
            if own_name(raw) is not None:
                self.append(raw)
            else:
                self.place(raw, row)

    def finish(self) -> None:
        """What is still pending has nothing but empty or note-like rows under it."""
        table = self.table
        for raw, row in self.pending:
            table.notes.append(raw)
            position, text = note_text(row)
            key = next((k for k, p in self.columns.items() if p == position), None)
            self.findings.append(finding(
                "note-row", self.file, table.sheet, raw.origin.row,
                table.label(key) if key else "", a1(raw.origin.row - 1, position), text))
        self.pending = []


def _merged_down(merges, columns: dict[str, int], header_end: int, height: int) -> dict:
    """(row, col) → (row, col) of the top cell, for cells under a vertical merge
    in a column whose value counts for every row of the merge.

    Merges are cut at the sheet's last row, and one overlapping a merge above
    it in the same column is skipped (Excel allows no overlap), so a hostile
    file's thousand merges down to row 1,048,576 cost no more than the sheet.
    """
    wanted = {position for key, position in columns.items() if key in MERGED_DOWN_KEYS}
    inherited = {}
    covered_to: dict[int, int] = {}  # column → last row covered so far
    for first_row, first_col, last_row, _ in sorted(
            m for m in merges if m[2] > m[0] and m[0] > header_end and m[1] in wanted):
        if first_row >= height or first_row <= covered_to.get(first_col, -1):
            continue
        last_row = min(last_row, height - 1)
        covered_to[first_col] = last_row
        for row in range(first_row + 1, last_row + 1):
            inherited[(row, first_col)] = (first_row, first_col)
    return inherited


def _is_empty(row: list[object], read: set[int]) -> bool:
    """A blank row — or one holding nothing but a row number in a column we do not
    read (templates come with ที่ 1, 2, 3 … filled down ahead of the data)."""
    for position, cell in enumerate(row):
        if cell == "" or is_blank(cell):  # calamine gives "" for an empty cell
            continue
        if position in read or parse_int(cell) is None:
            return False
    return True
