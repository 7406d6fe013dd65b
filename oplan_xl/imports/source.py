"""The workbook to import, read and checked row by row.

The reader (``read.submission``) reads it as it reads any department's file:
the ผด.02 and ผด.02/1 tables found by their headers, heading rows
(``1. ยุทธศาสตร์…`` / ``1.1 แผนงาน…``) giving the strategy and programme, month
bars as marks or shading, continuation rows appended, total rows labelled
รวม set aside.  A printed plan holds three more kinds of row that a
department's form does not, sorted here before the rows are checked:

- a **total row whose label is a number format**: our own ผด.02 writes its
  รวม row as the number of projects shown through the format
  ``"รวม "#,##0" โครงการ"``, so the cell holds a plain number and no text.  A
  row holding no text at all, only numbers, with a budget, is a total row: it
  is compared with the rows above it like any total row (a figure that is not
  their sum is a ``total-row-mismatch`` at its cell), never imported;
- **heading rows of ผด.02/1** (``1. ครุภัณฑ์สำนักงาน``, ``แผนงานบริหารงานทั่วไป``):
  one text alone on its row naming an equipment type or a programme; its rows
  carry both in their own cells, so it is counted as a heading and not read;
- **edition divider rows** (``เพิ่มเติม ครั้งที่ 1/2568``): a printed plan and
  its later editions in one table.  The rows above the first divider are the
  plan as first announced and are imported; the rows from the divider down
  belong to later editions (new, changed or cancelled rows, whose numbering
  restarts) and are not: one warning at the divider says how many rows were
  left out, and that a later edition is made with ``oplan edition``.

Each remaining row is checked by ``check.rows`` exactly as in ``oplan check``:
a row with an error (a budget that is not a number, no month, a strategy not in
plan.xlsx …) is not imported, its findings say why at its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from oplan_xl.check.resolve import Resolver
from oplan_xl.check.rows import check_equipment, check_project
from oplan_xl.check.submission import check_fiscal_year, check_totals
from oplan_xl.core.cells import a1
from oplan_xl.core.findings import ERROR, Finding, finding
from oplan_xl.core.model import Department, Origin, Settings, to_arabic_digits
from oplan_xl.core.normalise import is_blank
from oplan_xl.read.headings import heading_of
from oplan_xl.read.raw import RawRow, Table
from oplan_xl.read.submission import Submission, read_submission
from oplan_xl.read.workbook import UnreadableWorkbook, open_workbook, read_grid
from oplan_xl.speed.text import clean_text

PROJECTS, EQUIPMENT = "projects", "equipment"

#: ``เพิ่มเติม ครั้งที่ 1/2568``, ``แผนการดำเนินงาน (ฉบับเปลี่ยนแปลง) ฉบับที่ 2``,
#: ``แก้ไข 1/2568``: an edition's kind, then its number said with ครั้งที่/ฉบับที่
#: or written N/year.
EDITION = re.compile(
    r"(ทบทวน|เพิ่มเติม|เปลี่ยนแปลง|แก้ไข)\)?\s*(?:(?:ครั้งที่|ฉบับที่)\s*(\d{1,2})"
    r"(?:\s*/\s*(25\d\d))?|(\d{1,2})\s*/\s*(25\d\d))")
#: Reader findings that speak to a department filling in its form, not to an import.
_NOT_FOR_IMPORTS = frozenset({"sheet-read-as"})
#: ``1. ครุภัณฑ์สำนักงาน``, ``ครุภัณฑ์การเกษตร``: an equipment type heading.
_EQUIPMENT_TYPE_HEADING = re.compile(r"^(?:\d{1,2}\.?\s*)?ครุภัณฑ์")


@dataclass
class ImportRow:
    """One data row of the file, checked: the plan row (None if it cannot be
    imported), the satang it holds (0 when unreadable) and its findings."""

    kind: str
    row: object | None
    satang: int
    origin: Origin
    findings: list[Finding]

    @property
    def imported(self) -> bool:
        return self.row is not None


@dataclass(frozen=True)
class Divider:
    """An edition divider row: where it is and what it says."""

    sheet: str
    row: int
    cell: str
    text: str


@dataclass
class SourceTable:
    """One table of the file (ผด.02 or ผด.02/1), its rows sorted and checked."""

    kind: str
    sheet: str
    rows: list[ImportRow] = field(default_factory=list)
    total_rows: int = 0
    heading_rows: int = 0
    continuation_rows: int = 0
    note_rows: int = 0
    #: Rows from the first edition divider down (the divider itself included).
    later_rows: int = 0
    dividers: list[Divider] = field(default_factory=list)


@dataclass
class Source:
    """The file read: its tables and every finding about it, in row order."""

    path: Path
    submission: Submission
    tables: list[SourceTable] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def rows(self) -> list[ImportRow]:
        return [row for table in self.tables for row in table.rows]


def read_source(path: Path, settings: Settings) -> Source:
    """Read *path* as a ผด.02 / ผด.02/1 workbook and check every row against
    *settings*.  Never raises for a bad file: an unreadable one is a finding."""
    submission = read_submission(path, settings.second_level_label, settings.fiscal_year)
    source = Source(path, submission)
    grids = _grids(path, submission)
    later: list[tuple[str, int]] = []  # (sheet, first row left out) of each table
    resolve = Resolver(settings)
    nobody = Department(0, "", "")  # a row's unit is its own responsible cell (``units``)
    for kind, table, check_row in ((PROJECTS, submission.projects, check_project),
                                   (EQUIPMENT, submission.equipment, check_equipment)):
        if table is None:
            continue
        grid = grids.get(table.sheet, [])
        found = SourceTable(kind, table.sheet)
        found.dividers = _dividers(table, grid)
        if found.dividers:
            first = found.dividers[0].row
            found.later_rows = _drop_from(table, first)
            later.append((table.sheet, first))
        if kind == EQUIPMENT:
            _equipment_headings(table, grid)
        _unlabelled_totals(table, grid)
        satang_by_row = {}
        for raw in table.rows:
            plan_row, satang, findings = check_row(raw, table, nobody, resolve)
            found.rows.append(ImportRow(kind, plan_row, satang, raw.origin, findings))
            satang_by_row[raw.origin.row] = satang
        found.total_rows, found.heading_rows = len(table.totals), len(table.headings)
        found.continuation_rows, found.note_rows = len(table.continuations), len(table.notes)
        source.findings += check_totals(table, satang_by_row)
        source.findings += _divider_findings(found, submission.name)
        source.tables.append(found)
    # The reader's findings about rows left out with a later edition would speak of
    # rows nobody imports: the divider's finding speaks for them.  A printed form's
    # sheet is never named โครงการ: the advice to rename it is for departments.
    source.findings[:0] = [item for item in submission.findings
                           if item.code not in _NOT_FOR_IMPORTS
                           and not any(item.sheet == sheet and (item.row or 0) >= first
                                       for sheet, first in later)]
    source.findings += _edition_titles(submission, grids)
    year = list(check_fiscal_year(submission, settings))
    if any(item.severity == ERROR for item in year):
        # Another year's plan: nothing of it is this year's (as ``check`` does).
        for row in source.rows():
            row.row = None
    source.findings += year
    return source


def _grids(path: Path, submission: Submission) -> dict[str, list[list[object]]]:
    """The values of the sheets the tables were found on, for what the reader's
    raw rows do not carry: the cells of columns it does not read (ที่, where a
    printed plan writes its dividers and headings) and whether a row holds text."""
    sheets = {table.sheet for table in submission.tables()}
    if not sheets:
        return {}
    try:
        workbook = open_workbook(path)
        return {sheet: read_grid(workbook, sheet) for sheet in sheets}
    except (OSError, UnreadableWorkbook):  # the reader just read them: not expected
        return {}


def _lone_text(row: list[object]) -> tuple[int, str] | None:
    """(position, clean text in Arabic digits) of a row's only value when it is
    text; None for any other row."""
    found = None
    for position, cell in enumerate(row):
        if cell == "" or is_blank(cell):
            continue
        if found is not None or not isinstance(cell, str):
            return None
        found = (position, to_arabic_digits(clean_text(cell)))
    return found


def _dividers(table: Table, grid: list[list[object]]) -> list[Divider]:
    """The rows under the header holding only an edition's name and number."""
    found = []
    for index in range(table.header.end + 1, len(grid)):
        lone = _lone_text(grid[index])
        if lone is not None and EDITION.search(lone[1]):
            found.append(Divider(table.sheet, index + 1, a1(index, lone[0]), lone[1]))
    return found


