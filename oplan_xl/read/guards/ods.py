""".ods: how far each table's values reach, counting repeats without expanding them.

calamine expands every repeated cell that holds a value, and every row
between two with values, when an .ods is opened (python-calamine 0.9,
calamine 0.37): a row repeated a million times asks for gigabytes.  Checked
against python-calamine 0.9.1 by tests/test_fuzz.py (the extent is never under
calamine's grid).
"""

from __future__ import annotations

import html
import re

from oplan_xl.core.reasons import quoted, reason
from oplan_xl.read.guards.refusal import UnreadableWorkbook
from oplan_xl.read.guards.xlsx import ATTRIBUTES
from oplan_xl.read.guards.xml_parts import well_formed

# A table's or a row's start tag (attributes may hold '>' inside quotes).
_ODS_OPEN = re.compile(rb"<table:(table|table-row)(?=[\s/>])" + ATTRIBUTES + rb"(/?)>")
_ODS_ATTR = re.compile(rb"""(?:^|\s)([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COLUMNS_REPEATED = re.compile(
    rb"""number-columns-repeated\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_STARTS = (b"<table:table-cell", b"<table:covered-table-cell")
# Where a cell shows it holds something: a value, a formula, or content.
_ODS_FILLED = (b"office:value", b"table:formula", b"</table:table-cell>",
               b"</table:covered-table-cell>")


def ods_extents(content: bytes) -> dict[str, tuple[int, int]]:
    """(rows, columns) from A1 that each table of content.xml spans with values,
    counting repeated rows and cells without expanding them.

    calamine expands every repeated cell that holds a value, and every row
    between two with values, when the file is opened.  A cell counts when it
    has a value, a formula or any content; empty repeated cells and rows after
    the last value (LibreOffice writes a million of them) do not.  Each row is
    measured with byte searches up to its last filled cell, so a large
    LibreOffice sheet costs one step per row, not per cell.  For that to be
    exact the document must be well-formed XML with tables that hold rows and
    rows that hold no rows or tables: anything else is refused.
    """
    well_formed(content, "content.xml")
    events = [(m.start(), m.end(), m.group(1), m.group(2), m.group(3))
              for m in _ODS_OPEN.finditer(content)]
    events += [(m.start(), m.end(), b"/table", b"", b"")
               for m in re.finditer(rb"</table:table\s*>", content)]
    events += [(m.start(), m.end(), b"/table-row", b"", b"")
               for m in re.finditer(rb"</table:table-row\s*>", content)]
    events.sort()
    extents: dict[str, tuple[int, int]] = {}
    name, row = None, 0
    open_row: tuple[int, int] | None = None  # (where its cells start, its repeat)
    for start, end, kind, attributes, empty in events:
        if kind == b"table":
            if name is not None or empty:
                raise UnreadableWorkbook(reason("ods-table-in-table"))
            values = _ods_attributes(attributes)
            name = html.unescape(values.get(b"table:name", b"").decode("utf-8", "replace"))
            row = 0
            extents.setdefault(name, (0, 0))
        elif kind == b"/table":
            if name is None or open_row is not None:
                raise UnreadableWorkbook(reason("ods-table-end"))
            name = None
        elif kind == b"table-row":
            if name is None or open_row is not None:
                raise UnreadableWorkbook(reason("ods-row-outside"))
            repeat = 1 if b"rows-repeated" not in attributes else _count(
                _ods_attributes(attributes).get(b"table:number-rows-repeated", b"1"))
            if empty:
                row += repeat
            else:
                open_row = (end, repeat)
        else:  # </table:table-row>
            if open_row is None:
                raise UnreadableWorkbook(reason("ods-row-end"))
            width = _filled_width(content, open_row[0], start)
            if width:
                rows, cols = extents[name]
                extents[name] = (max(rows, row + open_row[1]), max(cols, width))
            row += open_row[1]
            open_row = None
    return extents


def _filled_width(content: bytes, start: int, end: int) -> int:
    """The column just after the last filled cell of the row whose cells are
    ``content[start:end]`` (0: none is filled).  Searched in place: a row is not
    copied, and its repeat counts are looked for only when it has some."""
    last = max(content.rfind(marker, start, end) for marker in _ODS_FILLED)
    if last < 0:
        return 0
    tags = sum(content.count(tag, start, last) for tag in _CELL_STARTS)
    if content.find(b"columns-repeated", start, last) < 0:
        return tags
    repeats = [_count(found.group(1) if found.group(1) is not None else found.group(2))
               for found in _COLUMNS_REPEATED.finditer(content, start, last)]
    return tags - len(repeats) + sum(repeats)


def _count(value: bytes) -> int:
    value = value.strip()
    if not value.isdigit():
        raise UnreadableWorkbook(reason("ods-repeat-count", value=quoted(value)))
    return int(value[:12])


def _ods_attributes(attributes: bytes) -> dict[bytes, bytes]:
    return {found.group(1): found.group(2) if found.group(2) is not None else found.group(3)
            for found in _ODS_ATTR.finditer(attributes)}


