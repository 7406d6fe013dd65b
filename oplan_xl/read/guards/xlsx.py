"""An .xlsx sheet's extent: how far calamine's grid of the sheet would reach.

calamine allocates every cell of a sheet's grid, from A1 to the furthest cell
it reads, when the sheet is read: one value at XFD1048576 asks for half a
terabyte and aborts the whole process.  So the extent is worked out here from
the sheet's XML first, with byte searches, and ``check_extent`` refuses what
goes beyond the limits.  The XML is unpacked and searched a megabyte at a
time: a sheet of 200,000 rows (50 MB of XML, shared strings, no
``<dimension>``) is refused in under 100 MB, where holding it and every cell
reference found in it took 570 MB.

Mirrors python-calamine 0.9 (calamine 0.37): a cell without an ``r``
reference takes the next position in its row, and only a cell with content
(a child element) counts.  Checked against python-calamine 0.9.1 by
tests/test_fuzz.py (the extent is never under calamine's grid).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from oplan_xl.core import limits
from oplan_xl.core.cells import column_index
from oplan_xl.core.reasons import quoted, reason
from oplan_xl.read.guards.refusal import UnreadableWorkbook, megabytes
from oplan_xl.read.guards.xml_parts import well_formed


def _column_number(letters: bytes) -> int:
    """b"A" → 1, b"CZ" → 104."""
    return column_index(letters) + 1


# A start tag's attributes, quoted either way ('>' may appear inside a value).
_ATTRIBUTE_LIST = rb"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*"""
ATTRIBUTES = rb"(" + _ATTRIBUTE_LIST + rb")\s*"
_PREFIX = rb"(?:[^\s<>/:=!?\"']+:)?"
# A cell tag with a namespace prefix (x:c).
_PREFIXED_CELL_TAG = re.compile(rb":c[\s/>]")
# The cell tag as Excel, LibreOffice, XlsxWriter and openpyxl write it: its row,
# and (for the few beyond column Z) its column letters.
_PLAIN_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
_REF = re.compile(rb"([A-Z]{1,3})([0-9]{1,7})")
# A plain cell that may hold something: not an empty tag, nor an end tag after
# nothing but spaces.  Its row; and its column letters, when beyond column Z.
_MAY_HOLD = rb"(?!" + _ATTRIBUTE_LIST + rb"\s*(?:/>|>\s*</c>))"
_HOLDING_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"' + _MAY_HOLD)
_HOLDING_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[0-9]{1,7}"' + _MAY_HOLD)
#: Bytes of the longest thing _MAY_HOLD looks at past the end of a piece (``</c>``).
_LOOKAHEAD = 4

#: A sheet's XML is unpacked and scanned this many bytes at a time, so that a
#: sheet too large to read is refused without ever being held in memory whole.
CHUNK_BYTES = limits.MB
#: Bytes between two ``<`` (text, or a tag) beyond which a sheet is refused: a
#: cell holds at most 32,767 characters, about 100 kB once written.
MAX_RUN_BYTES = 4 * limits.MB


def xlsx_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) from A1 that calamine's grid of this sheet XML would span."""
    return sheet_extent(lambda: iter((xml,)), len(xml), lambda: xml)


def sheet_extent(chunks: Callable[[], Iterable[bytes]], size: int,
                 whole: Callable[[], bytes]) -> tuple[int, int]:
    """(rows, columns) from A1 that calamine's grid of a sheet would span, from
    its XML read as *chunks* (called once or twice; *size* bytes in all) —
    *whole* gives it in one piece, asked for only for an unusual sheet of at
    most limits.MAX_UNUSUAL_SHEET_BYTES.

    The quick pass takes the largest reference of every cell tag — exact for
    files from Excel, LibreOffice and the usual libraries, and an upper bound
    (it counts formatted empty cells too).  When that bound is over the limits,
    a second pass leaves out the cells that certainly hold nothing.  When some
    cell has no plain ``r="A1"``, the careful pass walks the tags the way
    calamine does: cells without a reference take the next position, and only
    a cell with content counts.
    """
    scan = _Scan()
    for piece, end in _pieces(chunks()):
        scan.add(piece, end)
    if not scan.plain and not scan.any_cell:
        return 0, 0
    if not scan.unusual and scan.plain_refs == scan.plain:  # every cell tag reads <c r="A1"…
        if _within(scan.rows, scan.cols):
            return scan.rows, scan.cols
        # Formatted empty cells may reach far: leave out those that hold nothing
        # (columns A to Z still count as Z, as above: all the limits allow that).
        rows = cols = 0
        for piece, end in _pieces(chunks()):
            holding = _HOLDING_ROW.findall(piece, 0, end + _LOOKAHEAD)
            if holding:
                wide = _HOLDING_WIDE_COLUMN.findall(piece, 0, end + _LOOKAHEAD)
                rows = max(rows, max(map(int, set(holding))))
                cols = max(cols, max(map(_column_number, set(wide)), default=26))
        return rows, cols
    if size > limits.MAX_UNUSUAL_SHEET_BYTES:
        raise UnreadableWorkbook(reason("sheet-written-oddly", megabytes=megabytes(size)),
                                 "sheet-too-large")
    return _xlsx_extent_carefully(whole())


