"""The formulas and hidden columns of an .xlsx sheet, from its XML: calamine gives
cached values only.

Found with regular expressions, not a full parse: each formula element
(``<f>``, ``<x:f>``), the reference of the cell it is in, and the text of a
shared formula for the cells that refer to it by ``si``.  (.ods formulas come
from ``ods_content``; .xls formulas are not exposed by calamine.)
"""

from __future__ import annotations

import html
import re

from oplan_xl.core.cells import column_index

Position = tuple[int, int]  # 0-based (row, column)

_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_SHARED_INDEX = re.compile(rb'\bsi="(\d+)"')


def xlsx_formulas(xml: bytes) -> dict[Position, str]:
    """Formula text (with a leading ``=``) of each formula cell of an .xlsx sheet's XML."""
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


_COLUMN_SPEC = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_MIN = re.compile(rb'\bmin="(\d+)"')
_MAX = re.compile(rb'\bmax="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


def xlsx_hidden_columns(xml: bytes) -> set[int]:
    """0-based indexes of the columns an .xlsx sheet hides (``<col min max hidden="1">``)."""
    hidden: set[int] = set()
    for match in _COLUMN_SPEC.finditer(xml, 0, xml.find(b"sheetData") + 1 or len(xml)):
        attributes = match.group(1)
        first, last = _MIN.search(attributes), _MAX.search(attributes)
        if _HIDDEN.search(attributes) and first and last:
            # Bounded: a sheet has at most 16,384 columns.
            hidden.update(range(int(first.group(1)) - 1, min(int(last.group(1)), 16_384)))
    return hidden
