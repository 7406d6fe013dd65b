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
from oplan_xl.core.cells import a1
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
from oplan_xl.core.normalise import is_blank, parse_int
from oplan_xl.core.reasons import said
from oplan_xl.read.columns import header_findings, settle_columns, unread_columns
from oplan_xl.read.guards.refusal import too_big
from oplan_xl.read.header import header_labels
from oplan_xl.read.months import read_month_bars
from oplan_xl.read.raw import RawRow, Table, month_values
from oplan_xl.read.row_visibility import row_visibility_findings
from oplan_xl.read.rows import lift_rows
from oplan_xl.read.sheets import (
    EQUIPMENT,
    KIND_WORDS,
    PROJECTS,
    SHEET_NAMES,
    SheetTable,
    best_candidate,
    choose,
    classify,
)
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


def read_submission(path: Path, group_label: str = "แผนงาน",
                    fiscal_year: int | None = None) -> Submission:
    """Read one department workbook.  Never raises for a bad file.

    *fiscal_year*, the plan's, tells which of two budget columns labelled with
    years (งบประมาณ ปี 2567 / ปี 2568) holds this year's figures; without it the
    file's own statement of its year is taken (``columns``)."""
    submission = Submission(path)
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            submission.size = size
            raise too_big(size)
        data = path.read_bytes()
        submission.sha256, submission.size = hashlib.sha256(data).hexdigest(), len(data)
        workbook = open_workbook(path, data)
    except OSError as exc:
        submission.findings.append(finding("file-unreadable", path.name,
                                           reason=said(f"{type(exc).__name__}: {exc.strerror}")))
        return submission
    except UnreadableWorkbook as exc:
        submission.findings.append(finding(exc.code, path.name, exc.sheet, reason=exc.reason))
        return submission
    submission.kind = workbook.kind
    _Reader(workbook, submission, group_label, fiscal_year).read()
    return submission


