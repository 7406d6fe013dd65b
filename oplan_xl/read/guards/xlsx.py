"""An .xlsx sheet's extent: how far calamine's grid of the sheet would reach.

calamine allocates every cell of a sheet's grid, from A1 to the furthest cell
it reads, when the sheet is read: one value at XFD1048576 asks for half a
terabyte and aborts the whole process.  So the extent is worked out here from
the sheet's XML first, with byte searches, and ``check_extent`` refuses what
goes beyond the limits.

Mirrors python-calamine 0.9 (calamine 0.37): a cell without an ``r``
reference takes the next position in its row, and only a cell with content
(a child element) counts.  Checked against python-calamine 0.9.1 by
tests/test_fuzz.py (the extent is never under calamine's grid).
"""

from __future__ import annotations

import re

from oplan_xl.core import limits
from oplan_xl.core.cells import column_index
from oplan_xl.read.guards.refusal import UnreadableWorkbook, megabytes
from oplan_xl.read.guards.xml_parts import well_formed


def _column_number(letters: bytes) -> int:
    """b"A" → 1, b"CZ" → 104."""
    return column_index(letters) + 1


# A start tag's attributes, quoted either way ('>' may appear inside a value).
ATTRIBUTES = rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*"""
_PREFIX = rb"(?:[^\s<>/:=!?\"']+:)?"
# A cell tag with a namespace prefix (x:c).
_PREFIXED_CELL_TAG = re.compile(rb":c[\s/>]")
# The cell tag as Excel, LibreOffice, XlsxWriter and openpyxl write it: its row,
# and (for the few beyond column Z) its column letters.
_PLAIN_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
_REF = re.compile(rb"([A-Z]{1,3})([0-9]{1,7})")
# A plain cell followed by content (a child element), not by its end tag.
_FILLED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"' + ATTRIBUTES + rb"><(?!/)")


def xlsx_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) from A1 that calamine's grid of this sheet XML would span.

    The quick pass takes the largest reference of every cell tag — exact for
    files from Excel, LibreOffice and the usual libraries, and an upper bound
    (it counts formatted empty cells too).  Only when that bound is over the
    limits, or some cell has no plain ``r="A1"``, does the careful pass walk
    the tags the way calamine does: cells without a reference take the next
    position, and only a cell with content counts.
    """
    plain = xml.count(b"<c ")
    if not plain and b"<c" not in xml and b":c" not in xml:
        return 0, 0
    if not _unusual_cell_tags(xml, plain):
        rows = _PLAIN_ROW.findall(xml)
        if len(rows) == plain:  # every cell tag reads <c r="A1"…
            wide = _WIDE_COLUMN.findall(xml)  # only the references beyond column Z
            extent = (max(map(int, set(rows)), default=0),
                      max(map(_column_number, set(wide)), default=26 if rows else 0))
            if _within(*extent):
                return extent
            # Formatted empty cells may reach far: count only cells with content.
            cells = [(int(row), _column_number(col)) for col, row, _ in _FILLED_CELL.findall(xml)]
            return (max((row for row, _ in cells), default=0),
                    max((col for _, col in cells), default=0))
    if len(xml) > limits.MAX_UNUSUAL_SHEET_BYTES:
        raise UnreadableWorkbook(f"a sheet of {megabytes(len(xml))} whose cells are not "
                                 "written the way Excel writes them", "sheet-too-large")
    return _xlsx_extent_carefully(xml)


def _within(rows: int, cols: int) -> bool:
    return rows <= limits.MAX_ROWS and cols <= limits.MAX_COLUMNS \
        and rows * cols <= limits.MAX_SHEET_CELLS


def _unusual_cell_tags(xml: bytes, plain: int) -> bool:
    """True when some cell tag is not written ``<c …``: with a prefix, no
    attributes, or a tab or line break after its name (byte searches: a
    regex over every ``<`` of a large sheet is slow).  *plain* is the count
    of ``<c `` in *xml*: when every ``<c`` is one of those (no ``<cols>``
    either, as in most sheets), one count rules out the five other forms."""
    if xml.count(b"<c") != plain and (b"<c>" in xml or b"<c/" in xml or b"<c\t" in xml
                                      or b"<c\n" in xml or b"<c\r" in xml):
        return True
    return _PREFIXED_CELL_TAG.search(xml) is not None


def _count_cell_tags(xml: bytes) -> int:
    return (xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/") + xml.count(b"<c\t")
            + xml.count(b"<c\n") + xml.count(b"<c\r") + len(_PREFIXED_CELL_TAG.findall(xml)))


# The careful pass: the start and end tags of rows and cells.
_CAREFUL = re.compile(rb"<(/?)" + _PREFIX + rb"(row|c)(?=[\s/>])" + ATTRIBUTES + rb"(/?)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _xlsx_extent_carefully(xml: bytes) -> tuple[int, int]:
    """The extent of the cells with content, walking rows and cells the way
    calamine's reader does: a cell without a reference takes the next
    position, and only a cell with something inside counts.

    The sheet must be well-formed XML first, so
    that what follows a cell's start tag is either its end tag or its content.
    """
    well_formed(xml, "of a sheet")
    row = col = 0  # calamine's running position, 0-based
    rows = cols = 0  # 1-based extent of the cells with content
    find = xml.find
    for match in _CAREFUL.finditer(xml):
        closing, name, attributes, empty = match.groups()
        if name == b"c":
            if closing:
                continue
            ref = _attribute_r(attributes)
            if ref is None:
                cell_row, cell_col = row, col
            else:
                found = _REF.fullmatch(ref)
                if found is None:
                    raise UnreadableWorkbook(f"a cell reference {ref[:20]!r}")
                cell_row, cell_col = int(found.group(2)) - 1, _column_number(found.group(1)) - 1
            col = cell_col + 1
            if not empty:
                following = find(b"<", match.end())
                if following >= 0 and xml[following + 1:following + 2] != b"/":
                    rows, cols = max(rows, cell_row + 1), max(cols, cell_col + 1)
        elif closing:
            row, col = row + 1, 0
        else:
            ref = _attribute_r(attributes)
            if ref is not None:
                if not ref.isdigit():
                    raise UnreadableWorkbook(f"a row numbered {ref[:20]!r}")
                row = int(ref[:8]) - 1
            if empty:
                row, col = row + 1, 0
    return rows, cols


def _attribute_r(attributes: bytes) -> bytes | None:
    found = _R_ATTR.search(attributes)
    if found is None:
        return None
    return found.group(1) if found.group(1) is not None else found.group(2)


_AREA = re.compile(rb"""<""" + _PREFIX + rb"""(mergeCell|hyperlink)\b[^>]*?\sref\s*=\s*"""
                   rb"""["']\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?""")


def xlsx_object_cells(xml: bytes) -> int:
    """Cells openpyxl would make an object for when it loads this sheet XML:
    one per cell tag, plus one per cell of each merged range and hyperlink range."""
    count = _count_cell_tags(xml)
    for _, col1, row1, col2, row2 in _AREA.findall(xml):
        if col2:
            rows = abs(int(row2) - int(row1)) + 1
            cols = abs(_column_number(col2) - _column_number(col1)) + 1
            count += rows * cols
        else:
            count += 1
    return count


