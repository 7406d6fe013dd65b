"""Rows a person hid, filtered out or struck through are still data (issue 14, class 6).

They are lifted and planned like any other row; this says, at each such data
row, what was seen, so that the officer decides whether it was meant:

- ``row-hidden`` / ``row-filtered-out``: the row is hidden, by hand (or a
  collapsed group), or by an autofilter;
- ``row-struck-through``: the row's name (a project's name, an equipment's
  รายการ) is struck through, or most of its non-empty cells are;
- ``cell-struck-through``: otherwise, each struck cell the table reads that holds
  a value (a struck budget or month mark changes a figure or a month).

Total, continuation and note rows keep their own handling and get nothing more
here: a hidden total row is not planned anyway, and a continuation or a note
already has its finding at its row.
"""

from __future__ import annotations

from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.normalise import is_blank
from oplan_xl.read.raw import RawRow, Table
from oplan_xl.read.workbook import SheetValues

#: The cell that names a row, by table: a project's name, an equipment's รายการ.
_NAME_KEYS = ("name", "target", "activity")


def row_visibility_findings(table: Table, values: SheetValues, file: str) -> list[Finding]:
    """The findings about the hidden, filtered and struck data rows of *table*."""
    if not (values.hidden_rows or values.struck):
        return []
    name_key = next((key for key in _NAME_KEYS if key in table.header.columns), None)
    found: list[Finding] = []
    for raw in table.rows:
        index = raw.origin.row - 1
        if index in values.hidden_rows:
            code = "row-filtered-out" if index in values.filtered_rows else "row-hidden"
            found.append(_at(code, table, raw, name_key, file))
        bits = values.struck.get(index, 0)
        if bits:
            found.extend(_struck(table, raw, values.grid[index], bits, name_key, file))
    return found


def _struck(table: Table, raw: RawRow, row: list[object], bits: int, name_key: str | None,
            file: str) -> list[Finding]:
    """One finding for a struck row, else one for each struck cell read that holds a value."""
    filled = [col for col, cell in enumerate(row) if not is_blank(cell)]
    struck = [col for col in filled if bits >> col & 1]
    name_col = table.header.columns.get(name_key) if name_key else None
    if (name_col is not None and name_col in struck) or 2 * len(struck) > len(filled):
        return [_at("row-struck-through", table, raw, name_key, file)]
    return [finding("cell-struck-through", file, table.sheet, raw.origin.row,
                    table.label(key), raw.cells[key], _shown(row[col]))
            for key, col in sorted(table.header.columns.items(), key=lambda item: item[1])
            if col in struck]


def _at(code: str, table: Table, raw: RawRow, name_key: str | None, file: str) -> Finding:
    """A finding at the row, located at its name cell (its first cell if it has none)."""
    if name_key is None:
        return finding(code, file, table.sheet, raw.origin.row, "", f"A{raw.origin.row}")
    return finding(code, file, table.sheet, raw.origin.row, table.label(name_key),
                   raw.cells[name_key], raw.values.get(name_key, ""))


def _shown(cell: object) -> object:
    """A cell's value as a person reads it: 100000.0 is 100000."""
    return int(cell) if isinstance(cell, float) and cell.is_integer() else cell