class _Reader:
    """Reads one opened workbook into its Submission, loading sheets lazily."""

    def __init__(self, workbook: Workbook, submission: Submission, group_label: str,
                 fiscal_year: int | None = None) -> None:
        self.workbook = workbook
        self.fiscal_year = fiscal_year
        self.submission = submission
        self.group_label = group_label
        self.file = submission.name
        self.sheets = {label_key(name): name for name in workbook.sheet_names}
        self._values: dict[str, SheetValues | None] = {}
        hidden = set()
        try:
            for meta in workbook.book.sheets_metadata:
                # SheetVisibleEnum.Visible / .Hidden / .VeryHidden (the enum's own
                # name holds "Visible": compare the member's name)
                if str(meta.visible).rsplit(".", 1)[-1] != "Visible":
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
        found = self.identify_tables(projects)
        if submission.projects is None and submission.equipment is None:
            if not any(not t.kind and t.has_rows for t in found):  # else that says why
                self.no_header(PROJECT_SHEET, projects)
        else:
            self.unreadable_named_sheets(found)
        for table in submission.tables():
            values = self.values(table.sheet)
            lifted = lift_rows(table, values, self.file)  # heading rows may give columns
            submission.findings.extend(header_findings(table, values, self.file))
            submission.findings.extend(lifted)
            submission.findings.extend(row_visibility_findings(table, values, self.file))
            submission.findings.extend(unread_columns(table, values, self.file))
            self.formulas(table, values.formulas)
            read_month_bars(table, values, self.workbook)
            self.stated_years(table, values.grid)
            if len(table.rows) > limits.MANY_ROWS:
                submission.findings.append(finding(
                    "table-very-large", self.file, table.sheet, table.header.row + 1, "",
                    a1(table.header.row, 0), rows=f"{len(table.rows):,}",
                    limit=f"{limits.MANY_ROWS:,}"))

    def identify_tables(self, projects: tuple[Column, ...]) -> list[SheetTable]:
        """Every sheet's table told by its header; the one of each kind read, the
        others reported (``sheets``).  Returns what each sheet was found to hold."""
        skip = {label_key(DEPARTMENT_SHEET), label_key(INSTRUCTIONS_SHEET)}
        found = []
        for position, sheet in enumerate(self.workbook.sheet_names):
            values = None if label_key(sheet) in skip else self.values(sheet)
            if values is not None:
                table = classify(sheet, values.grid, projects, position, sheet in self.hidden)
                if table is not None:
                    found.append(table)
        for kind, columns in ((PROJECTS, projects), (EQUIPMENT, EQUIPMENT_COLUMNS)):
            chosen, others = choose(found, kind)
            if chosen is None:
                continue
            setattr(self.submission, kind, self.find_table(chosen, columns))
            self.say_where(chosen)
            for other in others:
                self.submission.findings.append(finding(
                    "sheet-hidden-not-read" if other.hidden else "sheet-not-read", self.file,
                    other.sheet, other.header.row + 1, "", a1(other.header.row, 0),
                    read=chosen.sheet, **_kind_words(kind)))
        for table in found:
            if not table.kind and table.has_rows:
                header = table.header
                self.submission.findings.append(finding(
                    "table-kind-unclear", self.file, table.sheet, header.row + 1, "",
                    a1(header.row, 0), found=header_labels(
                        self.values(table.sheet).grid, header.row, header.end)))
        return found

    def find_table(self, found: SheetTable, columns: tuple[Column, ...]) -> Table:
        """The table a sheet was found to hold, its columns settled."""
        values = self.values(found.sheet)
        table = Table(found.sheet, found.header, columns)
        self.submission.findings += settle_columns(table, values, self.file, self.year())
        return table

    def say_where(self, found: SheetTable) -> None:
        """A table read from a hidden sheet or one not named for it: say which sheet
        was read as what, so a wrong sheet is seen."""
        if not found.hidden and found.standard_name:
            return
        header = found.header
        self.submission.findings.append(finding(
            "sheet-hidden-read" if found.hidden else "sheet-read-as", self.file, found.sheet,
            header.row + 1, "", a1(header.row, 0), standard=SHEET_NAMES[found.kind],
            **_kind_words(found.kind)))

    def no_header(self, preferred: str, columns: tuple[Column, ...]) -> None:
        """No table anywhere, or none on the sheet named *preferred*: say so, and
        what the sheet had that came closest to a header."""
        expected = ", ".join(c.label for c in columns if c.required)
        sheet = self.sheets.get(label_key(preferred))
        if sheet is None:
            self.submission.findings.append(finding(
                "no-header", self.file, preferred, expected=expected,
                found=f"ไม่มีแผ่นงาน \"{preferred}\" (มี {', '.join(self.workbook.sheet_names)})"))
            return
        values = self.values(sheet)
        if values is None:
            return  # too large to read: its own finding says so
        index = best_candidate(values.grid, columns)
        if index is None:
            self.submission.findings.append(finding("no-header", self.file, sheet,
                                                    expected=expected, found="แผ่นงานว่าง"))
            return
        self.submission.findings.append(finding(
            "no-header", self.file, sheet, index + 1, "", a1(index, 0), expected=expected,
            found=f"แถว {index + 1}: {header_labels(values.grid, index, index)}"))

    def year(self) -> int | None:
        """The fiscal year the figures are for: the plan's, else the หน่วยงาน sheet's."""
        if self.fiscal_year is not None:
            return self.fiscal_year
        return parse_int(self.submission.fiscal_year[0]) if self.submission.fiscal_year else None

    def unreadable_named_sheets(self, found: list[SheetTable]) -> None:
        """A โครงการ or ครุภัณฑ์ sheet with content but no header we can find."""
        seen = {table.sheet for table in found}
        for preferred in (PROJECT_SHEET, EQUIPMENT_SHEET):
            sheet = self.sheets.get(label_key(preferred))
            if sheet is None or sheet in seen:
                continue
            values = self.values(sheet)
            if values and any(not is_blank(cell) for row in values.grid for cell in row):
                self.no_header(preferred, projects_or_equipment(preferred, self.group_label))

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


def _kind_words(kind: str) -> dict[str, str]:
    """A table's kind as the Thai and the English messages name it."""
    return {"kind": KIND_WORDS[kind], "kind_en": "project" if kind == PROJECTS else "equipment"}


def projects_or_equipment(sheet: str, group_label: str) -> tuple[Column, ...]:
    """The columns of the table a standard sheet is named for."""
    return project_columns(group_label) if sheet == PROJECT_SHEET else EQUIPMENT_COLUMNS


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
