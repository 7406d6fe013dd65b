"""What a sheet's values do not show: formulas and fill colours.

calamine gives cached values only.  The reader asks for more only where the
values leave a question open:

- **formulas** (.xlsx/.xlsm): the formula elements of the sheet's XML, found
  with regular expressions, not a full parse.  (.ods: ``table:formula``
  attributes, from ``ods_content``.)
- **fills** (.xlsx/.xlsm): openpyxl, read-only, and only when some row has no
  month marked by a value — a colour with no text may be the mark.
  (.ods: the cell styles of content.xml.)

.xls files get neither: calamine exposes neither formulas nor fills for the
binary format.  Their cached values are used; a month marked only by colour
in an .xls gets the no-month finding, whose message mentions colour.
"""

from __future__ import annotations

import html
import io
import re
import warnings

from oplan_xl.core.cells import column_index
from oplan_xl.core.layout import RETURNED_FILLS
from oplan_xl.read.ods_content import OdsSheet
from oplan_xl.read.workbook import ODS, XLSX, Workbook, openpyxl_can_open, sheet_parts

Position = tuple[int, int]  # 0-based (row, column)


def ods_sheet(workbook: Workbook, sheet: str) -> OdsSheet | None:
    """Merges, formulas and fills of one sheet of an .ods (None: content.xml unreadable)."""
    return workbook.ods_sheets.get(sheet)


# --- .xlsx / .xlsm -----------------------------------------------------------

_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_SHARED_INDEX = re.compile(rb'\bsi="(\d+)"')


def formulas(workbook: Workbook, sheet: str) -> dict[Position, str]:
    """Formula text (with a leading ``=``) of each formula cell of *sheet*."""
    if workbook.kind == XLSX:
        part = sheet_parts(workbook)[0].get(sheet)
        return _ooxml_formulas((workbook.part(part) if part else None) or b"")
    if workbook.kind == ODS:
        extras = ods_sheet(workbook, sheet)
        return extras.formulas if extras else {}
    return {}


def _ooxml_formulas(xml: bytes) -> dict[Position, str]:
    if b"<f" not in xml and b":f" not in xml:  # no formula element at all
        return {}
    found: dict[Position, str] = {}
    shared: dict[bytes, str] = {}
    for match in _FORMULA.finditer(xml):
        start = max(xml.rfind(b"<c ", 0, match.start()), xml.rfind(b":c ", 0, match.start()))
        ref = _CELL_REF.search(xml, start, match.start()) if start >= 0 else None
        if ref is None:
            continue
        text = html.unescape((match.group(2) or b"").decode("utf-8", "replace"))
        index = _SHARED_INDEX.search(match.group(1) or b"")
        if index and text:
            shared[index.group(1)] = text
        elif index:
            text = shared.get(index.group(1), "")
        found[(int(ref.group(2)) - 1, column_index(ref.group(1)))] = f"={text}"
    return found


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
        extras = ods_sheet(workbook, sheet)
        return {pos: colour for pos, colour in (extras.fills.items() if extras else ())
                if pos[0] in rows}
    return {}


def _ooxml_fills(workbook: Workbook, sheet: str, rows: set[int]) -> dict[Position, str]:
    from openpyxl import load_workbook

    found: dict[Position, str] = {}
    if not openpyxl_can_open(workbook):  # too big for openpyxl: months by marks only
        return found
    try:
        with warnings.catch_warnings():  # openpyxl's notes are no business of the user
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(workbook.data), read_only=True,
                                 data_only=True, keep_links=False)
        worksheet = book[sheet]
        first, last = min(rows), max(rows)
        for index, row in enumerate(worksheet.iter_rows(min_row=first + 1, max_row=last + 1),
                                    first):
            if index not in rows:
                continue
            for cell in row:
                colour = _ooxml_colour(getattr(cell, "fill", None))
                if colour and getattr(cell, "column", None):
                    found[(index, cell.column - 1)] = colour
    except Exception:  # a style part openpyxl cannot read: no fills known
        return found
    return found


def _ooxml_colour(fill) -> str | None:
    if fill is None or fill.patternType in (None, "none"):
        return None
    color = fill.fgColor if fill.patternType == "solid" else (fill.fgColor or fill.bgColor)
    if color is None:
        return None
    if color.type == "rgb":
        rgb = str(color.rgb).upper()
        if rgb.endswith("FFFFFF") or rgb == "00000000" or rgb in RETURNED_FILLS:
            return None
        return f"rgb:{rgb}"
    if color.type == "theme":
        if color.theme == 0 and not color.tint:
            return None  # the theme's background colour: white
        return f"theme:{color.theme}:{color.tint or 0}"
    if color.type == "indexed":
        return None if color.indexed in (9, 64, 65) else f"indexed:{color.indexed}"
    return None
