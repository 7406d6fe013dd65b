"""How a guard refuses a file: UnreadableWorkbook, with the finding code to report."""

from __future__ import annotations

from oplan_xl.core import limits
from oplan_xl.core.cells import column_letter
from oplan_xl.core.reasons import Reason, reason


class UnreadableWorkbook(Exception):
    """The file (or one sheet of it) could not be opened as a workbook.

    ``code`` is the finding code (file-unreadable, file-encrypted,
    file-not-workbook, file-too-large, sheet-too-large), ``reason`` says why
    (``core.reasons``: it goes into the message in brackets, in the message's
    language), and ``sheet`` names the sheet when one sheet is at fault.
    """

    def __init__(self, why: Reason, code: str = "file-unreadable", sheet: str = "") -> None:
        super().__init__(why)
        self.reason = why
        self.code = code
        self.sheet = sheet


def megabytes(size: int) -> int:
    """*size* bytes in whole MB, as a reason shows them."""
    return round(size / limits.MB)


def too_big(size: int) -> UnreadableWorkbook:
    """file-too-large for a file of *size* bytes."""
    return UnreadableWorkbook(reason("file-size", megabytes=megabytes(size)), "file-too-large")


def check_extent(rows: int, cols: int, sheet: str) -> None:
    """Raise sheet-too-large unless a grid of *rows* × *cols* (from A1) is within limits."""
    # Only the limit passed is named: the extent of the other side may be an
    # upper bound (guards.xlsx counts columns A to Z as Z when rows are far).
    if rows > limits.MAX_ROWS:
        raise UnreadableWorkbook(reason("beyond-row", rows=rows, limit=limits.MAX_ROWS),
                                 "sheet-too-large", sheet)
    if cols > limits.MAX_COLUMNS:
        raise UnreadableWorkbook(
            reason("beyond-column", column=column_letter(cols - 1),
                   limit=column_letter(limits.MAX_COLUMNS - 1)), "sheet-too-large", sheet)
    if rows * cols > limits.MAX_SHEET_CELLS:
        raise UnreadableWorkbook(reason("values-span", rows=rows, columns=cols),
                                 "sheet-too-large", sheet)
