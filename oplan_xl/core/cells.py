"""Cell addresses: the one place that turns (row, column) into ``E7`` and back.

XlsxWriter's utility functions do the arithmetic; everyone else calls these, with
0-based rows and columns as python-calamine and XlsxWriter count them.
"""

from __future__ import annotations

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name, xl_rowcol_to_cell


def column_letter(col: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    return xl_col_to_name(col)


def column_index(letters: str | bytes) -> int:
    """``A`` → 0, ``CZ`` → 103 (the inverse of :func:`column_letter`)."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    return xl_cell_to_rowcol(f"{letters}1")[1]


def a1(row: int, col: int, absolute: bool = False) -> str:
    """(6, 4) → ``E7``; with *absolute*, ``$E$7``."""
    return xl_rowcol_to_cell(row, col, row_abs=absolute, col_abs=absolute)


def a1_range(first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    """(0, 0, 9, 2) → ``A1:C10``."""
    return f"{a1(first_row, first_col)}:{a1(last_row, last_col)}"
