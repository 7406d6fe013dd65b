"""Reading department submissions (SPEC §4) into raw rows located to the cell.

The reader finds tables and lifts cell values out of them, coping with what
people do to the sheets: titles above the header, headers over two or three
rows, moved columns, blank rows, strategy cells merged down over their
projects, activity text continued on the next row, a total row at the
bottom, months marked by colour alone.  Turning the values into plan rows,
and saying what is wrong with them, is ``checks``.  An unreadable file or a
missing header becomes a finding, never an exception.

Every non-empty row under a header ends up in exactly one of ``Table.rows``
(data), ``Table.totals`` (a recognised total row), ``Table.continuations``
(text appended to the row above, with a warning) or ``Table.notes`` (a
signature block or a note under the table, with a warning); nothing is dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from oplan_xl.core import limits
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.layout import (
    CONTINUED_KEYS,
    DEPARTMENT_SHEET,
    EQUIPMENT_COLUMNS,
    EQUIPMENT_SHEET,
    INSTRUCTIONS_SHEET,
    MERGED_DOWN_KEYS,
    MONTH_KEYS,
    PROJECT_SHEET,
    Column,
    project_columns,
)
from oplan_xl.core.model import Origin, to_arabic_digits
from oplan_xl.core.normalise import (
    NotANumber,
    clean_text,
    is_blank,
    is_month_mark,
    is_total_label,
    label_key,
    month_marks,
    parse_amount,
    parse_int,
)
from oplan_xl.read import extras as sheet_extras
from oplan_xl.read.header import Header, find_header
from oplan_xl.read.workbook import (
    SheetValues,
    UnreadableWorkbook,
    Workbook,
    calamine_failure,
    open_workbook,
    read_sheet,
)

SUBMISSION_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def a1(row: int, col: int) -> str:
    """0-based (row, col) → ``"E7"``."""
    return f"{column_letter(col)}{row + 1}"


class CellAddresses(Mapping[str, str]):
    """Column key → A1 address of each of a row's cells, worked out when asked.

    A table's columns are fixed, so a row needs only its Excel row number; the
    few addresses a merge moves (a strategy merged down from above) are kept
    apart.  A fraction of the cost of a dict of strings per row, and small to
    pickle when a second process sends rows back.
    """

    __slots__ = ("_letters", "_row", "_moved")

    def __init__(self, letters: dict[str, str], row: int) -> None:
        self._letters = letters  # key → column letter, shared by the table's rows
        self._row = row
        self._moved: dict[str, str] | None = None

    def __getitem__(self, key: str) -> str:
        if self._moved is not None and key in self._moved:
            return self._moved[key]
        return f"{self._letters[key]}{self._row}"

    def __setitem__(self, key: str, address: str) -> None:
        if self._moved is None:
            self._moved = {}
        self._moved[key] = address

    def __iter__(self):
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)

    def __repr__(self) -> str:
        return repr(dict(self))


@dataclass(slots=True)
class RawRow:
    """One non-empty row: raw values by column key, and where each sits."""

    origin: Origin
    values: dict[str, object]
    cells: CellAddresses
    #: Month keys marked by a fill colour alone (key → colour), no text in the cell.
    filled: dict[str, str] = field(default_factory=dict)
    #: Keys whose value comes from a cell merged down from above (key → its A1).
    merged: dict[str, str] = field(default_factory=dict)
    #: Formula of each input cell that holds one (key → ``=…``).
    formulas: dict[str, str] = field(default_factory=dict)
    #: Excel rows of the continuation rows whose text was appended to this row.
    continued: list[int] = field(default_factory=list)
    #: Each month's mark by value (``month_marks`` of the twelve month keys), as
    #: the reader worked it out when looking for fill marks; None if it did not.
    marks: tuple[bool, ...] | None = None


@dataclass
class Table:
    sheet: str
    header: Header
    columns: tuple[Column, ...]
    rows: list[RawRow] = field(default_factory=list)
    #: Recognised total rows (รวม …): read, compared with the rows, never planned.
    totals: list[RawRow] = field(default_factory=list)
    #: Rows holding only more text for the row above (already appended to it).
    continuations: list[RawRow] = field(default_factory=list)
    #: Rows under the last data row holding only a signature block or a note
    #: (ลงชื่อ …, (name), ตำแหน่ง …, หมายเหตุ …): read, reported, never planned.
    notes: list[RawRow] = field(default_factory=list)

    def label(self, key: str) -> str:
        """The column's label as the file spells it (or our label if absent)."""
        return self.header.labels.get(key) or next(c.label for c in self.columns
                                                   if c.key == key)


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
                    column.label, f"A{table.header.row + 1}"))
            values = self.values(table.sheet)
            self.lift_rows(table, values)
            self.stated_years(table, values.grid)
            if len(table.rows) > limits.MANY_ROWS:
                submission.findings.append(finding(
                    "table-very-large", self.file, table.sheet, table.header.row + 1, "",
                    f"A{table.header.row + 1}", rows=f"{len(table.rows):,}",
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
                return Table(sheet, header, columns)
        return None

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
                        f"A{header.row + 1}"))
                    break

    def lift_rows(self, table: Table, values: SheetValues) -> None:
        """Sort every non-empty row under the header into data, total or continuation."""
        grid = values.grid
        header = table.header
        columns = header.columns
        inherited = _merged_down(values.merges, columns, header.end, len(grid))
        continued = next((k for k in CONTINUED_KEYS if k in columns), None)
        letters = [(key, position, column_letter(position)) for key, position in columns.items()]
        letter_of = {key: letter for key, _, letter in letters}
        read = set(columns.values())
        first_read = sorted(read)
        # The row's values by key in one C call when the row is wide enough (it
        # always is in a sheet from calamine, whose rows all have its width).
        keys = tuple(columns)
        pick = _picker(tuple(columns.values()))
        widest = max(read, default=-1)
        file, sheet = self.file, table.sheet
        months = {columns[key] for key in MONTH_KEYS if key in columns}
        previous: RawRow | None = None
        # Note-like rows seen since the last other row: notes if nothing else
        # follows them, data (sorted as any row) if something does.
        pending: list[tuple[RawRow, list[object]]] = []

        def place(raw: RawRow, row: list[object]) -> None:
            """Sort one row that is not the common project row."""
            nonlocal previous
            if _is_total_row(row, raw, columns):
                table.totals.append(raw)
                previous = None
                return
            if previous is not None and continued and _continues(row, raw, continued, columns):
                text = clean_text(raw.values[continued])
                before = clean_text(previous.values.get(continued, ""))
                previous.values[continued] = f"{before} {text}".strip()
                previous.continued.append(raw.origin.row)
                table.continuations.append(raw)
                self.submission.findings.append(finding(
                    "continuation-row", self.file, table.sheet, raw.origin.row,
                    table.label(continued), raw.cells[continued], text,
                    previous=previous.origin.row))
                return
            table.rows.append(raw)
            previous = raw

        def flush() -> None:
            """Something follows the note-like rows: they are rows like any other."""
            nonlocal previous
            for raw, row in pending:
                if _own_name(raw) is not None:
                    table.rows.append(raw)
                    previous = raw
                else:
                    place(raw, row)
            pending.clear()

        for index in range(header.end + 1, len(grid)):
            row = grid[index]
            if _is_empty(row, first_read, read):
                continue
            excel_row = index + 1
            width = len(row)
            if width > widest:
                values = dict(zip(keys, pick(row), strict=True))
            else:
                values = {key: row[position] if position < width else ""
                          for key, position, _ in letters}
            raw = RawRow(Origin(file, sheet, excel_row), values,
                         CellAddresses(letter_of, excel_row))
            if inherited:
                for key, position, _ in letters:
                    source = inherited.get((index, position))
                    if source is not None and is_blank(raw.values[key]):
                        raw.values[key] = grid[source[0]][source[1]]
                        raw.cells[key] = raw.merged[key] = a1(*source)
            own = _own_name(raw)
            if own is not None:
                # The common row, a project named in its own cell: neither a
                # total row nor a continuation (what the two tests below say),
                # and a note only if its name cell says so (one regex to rule out).
                if _NOTE_HINT.search(own) is None or not _is_note(row, months):
                    if pending:
                        flush()
                    table.rows.append(raw)
                    previous = raw
                    continue
                pending.append((raw, row))
                continue
            if _is_note(row, months):
                pending.append((raw, row))
                continue
            if pending:
                flush()
            place(raw, row)
        # What is still pending has nothing but empty or note-like rows under it.
        for raw, row in pending:
            table.notes.append(raw)
            position, text = _note_text(row)
            key = next((k for k, p in columns.items() if p == position), None)
            self.submission.findings.append(finding(
                "note-row", self.file, table.sheet, raw.origin.row,
                table.label(key) if key else "", a1(raw.origin.row - 1, position), text))
        self.formulas(table)
        self.fill_marks(table)

    def formulas(self, table: Table) -> None:
        found = sheet_extras.formulas(self.workbook, table.sheet)
        if not found:
            return
        for raw in table.rows:
            index = raw.origin.row - 1
            for key, position in table.header.columns.items():
                if key not in raw.merged and (index, position) in found:
                    raw.formulas[key] = found[(index, position)]

    def fill_marks(self, table: Table) -> None:
        """Months marked by colour alone, in rows where no month has a visible mark.

        A colour counts when the row's own name cell does not have it (so a
        template's tinted input area is not a mark), when it is not on the
        unmarked months of rows marked with text (the background), and when
        it is not on all twelve months at once (a tinted month area again).
        """
        months = [(key, table.header.columns[key]) for key in MONTH_KEYS
                  if key in table.header.columns]
        if not months:
            return
        unmarked = []
        # With every month's column, the twelve values in one C call.
        values_of = itemgetter(*MONTH_KEYS) if len(months) == len(MONTH_KEYS) \
            else month_values
        for raw in table.rows:
            raw.marks = month_marks(values_of(raw.values))
            if not any(raw.marks):
                unmarked.append(raw)
        unmarked_ids = {id(raw) for raw in unmarked}
        if not unmarked:
            return
        colours = sheet_extras.fills(self.workbook, table.sheet,
                                     {raw.origin.row - 1 for raw in table.rows})
        if not colours:
            return
        background = set()
        for raw in table.rows:
            index = raw.origin.row - 1
            if id(raw) in unmarked_ids:
                continue
            for key, position in months:
                if not is_month_mark(raw.values[key]) and (index, position) in colours:
                    background.add(colours[(index, position)])
        name_key = next((k for k in ("name", "target") if k in table.header.columns), None)
        for raw in unmarked:
            index = raw.origin.row - 1
            own = colours.get((index, table.header.columns[name_key])) if name_key else None
            filled = {key: colours[(index, position)] for key, position in months
                      if (index, position) in colours
                      and colours[(index, position)] not in background
                      and colours[(index, position)] != own}
            if len(filled) == len(MONTH_KEYS) and len(set(filled.values())) == 1:
                continue
            raw.filled = filled

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


