"""Reading department submissions (SPEC §4) into raw rows located to the cell.

The reader only finds tables and lifts cell values out of them; turning the
values into plan rows, and saying what is wrong with them, is ``checks``.
An unreadable file or a missing header becomes a finding, never an exception.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, finding
from .headers import Header, find_header
from .layout import (
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    PROJECT_SHEET,
    Column,
    project_columns,
)
from .model import Origin
from .normalise import clean_text, is_blank, label_key
from .sheets import UnreadableWorkbook, open_workbook, read_grid

SUBMISSION_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass
class RawRow:
    """One non-empty data row: raw values by column key, and where each sits."""

    origin: Origin
    values: dict[str, object]
    cells: dict[str, str]


@dataclass
class Table:
    sheet: str
    header: Header
    columns: tuple[Column, ...]
    rows: list[RawRow] = field(default_factory=list)

    def label(self, key: str) -> str:
        """The column's label as the file spells it (or our label if absent)."""
        return self.header.labels.get(key) or next(c.label for c in self.columns
                                                   if c.key == key)


@dataclass
class Submission:
    path: Path
    sha256: str = ""
    size: int = 0
    department_name: str = ""
    fiscal_year: tuple[object, str] | None = None  # (raw value, A1 cell)
    projects: Table | None = None
    equipment: Table | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def list_submissions(folder: Path) -> list[Path]:
    """Workbooks in *folder*, sorted by name; lock and hidden files skipped."""
    if not folder.is_dir():
        return []
    return sorted(
        (path for path in folder.iterdir()
         if path.is_file() and path.suffix.lower() in SUBMISSION_SUFFIXES
         and not path.name.startswith(("~$", ".", "._"))),
        key=lambda path: path.name,
    )


def read_submission(path: Path, group_label: str = "แผนงาน") -> Submission:
    """Read one department workbook.  Never raises for a bad file."""
    data = path.read_bytes()
    submission = Submission(path, hashlib.sha256(data).hexdigest(), len(data))
    try:
        workbook = open_workbook(path)
        sheets = {label_key(name): name for name in workbook.sheet_names}
        grids = {name: read_grid(workbook, name) for name in workbook.sheet_names}
    except UnreadableWorkbook as exc:
        submission.findings.append(finding("file-unreadable", path.name, reason=exc.reason))
        return submission

    _read_department_sheet(submission, grids.get(sheets.get(label_key(DEPARTMENT_SHEET), "")))
    projects = project_columns(group_label)
    submission.projects = _find_table(grids, sheets, PROJECT_SHEET, projects)
    submission.equipment = _find_table(grids, sheets, EQUIPMENT_SHEET, EQUIPMENT_COLUMNS,
                                       exclude=submission.projects)
    if submission.projects is None and submission.equipment is None:
        expected = ", ".join(c.label for c in projects if c.required)
        submission.findings.append(finding("no-header", path.name, PROJECT_SHEET,
                                           expected=expected))
    for table in (submission.projects, submission.equipment):
        if table is None:
            continue
        for column in table.header.missing:
            submission.findings.append(finding(
                "missing-column", path.name, table.sheet, table.header.row + 1,
                column.label, f"A{table.header.row + 1}"))
        _lift_rows(table, grids[table.sheet], path.name)
    return submission


def _find_table(grids, sheets, preferred: str, columns, exclude: Table | None = None):
    """The table for *columns*: on the sheet named *preferred*, else on any sheet."""
    name = sheets.get(label_key(preferred))
    order = ([name] if name else []) + [n for n in grids if n != name]
    for sheet in order:
        if exclude is not None and sheet == exclude.sheet:
            continue
        header = find_header(grids[sheet], columns)
        if header is not None:
            return Table(sheet, header, columns)
    return None


def _lift_rows(table: Table, grid, file_name: str) -> None:
    columns = table.header.columns
    letters = {key: column_letter(index) for key, index in columns.items()}
    for index in range(table.header.row + 1, len(grid)):
        row = grid[index]
        if all(is_blank(cell) for cell in row):
            continue
        excel_row = index + 1
        values = {key: (row[position] if position < len(row) else "")
                  for key, position in columns.items()}
        table.rows.append(RawRow(Origin(file_name, table.sheet, excel_row), values,
                                 {key: f"{letters[key]}{excel_row}" for key in columns}))


def _read_department_sheet(submission: Submission, grid) -> None:
    """Pick the department name and fiscal year from the หน่วยงาน sheet, if any."""
    for index, row in enumerate(grid or []):
        if len(row) < 2:
            continue
        key = label_key(row[0])
        if key == label_key("หน่วยงาน") and not is_blank(row[1]):
            submission.department_name = clean_text(row[1])
        elif key == label_key("ปีงบประมาณ") and not is_blank(row[1]):
            submission.fiscal_year = (row[1], f"B{index + 1}")
