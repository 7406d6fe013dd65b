"""What a person sees of a sheet, which its values do not tell: rows and columns
hidden, rows a filter hides, text struck through.

calamine gives values only.  For an .xlsx the sheet's XML and styles.xml are read
here with regular expressions (a 50,000-row sheet needs no Element per cell);
for an .xls, xlrd with formatting_info reads the BIFF ROW, COLINFO, FONT and XF
records, which would otherwise be a second hand-written BIFF walker; an .ods's
come from content.xml with its merges (``ods_content``).

Everything is kept as sets of 0-based row and column numbers and, for struck
text, one int per row whose bits are the struck columns: no object per cell.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from oplan_xl.core.cells import column_index

#: Bits of the columns beyond this are not kept (a sheet has at most 16,384).
_MAX_COLUMNS = 16_384


@dataclass
class Visibility:
    """Rows and columns hidden, rows filtered out and struck cells of one sheet."""

    hidden_rows: set[int] = field(default_factory=set)
    #: The hidden rows that an autofilter hides (a subset of ``hidden_rows``).
    filtered_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    #: Row → the columns whose text is struck through, as bits (column c is 1 << c).
    struck: dict[int, int] = field(default_factory=dict)


# --- .xlsx / .xlsm ----------------------------------------------------------------

_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ZERO_HEIGHT = re.compile(rb'\bht="(?:0+(?:\.0*)?|\.0+)"')
_AUTOFILTER = re.compile(rb'<(?:\w+:)?autoFilter\b[^>]*\bref="\$?([A-Z]{1,3})\$?(\d+)'
                         rb'(?::\$?[A-Z]{1,3}\$?(\d+))?"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*)>")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')


def xlsx_visibility(xml: bytes, styles: bytes | None, hidden_columns: set[int]) -> Visibility:
    """Hidden and filtered rows and struck cells of an .xlsx sheet's XML (its
    ``hidden_columns`` already read by ``formulas.xlsx_hidden_columns``)."""
    seen = Visibility(hidden_columns=hidden_columns)
    if b'hidden="' in xml or b' ht="0' in xml:  # rows are looked at only then
        seen.hidden_rows = _xlsx_hidden_rows(xml)
        found = _AUTOFILTER.search(xml, xml.rfind(b"sheetData") + 1)
        if found:  # the rows under the filter's header row that are hidden
            first = int(found.group(2))
            last = int(found.group(3) or first)
            seen.filtered_rows = {row for row in seen.hidden_rows if first <= row < last}
    struck = _xlsx_struck_styles(styles) if styles else set()
    if struck:
        seen.struck = _xlsx_struck_cells(xml, struck)
    return seen


def _xlsx_hidden_rows(xml: bytes) -> set[int]:
    """Rows whose ``<row>`` is hidden or zero high: found from each ``hidden="`` and
    ``ht="0`` (a sheet's rows are counted one by one only when such a row does not
    give its number)."""
    hidden: set[int] = set()
    for needle in (b'hidden="', b' ht="0'):
        position = xml.find(needle)
        while position >= 0:
            tag = _ROW.match(xml, xml.rfind(b"<", 0, position))
            if tag is not None and _hidden_row(tag.group(1)):
                number = _ROW_NUMBER.search(tag.group(1))
                if number is None:  # r is optional: count the rows
                    return _counted_hidden_rows(xml)
                hidden.add(int(number.group(1)) - 1)
            position = xml.find(needle, position + len(needle))
    return hidden


def _hidden_row(attributes: bytes) -> bool:
    return _HIDDEN.search(attributes) is not None or _ZERO_HEIGHT.search(attributes) is not None


def _counted_hidden_rows(xml: bytes) -> set[int]:
    hidden: set[int] = set()
    row = -1
    for match in _ROW.finditer(xml):
        attributes = match.group(1)
        number = _ROW_NUMBER.search(attributes)
        row = int(number.group(1)) - 1 if number else row + 1
        if _hidden_row(attributes):
            hidden.add(row)
    return hidden


_FONTS = "fonts"
_CELL_XFS = "cellXfs"


def _xlsx_struck_styles(styles: bytes) -> set[int]:
    """Indexes of the cell formats (``<c s="…">``) whose font is struck through."""
    try:
        root = ET.fromstring(styles)
    except ET.ParseError:
        return set()
    fonts: list[bool] = []
    formats: list[int] = []
    for part in root:
        name = part.tag.rpartition("}")[2]
        if name == _FONTS:
            fonts = [_struck_font(font) for font in part]
        elif name == _CELL_XFS:
            formats = [int(xf.get("fontId") or 0) for xf in part]
    return {index for index, font in enumerate(formats) if font < len(fonts) and fonts[font]}


def _struck_font(font: ET.Element) -> bool:
    for child in font:
        if child.tag.rpartition("}")[2] == "strike":
            return child.get("val", "1").lower() not in ("0", "false")
    return False


def _xlsx_struck_cells(xml: bytes, struck: set[int]) -> dict[int, int]:
    """Row → bits of the columns whose cell has a struck format: found from each
    `` s="…"`` of a struck format, not by walking every cell."""
    cells: dict[int, int] = {}
    for index in struck:
        needle = b' s="%d"' % index
        position = xml.find(needle)
        while position >= 0:
            tag = _CELL.match(xml, xml.rfind(b"<", 0, position))
            ref = _CELL_REF.search(tag.group(1)) if tag is not None else None
            if ref is not None:  # a cell without its address has no position to report
                row, col = int(ref.group(2)) - 1, column_index(ref.group(1))
                if col < _MAX_COLUMNS:
                    cells[row] = cells.get(row, 0) | 1 << col
            position = xml.find(needle, position + len(needle))
    return cells


# --- .xls --------------------------------------------------------------------------


def open_xls(data: bytes):
    """An .xls opened by xlrd for its formats, its sheets loaded one at a time
    (``xls_visibility``); None when xlrd cannot read them: calamine, which read the
    values, is the reader, and this only what it cannot tell."""
    import xlrd

    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  ragged_rows=True, logfile=io.StringIO())
    except Exception:  # xlrd raises many kinds for a file calamine could read
        return None


def xls_visibility(book, sheet: str) -> Visibility:
    """Hidden rows and columns, filtered rows and struck cells of an .xls sheet, from
    the xlrd book of ``open_xls`` (nothing known without one)."""
    if book is None:
        return Visibility()
    try:
        index = book.sheet_names().index(sheet)
        values = book.sheet_by_index(index)
        seen = Visibility(
            hidden_rows={row for row, info in values.rowinfo_map.items() if info.hidden},
            hidden_columns={col for col, info in values.colinfo_map.items() if info.hidden})
        seen.filtered_rows = seen.hidden_rows & _xls_filter_rows(book, index)
        struck = {number for number, xf in enumerate(book.xf_list)
                  if xf.font_index < len(book.font_list)
                  and book.font_list[xf.font_index].struck_out}
        if struck:
            seen.struck = _xls_struck_cells(values, struck)
        book.unload_sheet(index)  # its cells are calamine's to give
        return seen
    except Exception:  # as in open_xls
        return Visibility()


def _xls_filter_rows(book, index: int) -> set[int]:
    """The rows under the header row of the sheet's autofilter: the range of its
    built-in ``_FilterDatabase`` name."""
    for name in book.name_obj_list:
        if name.name != "_FilterDatabase" or name.scope != index or name.result is None:
            continue
        for ref in name.result.value or ():
            _, _, first_row, last_row, _, _ = ref.coords
            return set(range(first_row + 1, last_row))
    return set()


def _xls_struck_cells(values, struck: set[int]) -> dict[int, int]:
    cells: dict[int, int] = {}
    for row in range(values.nrows):
        bits = 0
        for col in range(min(values.row_len(row), _MAX_COLUMNS)):
            if values.cell_xf_index(row, col) in struck:
                bits |= 1 << col
        if bits:
            cells[row] = bits
    return cells


# --- .ods ---------------------------------------------------------------------------


def ods_visibility(sheet, rows: int, cols: int) -> Visibility:
    """An ``ods_content.OdsSheet``'s hidden rows and columns, within the *rows* ×
    *cols* of its values, and its struck cells."""
    return Visibility(hidden_rows=_clipped(sheet.hidden_rows, rows),
                      filtered_rows=_clipped(sheet.filtered_rows, rows),
                      hidden_columns=_clipped(sheet.hidden_columns, cols),
                      struck=sheet.struck)


def _clipped(ranges: list[tuple[int, int]], limit: int) -> set[int]:
    """The numbers of (first, count) ranges below *limit*: an .ods repeats a hidden
    row or column a million times to the end of the sheet."""
    return {number for first, count in ranges for number in range(first, min(first + count,
                                                                             limit))}