def _drop_from(table: Table, first: int) -> int:
    """Take every row from Excel row *first* down out of *table*; return how many
    rows that was (data, total, heading and other rows alike)."""
    dropped = 0
    for name in ("rows", "totals", "continuations", "notes", "headings"):
        rows: list[RawRow] = getattr(table, name)
        kept = [raw for raw in rows if raw.origin.row < first]
        dropped += len(rows) - len(kept)
        if name == "rows":
            # Continuation rows after the divider appended to a row above it stay
            # with that row; nothing else of theirs is counted twice.
            for raw in kept:
                dropped += sum(1 for row in raw.continued if row >= first)
        setattr(table, name, kept)
    return dropped


def _unlabelled_totals(table: Table, grid: list[list[object]]) -> None:
    """Move the rows holding only numbers, a budget among them, to the totals
    (``รวม 4 โครงการ`` shown by a number format: the cell holds 4)."""
    budget = table.header.columns.get("budget")
    if budget is None:
        return
    moved = []
    for raw in table.rows:
        row = grid[raw.origin.row - 1] if raw.origin.row - 1 < len(grid) else []
        # (Strategy and programme given by heading rows or merged down from above
        # are not the row's own: its own cells are the grid's.)
        if raw.continued or budget >= len(row) or is_blank(row[budget]):
            continue
        if all(cell == "" or is_blank(cell) or (isinstance(cell, (int, float))
                                                and not isinstance(cell, bool))
               for cell in row):
            moved.append(raw)
    if moved:
        table.rows = [raw for raw in table.rows if raw not in moved]
        table.totals = sorted(table.totals + moved, key=lambda raw: raw.origin.row)


