"""Fill colours, which a sheet's values do not show: a month may be marked by
colour alone, or a shaded bar hold a ✓ in only some of its cells (``months``).

.xlsx/.xlsm: the sheet's XML and its styles part.  .ods: the cell styles of
content.xml (``ods_content``).  .xls: none, calamine does not expose them; what
only colour shows in an .xls gets a finding (no-month, month-colour-unknown),
whose message mentions colour.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from oplan_xl.core import limits
from oplan_xl.core.cells import column_index
from oplan_xl.core.layout import RETURNED_FILLS
from oplan_xl.read.workbook import ODS, XLSX, Workbook

Position = tuple[int, int]  # 0-based (row, column)


def fills(workbook: Workbook, sheet: str, rows: set[int]) -> dict[Position, str]:
    """Fill colour of the cells of *rows* (0-based) that have one.

    Colours are keys such as ``rgb:FFFF0000`` or ``theme:5:0.4``; no fill,
    white, and the colours our returned copies use are left out.
    """
    if not rows:
        return {}
    if workbook.kind == XLSX:
        return _ooxml_fills(workbook, sheet, rows)
    if workbook.kind == ODS:
        extras = workbook.ods_sheets.get(sheet)
        return {pos: colour for pos, colour in (extras.fills.items() if extras else ())
                if pos[0] in rows}
    return {}


def _ooxml_fills(workbook: Workbook, sheet: str, rows: set[int]) -> dict[Position, str]:
    """Fill colours from the sheet's XML and the styles part: each ``<c>``'s
    style index (``s``) → its cell format's fill.  Read with regular expressions
    and one small parse of the styles part, a few milliseconds for a
    department's sheet (openpyxl took forty), so colours can be asked for on
    every table with month columns."""
    found: dict[Position, str] = {}
    checked = workbook.parts_checked
    if checked is None or checked.unpacked > limits.MAX_OPENPYXL_BYTES:
        return found  # a workbook too large to hold twice: months by values alone
    part = workbook.sheet_parts[0].get(sheet)
    xml = workbook.part(part) if part else None
    styles = _style_colours(workbook.part("xl/styles.xml")) if xml else {}
    if not styles:
        return found
    last = max(rows)
    row, column, wanted = -1, -1, False
    columns: dict[bytes, int] = {}  # column letters → index, worked out once
    for match in _TAG.finditer(xml):
        attributes = match.group(2)
        if match.group(1) == b"row":
            number = _ROW_NUMBER.search(attributes)
            row, column = (int(number.group(1)) - 1 if number else row + 1), -1
            if row > last:
                break
            wanted = row in rows
            continue
        if not wanted:
            continue
        ref = _CELL_REF.search(attributes)
        if ref:
            letters = ref.group(1)
            column = columns.get(letters)
            if column is None:
                column = columns[letters] = column_index(letters)
        else:
            column += 1
        style = _STYLE.search(attributes)
        colour = styles.get(int(style.group(1))) if style else None
        if colour:
            found[(row, column)] = colour
    return found


_TAG = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*?)/?>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})\d+"')
_STYLE = re.compile(rb'\bs="(\d+)"')


def _style_colours(data: bytes | None) -> dict[int, str]:
    """Cell format index (``cellXfs``) → the colour of its fill, where it has one.
    (The guards refused any DTD in the parts before this parse.)"""
    if not data:
        return {}
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return {}
    fills: list[str | None] = []
    formats: list[int] = []
    for element in root:
        name = element.tag.rsplit("}", 1)[-1]
        if name == "fills":
            fills = [_fill_colour(fill) for fill in element]
        elif name == "cellXfs":
            formats = [int(xf.get("fillId") or 0) for xf in element]
    return {index: colour for index, fill_id in enumerate(formats)
            if fill_id < len(fills) and (colour := fills[fill_id])}


def _fill_colour(fill) -> str | None:
    pattern = next((child for child in fill if child.tag.endswith("patternFill")), None)
    if pattern is None or pattern.get("patternType") in (None, "none"):
        return None
    colour = next((child for child in pattern if child.tag.endswith("fgColor")), None)
    return None if colour is None else _colour_key(colour.attrib)


def _colour_key(colour) -> str | None:
    """A colour as a key (``rgb:FFFF0000``, ``theme:5:0.4``, ``indexed:13``); None for
    white, none, automatic and the colours our returned copies use."""
    if colour.get("rgb"):
        rgb = colour["rgb"].upper().rjust(8, "0")
        if rgb.endswith("FFFFFF") or rgb == "00000000" or rgb in RETURNED_FILLS:
            return None
        return f"rgb:{rgb}"
    if colour.get("theme"):
        theme, tint = colour["theme"], float(colour.get("tint") or 0)
        if theme == "0" and not tint:
            return None  # the theme's background colour: white
        return f"theme:{theme}:{tint or 0}"
    if colour.get("indexed"):
        return None if colour["indexed"] in ("9", "64", "65") else f"indexed:{colour['indexed']}"
    return None