def _pieces(chunks: Iterable[bytes]) -> Iterator[tuple[bytes, int]]:
    """The XML as (piece, end) pairs: scanned up to *end*, each piece stops just
    before a ``<``, so that no cell tag's name and reference is cut in two (a
    scan may look _LOOKAHEAD bytes further).  What follows *end* starts the next
    piece."""
    carry = b""
    for chunk in chunks:
        piece = carry + chunk if carry else chunk
        end = piece.rfind(b"<", 0, len(piece) - _LOOKAHEAD + 1)
        if end <= 0:  # no tag starts in what came: keep it for the next piece
            if len(piece) > MAX_RUN_BYTES:
                raise UnreadableWorkbook(reason("sheet-without-tag",
                                                megabytes=megabytes(len(piece))),
                                         "sheet-too-large")
            carry = piece
            continue
        yield piece, end
        carry = piece[end:]
    if carry:
        yield carry, len(carry)


class _Scan:
    """What the quick pass learns of a sheet's XML, piece by piece."""

    def __init__(self) -> None:
        self.plain = 0  # cell tags written "<c "
        self.plain_refs = 0  # of those, the ones that begin <c r="A1"
        self.any_cell = False  # any "<c" or ":c" at all
        self.unusual = False  # a cell tag written otherwise: <c>, <c/, x:c …
        self.rows = self.cols = 0

    def add(self, piece: bytes, end: int) -> None:
        plain = piece.count(b"<c ", 0, end)
        self.plain += plain
        self.any_cell = self.any_cell or piece.find(b"<c", 0, end) >= 0 \
            or piece.find(b":c", 0, end) >= 0
        self.unusual = self.unusual or _unusual_cell_tags(piece, end, plain)
        rows = _PLAIN_ROW.findall(piece, 0, end)
        if rows:
            self.plain_refs += len(rows)
            wide = _WIDE_COLUMN.findall(piece, 0, end)  # only the references beyond column Z
            self.rows = max(self.rows, max(map(int, set(rows))))
            self.cols = max(self.cols, max(map(_column_number, set(wide)), default=26))


def _within(rows: int, cols: int) -> bool:
    return rows <= limits.MAX_ROWS and cols <= limits.MAX_COLUMNS \
        and rows * cols <= limits.MAX_SHEET_CELLS


def _unusual_cell_tags(xml: bytes, end: int, plain: int) -> bool:
    """True when some cell tag in ``xml[:end]`` is not written ``<c …``: with a
    prefix, no attributes, or a tab or line break after its name (byte
    searches: a regex over every ``<`` of a large sheet is slow).  *plain* is
    the count of ``<c `` there: when every ``<c`` is one of those (no ``<cols>``
    either, as in most sheets), one count rules out the five other forms."""
    if xml.count(b"<c", 0, end) != plain and any(
            xml.find(form, 0, end) >= 0 for form in (b"<c>", b"<c/", b"<c\t", b"<c\n", b"<c\r")):
        return True
    return _PREFIXED_CELL_TAG.search(xml, 0, end) is not None


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
    well_formed(xml)
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
                    raise UnreadableWorkbook(reason("cell-reference", value=quoted(ref)))
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
                    raise UnreadableWorkbook(reason("row-number", value=quoted(ref)))
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


