"""One department submission (SPEC §4) → its tables of raw rows, located to the cell.

The reader opens the workbook (``workbook``), finds the project and equipment
tables by their headers on whichever sheets hold them (``header``), lifts the
rows under each header (``rows``), reads their formulas, and decides each
row's months (``months``).  It copes with what people do to the sheets:
titles above the header, headers over two or three rows, moved columns, blank
rows, strategy cells merged down over their projects, activity text continued
on the next row, a total row at the bottom, months marked by colour alone, by
a span in one cell, a merged bar or arrows.  Turning the values into plan rows,
and saying what is wrong with them, is ``check``.  An unreadable file or a
missing header becomes a finding, never an exception.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.core import limits
from oplan_xl.core.cells import a1, column_letter
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.layout import (
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    INSTRUCTIONS_SHEET,
    PROJECT_SHEET,
    Column,
    project_columns,
)
from oplan_xl.core.model import to_arabic_digits
from oplan_xl.core.normalise import is_blank
from oplan_xl.read.header import find_header, shown_label
from oplan_xl.read.months import read_month_bars
from oplan_xl.read.raw import RawRow, Table, month_values
from oplan_xl.read.rows import lift_rows
from oplan_xl.read.workbook import (
    SheetValues,
    UnreadableWorkbook,
    Workbook,
    calamine_failure,
    open_workbook,
    read_sheet,
)
from oplan_xl.speed.text import clean_text, label_key

__all__ = ["RawRow", "StatedYear", "Submission", "Table", "list_submissions", "month_values",
           "read_submission"]

SUBMISSION_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@dataclass(frozen=True)
class StatedYear:
    """A fiscal year written in the file, and where."""

    year: int
    sheet: str
    cell: str
    text: str


@dataclass
class Submission:
    path: Path
    sha256: str = ""
    size: int = 0
    kind: str = ""  # xlsx (also .xlsm), xls or ods — the real format
    department_name: str = ""
    #: Where the หน่วยงาน sheet gives the department's name (``B2``), if it does.
    department_cell: str = ""
    fiscal_year: tuple[object, str] | None = None  # (raw value, A1 cell) on หน่วยงาน
    #: Years written in titles and header labels (ปีงบประมาณ พ.ศ. 2568, พ.ศ. 2567 …).
    stated_years: list[StatedYear] = field(default_factory=list)
    projects: Table | None = None
    equipment: Table | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def tables(self) -> list[Table]:
        return [table for table in (self.projects, self.equipment) if table is not None]


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
    submission = Submission(path)
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            submission.size = size
            raise UnreadableWorkbook(f"{size / 1024 / 1024:.0f} MB", "file-too-large")
        data = path.read_bytes()
        submission.sha256, submission.size = hashlib.sha256(data).hexdigest(), len(data)
        workbook = open_workbook(path, data)
    except OSError as exc:
        submission.findings.append(finding("file-unreadable", path.name,
                                           reason=f"{type(exc).__name__}: {exc.strerror}"))
        return submission
    except UnreadableWorkbook as exc:
        submission.findings.append(finding(exc.code, path.name, exc.sheet, reason=exc.reason))
        return submission
    submission.kind = workbook.kind
    _Reader(workbook, submission, group_label).read()
    return submission


class _Reader:
    """Reads one opened workbook into its Submission, loading sheets lazily."""

    def __init__(self, workbook: Workbook, submission: Submission, group_label: str) -> None:
        self.workbook = workbook
        self.submission = submission
        self.group_label = group_label
        self.file = submission.name
        self.sheets = {label_key(name): name for name in workbook.sheet_names}
        self._values: dict[str, SheetValues | None] = {}
        hidden = set()
        try:
            for meta in workbook.book.sheets_metadata:
                if "Visible" not in str(meta.visible):
                    hidden.add(meta.name)
        except BaseException as exc:  # metadata is a convenience; without it nothing is hidden
            if not calamine_failure(exc):
                raise
        self.hidden = hidden

    def values(self, sheet: str) -> SheetValues | None:
        """The sheet's values, read once; a sheet too large to read is a finding."""
        if sheet not in self._values:
            try:
                self._values[sheet] = read_sheet(self.workbook, sheet)
            except UnreadableWorkbook as exc:
                self._values[sheet] = None
                self.submission.findings.append(finding(exc.code, self.file, sheet,
                                                        reason=exc.reason))
        return self._values[sheet]

    def read(self) -> None:
        submission = self.submission
        department = self.sheets.get(label_key(DEPARTMENT_SHEET))
        if department:
            values = self.values(department)
            _read_department_sheet(submission, values.grid if values else [])
        projects = project_columns(self.group_label)
        submission.projects = self.find_table(PROJECT_SHEET, projects)
        submission.equipment = self.find_table(EQUIPMENT_SHEET, EQUIPMENT_COLUMNS,
                                               exclude=submission.projects)
        if submission.projects is None and submission.equipment is None:
            expected = ", ".join(c.label for c in projects if c.required)
            sheet = self.sheets.get(label_key(PROJECT_SHEET), PROJECT_SHEET)
            if self._values.get(sheet, True) is not None:  # else it was too large to read
                submission.findings.append(finding("no-header", self.file, sheet,
                                                   expected=expected))
        else:
            self.unreadable_named_sheets()
            self.tables_left_unread(projects)
        for table in submission.tables():
            for column in table.header.missing:
                submission.findings.append(finding(
                    "missing-column", self.file, table.sheet, table.header.row + 1,
                    column.label, a1(table.header.row, 0)))
            for key, positions in table.header.ambiguous.items():
                submission.findings.append(finding(
                    "column-ambiguous", self.file, table.sheet, table.header.row + 1,
                    table.label(key), a1(table.header.row, positions[0]),
                    columns=", ".join(column_letter(p) for p in positions)))
            values = self.values(table.sheet)
            submission.findings.extend(lift_rows(table, values, self.file))
            self.formulas(table, values.formulas)
            read_month_bars(table, values, self.workbook)
            self.stated_years(table, values.grid)
            if len(table.rows) > limits.MANY_ROWS:
                submission.findings.append(finding(
                    "table-very-large", self.file, table.sheet, table.header.row + 1, "",
                    a1(table.header.row, 0), rows=f"{len(table.rows):,}",
                    limit=f"{limits.MANY_ROWS:,}"))

    def candidate_sheets(self, preferred: str) -> list[str]:
        """The sheet named *preferred* first, then the other visible sheets that
        are not the department or instructions sheet."""
        name = self.sheets.get(label_key(preferred))
        skip = {self.sheets.get(label_key(DEPARTMENT_SHEET)),
                self.sheets.get(label_key(INSTRUCTIONS_SHEET)),
                self.sheets.get(label_key(PROJECT_SHEET)),
                self.sheets.get(label_key(EQUIPMENT_SHEET))}
        others = [n for n in self.workbook.sheet_names if n not in skip and n not in self.hidden]
        return ([name] if name else []) + others

    def find_table(self, preferred: str, columns, exclude: Table | None = None) -> Table | None:
        """The table for *columns*: on the sheet named *preferred*, else on another sheet."""
        for sheet in self.candidate_sheets(preferred):
            if exclude is not None and sheet == exclude.sheet:
                continue
            values = self.values(sheet)
            header = find_header(values.grid, columns) if values else None
            if header is not None:
                table = Table(sheet, header, columns)
                self.prefer_visible_columns(table, values)
                return table
        return None

    def prefer_visible_columns(self, table: Table, values: SheetValues) -> None:
        """Of two columns labelled for one field, the one a person sees, when exactly
        one is visible (last year's budget kept in a hidden column), with a warning
        naming both; otherwise the ambiguity stays, to be reported as an error."""
        header = table.header
        for key, positions in list(header.ambiguous.items()):
            visible = [p for p in positions if p not in values.hidden_columns]
            if len(visible) != 1:
                continue
            chosen = visible[0]
            del header.ambiguous[key]
            header.columns[key] = chosen
            header.labels[key] = next(
                shown_label(row[chosen]) for row in values.grid[header.row:header.end + 1]
                if chosen < len(row) and not is_blank(row[chosen]))
            self.submission.findings.append(finding(
                "column-hidden-not-read", self.file, table.sheet, header.row + 1,
                table.label(key), a1(header.row, chosen), chosen=column_letter(chosen),
                hidden=", ".join(column_letter(p) for p in positions if p != chosen)))

    def unreadable_named_sheets(self) -> None:
        """A โครงการ or ครุภัณฑ์ sheet with content but no header we can find."""
        used = {table.sheet for table in self.submission.tables()}
        for preferred in (PROJECT_SHEET, EQUIPMENT_SHEET):
            sheet = self.sheets.get(label_key(preferred))
            if sheet is None or sheet in used:
                continue
            values = self.values(sheet)
            if values and any(not is_blank(cell) for row in values.grid for cell in row):
                columns = (project_columns(self.group_label) if preferred == PROJECT_SHEET
                           else EQUIPMENT_COLUMNS)
                expected = ", ".join(c.label for c in columns if c.required)
                self.submission.findings.append(finding("no-header", self.file, sheet,
                                                        expected=expected))

    def tables_left_unread(self, projects: tuple[Column, ...]) -> None:
        """Another visible sheet with a project or equipment header: its rows would be
        lost, so say so.  Only sheets outside the template's four are looked at."""
        used = {table.sheet for table in self.submission.tables()}
        for sheet in self.candidate_sheets(""):
            if sheet in used:
                continue
            values = self.values(sheet)
            if values is None:
                continue
            for columns in (projects, EQUIPMENT_COLUMNS):
                header = find_header(values.grid, columns)
                if header is not None:
                    self.submission.findings.append(finding(
                        "sheet-not-read", self.file, sheet, header.row + 1, "",
                        a1(header.row, 0)))
                    break

    def formulas(self, table: Table, found: dict[tuple[int, int], str]) -> None:
        """The formula of each input cell of the table's rows that holds one."""
        if not found:
            return
        for raw in table.rows:
            index = raw.origin.row - 1
            for key, position in table.header.columns.items():
                if key not in raw.merged and (index, position) in found:
                    raw.formulas[key] = found[(index, position)]

    def stated_years(self, table: Table, grid) -> None:
        """Fiscal years written in the header labels and in the titles above them."""
        seen = {(y.sheet, y.cell) for y in self.submission.stated_years}
        header = table.header
        found = [(year, row, col, text) for year, row, col, text in header.years]
        for index in range(header.row):
            for col, cell in enumerate(grid[index]):
                if isinstance(cell, str):
                    match = _TITLE_YEAR.search(to_arabic_digits(clean_text(cell)))
                    if match:
                        found.append((int(match.group(1)), index, col, clean_text(cell)))
        if header.years:
            # The header's year labels are FY-1 over ต.ค.–ธ.ค. and FY over the rest.
            last = max(header.years)
            found = [f for f in found if f not in header.years or f == last]
        for year, row, col, text in found:
            if (table.sheet, a1(row, col)) not in seen:
                seen.add((table.sheet, a1(row, col)))
                self.submission.stated_years.append(
                    StatedYear(year, table.sheet, a1(row, col), text))


_TITLE_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.?\s?ศ\.?)?\s*(25\d\d)")


def _read_department_sheet(submission: Submission, grid) -> None:
    """Pick the department name and fiscal year from the หน่วยงาน sheet, if any."""
    for index, row in enumerate(grid or []):
        if len(row) < 2:
            continue
        key = label_key(row[0])
        if key == label_key("หน่วยงาน") and not is_blank(row[1]):
            submission.department_name = clean_text(row[1])
            submission.department_cell = a1(index, 1)
        elif key in (label_key("ปีงบประมาณ"), label_key("ปีงบประมาณ (พ.ศ.)")) \
                and not is_blank(row[1]):
            submission.fiscal_year = (row[1], a1(index, 1))
