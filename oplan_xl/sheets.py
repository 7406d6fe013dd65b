"""Opening workbooks for reading values: one place that talks to python-calamine.

python-calamine reads .xlsx, .xlsm, .xls and .ods without running macros and
about twice as fast as pandas.read_excel over the same engine (which reopens
the file per sheet and goes through pandas' text parser); the reader turns
the grids into DataFrames itself.
"""

from __future__ import annotations

from pathlib import Path

import python_calamine

Grid = list[list[object]]


class UnreadableWorkbook(Exception):
    """The file could not be opened as a workbook; ``reason`` says why in English."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_workbook(path: Path) -> python_calamine.CalamineWorkbook:
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several unrelated types
        raise UnreadableWorkbook(f"{type(exc).__name__}: {exc}") from exc


def read_grid(workbook: python_calamine.CalamineWorkbook, sheet: str) -> Grid:
    """Return a sheet's values with row 0 = Excel row 1 and column 0 = column A."""
    try:
        return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except Exception as exc:
        raise UnreadableWorkbook(f"{type(exc).__name__}: {exc}") from exc
