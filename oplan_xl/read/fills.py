"""Fill colours, which a sheet's values do not show: asked for only when some
row has no month marked by a value (a colour with no text may be the mark).

.xlsx/.xlsm: openpyxl, read-only.  .ods: the cell styles of content.xml
(``ods_content``).  .xls: none, calamine does not expose them; a month marked
only by colour in an .xls gets the no-month finding, whose message mentions
colour.
"""

from __future__ import annotations

import io
import warnings

from oplan_xl.core.layout import RETURNED_FILLS
from oplan_xl.read.workbook import ODS, XLSX, Workbook, openpyxl_can_open

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
