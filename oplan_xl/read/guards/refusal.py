"""How a guard refuses a file: UnreadableWorkbook, with the finding code to report."""

from __future__ import annotations

from oplan_xl.core import limits
from oplan_xl.core.cells import column_letter


class UnreadableWorkbook(Exception):
    """The file (or one sheet of it) could not be opened as a workbook.

    ``code`` is the finding code (file-unreadable, file-encrypted,
    file-not-workbook, file-too-large, sheet-too-large), ``reason`` says why
    in English (it goes into the Thai message in brackets), and ``sheet``
    names the sheet when one sheet is at fault.
    """

    def __init__(self, reason: str, code: str = "file-unreadable", sheet: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.sheet = sheet


def megabytes(size: int) -> str:
    return f"{size / limits.MB:.0f} MB"


def check_extent(rows: int, cols: int, sheet: str) -> None:
    """Raise sheet-too-large unless a grid of *rows* × *cols* (from A1) is within limits."""
    # Only the limit passed is named: the extent of the other side may be an
    # upper bound (guards.xlsx counts columns A to Z as Z when rows are far).
    if rows > limits.MAX_ROWS:
        raise UnreadableWorkbook(f"values reach row {rows:,}, beyond row {limits.MAX_ROWS:,}",
                                 "sheet-too-large", sheet)
    if cols > limits.MAX_COLUMNS:
        raise UnreadableWorkbook(
            f"values reach column {column_letter(cols - 1)}, beyond column "
            f"{column_letter(limits.MAX_COLUMNS - 1)}", "sheet-too-large", sheet)
    if rows * cols > limits.MAX_SHEET_CELLS:
        raise UnreadableWorkbook(f"values span {rows:,} rows × {cols:,} columns",
                                 "sheet-too-large", sheet)
