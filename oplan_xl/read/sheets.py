"""Which sheet holds which table, told by the whole of its header.

People rename the sheets (``โครงการ (2)``, ``Sheet1``), put the equipment sheet
first, copy a sheet, hide one.  A sheet's name is therefore only a preference;
what a table is comes from its header.  The project and equipment headers
share half their columns (แผนงาน, งบประมาณ, สถานที่, หน่วยงานรับผิดชอบ, the
months), so a header naming half of one kind's required columns may be the
other kind's: the kind is told by the columns only one kind has (โครงการ,
รายละเอียดของกิจกรรม, ยุทธศาสตร์ … against ประเภท, หมวด, เป้าหมาย).  A header
naming as many of one kind's own columns as of the other's is not guessed at
(``table-kind-unclear``); one naming none of either is read as its sheet's name
says, if it names a kind (its missing columns are then reported).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from oplan_xl.core.layout import EQUIPMENT_COLUMNS, EQUIPMENT_SHEET, PROJECT_SHEET, Column
from oplan_xl.core.model import to_arabic_digits
from oplan_xl.core.normalise import is_blank
from oplan_xl.read.header import HEADER_SCAN_ROWS, Header, find_header, shown_label
from oplan_xl.speed.text import label_key

PROJECTS = "projects"
EQUIPMENT = "equipment"
#: Each kind's standard sheet name and the word a renamed sheet keeps (โครงการ (2)).
SHEET_NAMES = {PROJECTS: PROJECT_SHEET, EQUIPMENT: EQUIPMENT_SHEET}
#: The kind as a finding's message names it.
KIND_WORDS = {PROJECTS: "โครงการ", EQUIPMENT: "ครุภัณฑ์"}


@dataclass
class SheetTable:
    """A sheet whose rows under a header look like a project or equipment table."""

    sheet: str
    #: PROJECTS, EQUIPMENT, or "" when the header does not say which.
    kind: str
    #: The header for *kind* (for "", the one found first: projects, else equipment).
    header: Header
    #: Which of the workbook's sheets it is (0 = the first tab).
    position: int
    hidden: bool
    #: Whether anything is written under the header in a column it names.
    has_rows: bool
    #: The labels only projects have, and only equipment has, that the header names.
    project_labels: list[str]
    equipment_labels: list[str]

    @property
    def standard_name(self) -> bool:
        return bool(self.kind) and label_key(self.sheet) == label_key(SHEET_NAMES[self.kind])


@lru_cache(maxsize=4)  # two column sets (แผนงาน or แนวทาง): the same answer every sheet
def own_columns(projects: tuple[Column, ...]) -> dict[str, dict[str, str]]:
    """Label key → column key, for the columns only projects have and only equipment has."""
    shared = {c.key for c in projects} & {c.key for c in EQUIPMENT_COLUMNS}
    project_keys = set().union(*(c.keys() for c in projects))
    equipment_keys = set().union(*(c.keys() for c in EQUIPMENT_COLUMNS))
    # แผนงาน is projects' group and equipment's programme: a shared label, not evidence.
    both = project_keys & equipment_keys
    return {
        PROJECTS: {_key(k): c.key for c in projects if c.key not in shared
                   for k in c.keys() if k not in both},
        EQUIPMENT: {_key(k): c.key for c in EQUIPMENT_COLUMNS if c.key not in shared
                    for k in c.keys() if k not in both},
    }


def _key(text: object) -> str:
    return to_arabic_digits(label_key(text))


def classify(sheet: str, grid: list[list[object]], projects: tuple[Column, ...],
             position: int, hidden: bool) -> SheetTable | None:
    """What table *grid* holds, if it has a project or equipment header at all."""
    by_kind = {PROJECTS: find_header(grid, projects),
               EQUIPMENT: find_header(grid, EQUIPMENT_COLUMNS)}
    found = [header for header in by_kind.values() if header is not None]
    if not found:
        return None
    rows = sorted({index for header in found for index in range(header.row, header.end + 1)})
    own = own_columns(projects)
    named = {kind: _named(grid, rows, own[kind]) for kind in own}
    counts = {kind: len({column for column, _ in named[kind]}) for kind in named}
    if counts[PROJECTS] != counts[EQUIPMENT]:
        kind = PROJECTS if counts[PROJECTS] > counts[EQUIPMENT] else EQUIPMENT
    elif not counts[PROJECTS]:
        # Only shared columns: read as the sheet's name says, when it names a kind;
        # the kind's own required columns are then missing-column, so nothing is planned.
        kind = _kind_by_name(sheet)
    else:
        kind = ""  # as many of each kind's own columns: not guessed at
    if kind and by_kind[kind] is None:
        kind = ""
    header = by_kind[kind] if kind else found[0]
    return SheetTable(sheet, kind, header, position, hidden, _has_rows(grid, header),
                      [label for _, label in named[PROJECTS]],
                      [label for _, label in named[EQUIPMENT]])


def _named(grid, rows: list[int], own: dict[str, str]) -> list[tuple[str, str]]:
    """(column key, label as shown) of each cell of the header *rows* naming one of *own*."""
    found = []
    for index in rows:
        for cell in grid[index]:
            if isinstance(cell, str) and not is_blank(cell):
                column = own.get(_key(cell))
                if column is not None:
                    found.append((column, shown_label(cell)))
    return found


def _kind_by_name(sheet: str) -> str:
    """The kind a sheet's name names (โครงการ, โครงการ (2), ครุภัณฑ์ปี68), or ""."""
    key = label_key(sheet)
    kinds = [kind for kind, name in SHEET_NAMES.items() if label_key(name) in key]
    return kinds[0] if len(kinds) == 1 else ""


def _has_rows(grid: list[list[object]], header: Header) -> bool:
    """Whether any row under the header has a value in a column the header names."""
    read = set(header.columns.values())
    for row in grid[header.end + 1:]:
        for position in read:
            if position < len(row) and not is_blank(row[position]):
                return True
    return False


def choose(tables: list[SheetTable], kind: str) -> tuple[SheetTable | None, list[SheetTable]]:
    """The table of *kind* to read, and the other tables of that kind that hold rows.

    A table with rows before an empty one (the template's empty sheet beside the
    one filled in), a visible sheet before a hidden one, the standard name before
    another, then the order of the tabs.
    """
    of_kind = sorted((t for t in tables if t.kind == kind),
                     key=lambda t: (not t.has_rows, t.hidden, not t.standard_name, t.position))
    if not of_kind:
        return None, []
    return of_kind[0], [t for t in of_kind[1:] if t.has_rows]


def best_candidate(grid: list[list[object]], columns: tuple[Column, ...]) -> int | None:
    """The row (0-based) most like a header when none was found: the one naming the
    most of *columns* (the equipment ones too), else the first with two values."""
    keys = {_key(k) for column in (*columns, *EQUIPMENT_COLUMNS) for k in column.keys()}
    best, best_score = None, 0
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        score = sum(1 for cell in row if isinstance(cell, str) and _key(cell) in keys)
        if score > best_score:
            best, best_score = index, score
    if best is not None:
        return best
    return next((index for index, row in enumerate(grid[:HEADER_SCAN_ROWS])
                 if sum(1 for cell in row if not is_blank(cell)) >= 2), None)