_NO_VALUES = ("",) * len(MONTH_KEYS)


def month_values(values: dict[str, object]) -> tuple:
    """A row's twelve month values by key, "" for a month column it lacks."""
    return tuple(map(values.get, MONTH_KEYS, _NO_VALUES))


_TITLE_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.?\s?ศ\.?)?\s*(25\d\d)")


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


def _picker(positions: tuple[int, ...]):
    """A function giving a row's cells at *positions*, as a tuple."""
    if len(positions) == 1:
        only = positions[0]
        return lambda row: (row[only],)
    return itemgetter(*positions) if positions else lambda row: ()


def _is_empty(row: list[object], first_read: list[int], read: set[int]) -> bool:
    """A blank row — or one holding nothing but a row number in a column we do not
    read (templates come with ที่ 1, 2, 3 … filled down ahead of the data).

    *first_read* lists the positions of *read*: a row with something in a column
    we read is not empty whatever else it holds, and that is the common row."""
    width = len(row)
    for position in first_read:
        if position < width:
            cell = row[position]
            if cell != "" and not is_blank(cell):
                return False
    for position, cell in enumerate(row):
        if cell == "" or is_blank(cell):  # calamine gives "" for an empty cell
            continue
        if position in read or parse_int(cell) is None:
            return False
    return True