def _equipment_headings(table: Table, grid: list[list[object]]) -> None:
    """Move a ผด.02/1's heading rows (one text alone: ``1. ครุภัณฑ์…``, ``แผนงาน…``)
    to the headings."""
    moved = []
    for raw in table.rows:
        row = grid[raw.origin.row - 1] if raw.origin.row - 1 < len(grid) else []
        lone = _lone_text(row)
        if lone is None or raw.continued:
            continue
        text = lone[1]
        if _EQUIPMENT_TYPE_HEADING.match(text) or heading_of(text) is not None:
            moved.append(raw)
    if moved:
        table.rows = [raw for raw in table.rows if raw not in moved]
        table.headings = sorted(table.headings + moved, key=lambda raw: raw.origin.row)


def _divider_findings(found: SourceTable, file: str) -> list[Finding]:
    """One warning at the first divider: the rows taken and the rows left out;
    one at each later divider, saying it is one more edition."""
    findings = []
    first_data = min((row.origin.row for row in found.rows), default=None)
    last_data = max((row.origin.row for row in found.rows), default=None)
    taken = f"{first_data}–{last_data}" if first_data is not None else "-"
    for number, divider in enumerate(found.dividers):
        if number == 0:
            findings.append(finding(
                "import-edition-divider", file, divider.sheet, divider.row, "", divider.cell,
                divider.text, taken=taken, left=found.later_rows))
        else:
            findings.append(finding("import-edition-more", file, divider.sheet, divider.row,
                                    "", divider.cell, divider.text))
    return findings


def _edition_titles(submission: Submission, grids) -> list[Finding]:
    """A title above a table naming an edition (``… เพิ่มเติม ครั้งที่ 1/2568``):
    the file is imported as the plan itself, which it may not be."""
    findings = []
    for table in submission.tables():
        grid = grids.get(table.sheet, [])
        for index in range(min(table.header.row, len(grid))):
            for position, cell in enumerate(grid[index]):
                if isinstance(cell, str) and EDITION.search(to_arabic_digits(clean_text(cell))):
                    findings.append(finding("import-edition-title", submission.name,
                                            table.sheet, index + 1, "", a1(index, position),
                                            clean_text(cell)))
    return findings