def _is_total_row(row: list[object], raw: RawRow, columns: dict[str, int]) -> bool:
    """A row labelled รวม / รวมทั้งสิ้น / รวม n โครงการ, with no project of its own."""
    for key in ("name", "target"):
        own = raw.values.get(key)
        if isinstance(own, str) and own and key not in raw.merged \
                and "รวม" not in own and "otal" not in own:
            return False  # the common case, decided without looking at every cell
    label = next((position for position, cell in enumerate(row)
                  if isinstance(cell, str) and ("รวม" in cell or "otal" in cell)
                  and is_total_label(cell)), None)
    if label is None:
        return False
    for key in ("name", "activity", "target", "place"):
        position = columns.get(key)
        if position is not None and position != label and key not in raw.merged \
                and not is_blank(raw.values.get(key)):
            return False
    return True


def _own_name(raw: RawRow) -> str | None:
    """The row's project name in its own cell, unless it reads like a total: such
    a row, the common one, is neither a total row nor a continuation."""
    own = raw.values.get("name")
    if own.__class__ is str and "รวม" not in own and "otal" not in own \
            and "name" not in raw.merged and not is_blank(own):
        return own
    return None


def _continues(row: list[object], raw: RawRow, key: str, columns: dict[str, int]) -> bool:
    """True when the row's only own content is text in the continued column."""
    position = columns[key]
    for other in ("name", "budget"):  # the common case: a project of its own
        if other in columns and other not in raw.merged and not is_blank(raw.values[other]):
            return False
    if not isinstance(raw.values.get(key), str) or is_blank(raw.values.get(key)):
        return False
    for index, cell in enumerate(row):
        if index != position and not is_blank(cell):
            return False
    return True


#: Words of a signature block under a table: a cell holding one anywhere is
#: part of the block (ลงชื่อ ........ ผู้รายงาน) ...
_SIGNATURE_WORDS = ("ลงชื่อ", "ผู้รายงาน", "ผู้จัดทำ", "ผู้ตรวจสอบ", "ผู้เสนอ", "ผู้เห็นชอบ",
                    "ผู้อนุมัติ")
#: ... and words that start one of its lines or a note (not anywhere: a project
#: may well be about a ตำแหน่ง).
_NOTE_STARTS = ("ตำแหน่ง", "หมายเหตุ")
#: A name in parentheses under a signature, (นางสาวสมใจ ใจดี): letters, no digit.
_BRACKETED_NAME = re.compile(r"\(\s*[^()\d]*[^\W\d_][^()\d]*\)")
#: A blank to sign on: dots, underscores and ellipses only (at least five dots' worth).
_SIGNING_BLANK = re.compile(r"[._…\s]+")
#: Cheap test on a name cell before the full one (raw text: either sara am).
_NOTE_HINT = re.compile(
    "ลงชื่อ|ผู้(?:รายงาน|จัดท[\u0e33\u0e4d]|ตรวจสอบ|เสนอ|เห็นชอบ|อนุมัติ)"
    "|ต[\u0e33\u0e4d]แหน่ง|หมายเหตุ|^[\\s(._…]")


def _note_kind(text: str) -> str:
    """"words" for a cell of a signature block or a note, "blank" for a bracketed
    name or a blank to sign on, "" for anything else (*text* is clean)."""
    if any(word in text for word in _SIGNATURE_WORDS) or text.startswith(_NOTE_STARTS):
        return "words"
    if _BRACKETED_NAME.fullmatch(text) or (
            _SIGNING_BLANK.fullmatch(text)
            and len(text.replace("…", "...").replace(" ", "")) >= 5):
        return "blank"
    return ""


def _is_note(row: list[object], months: set[int]) -> bool:
    """A row of a signature block or a note: text only (no number, no month mark),
    in signature or note words, or only bracketed names and blanks to sign on.
    Whether it is under the last data row is the caller's business."""
    kinds = []
    for position, cell in enumerate(row):
        if cell.__class__ is not str:
            if is_blank(cell):
                continue
            return False  # a number, a date, a true/false: data
        if cell == "" or is_blank(cell):
            continue
        text = clean_text(cell)
        try:
            parse_amount(text)
            return False  # a figure typed as text is a number too
        except NotANumber:
            pass
        kind = _note_kind(text)
        if not kind and position in months and is_month_mark(text):
            return False
        kinds.append(kind)
    return bool(kinds) and ("words" in kinds or all(kinds))


def _note_text(row: list[object]) -> tuple[int, str]:
    """The position of a note row's first cell, and the row's text."""
    cells = [(position, clean_text(cell)) for position, cell in enumerate(row)
             if not is_blank(cell)]
    return cells[0][0], " ".join(text for _, text in cells)


def _read_department_sheet(submission: Submission, grid) -> None:
    """Pick the department name and fiscal year from the หน่วยงาน sheet, if any."""
    for index, row in enumerate(grid or []):
        if len(row) < 2:
            continue
        key = label_key(row[0])
        if key == label_key("หน่วยงาน") and not is_blank(row[1]):
            submission.department_name = clean_text(row[1])
        elif key in (label_key("ปีงบประมาณ"), label_key("ปีงบประมาณ (พ.ศ.)")) \
                and not is_blank(row[1]):
            submission.fiscal_year = (row[1], f"B{index + 1}")
