"""What a sheet's values do not show: formulas, fill colours, and (for .ods) merges.

calamine gives cached values only.  The reader asks for more only where the
values leave a question open, so the common file costs nothing extra:

- **formulas** (.xlsx/.xlsm): a byte search of the sheet's XML for ``<f``;
  only when there is one are the formula cells located, with regular
  expressions, not a full parse.  (.ods: ``table:formula`` attributes.)
- **fills** (.xlsx/.xlsm): openpyxl, read-only, and only when some row has no
  month marked by a value — a colour with no text may be the mark.
  (.ods: the cell styles of content.xml.)
- **merges** (.ods only; calamine has them for .xlsx and .xls): the
  ``number-rows-spanned`` attributes of content.xml.

.xls files get none of these: calamine exposes neither formulas nor fills
for the binary format.  Their cached values are used; a month marked only by
colour in an .xls gets the no-month finding, whose message mentions colour.
"""

from __future__ import annotations

import html
import io
import re
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.parsers import expat

from oplan_xl.core.layout import RETURNED_FILLS
from oplan_xl.read.workbook import ODS, XLSX, Workbook, may_hold_formulas, openpyxl_can_open

Position = tuple[int, int]  # 0-based (row, column)

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# --- .xlsx / .xlsm -----------------------------------------------------------


def ooxml_sheet_xml(workbook: Workbook, sheet: str) -> bytes | None:
    """The XML part of an .xlsx sheet, found through workbook.xml and its rels."""
    name = ooxml_sheet_part(workbook, sheet)
    return workbook.part(name) if name else None


def ooxml_sheet_part(workbook: Workbook, sheet: str) -> str | None:
    """The name of an .xlsx sheet's XML part (None if the workbook names none)."""
    parts = workbook.cache.get("sheet-parts")
    if parts is None:
        parts = _ooxml_sheet_parts(workbook)
        workbook.cache["sheet-parts"] = parts
    return parts.get(sheet) or None


def _ooxml_sheet_parts(workbook: Workbook) -> dict[str, str]:
    book, rels = workbook.part("xl/workbook.xml"), workbook.part("xl/_rels/workbook.xml.rels")
    if not book or not rels:
        return {}
    try:
        targets = {}
        for rel in ET.fromstring(rels):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel.get("Id")] = target
        parts = {}
        for element in ET.fromstring(book).iter():
            if element.tag.endswith("}sheet"):
                parts[element.get("name")] = targets.get(element.get(f"{{{_REL_NS}}}id"), "")
        return parts
    except ET.ParseError:
        return {}


_F_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_SHARED_INDEX = re.compile(rb'\bsi="(\d+)"')


def formulas(workbook: Workbook, sheet: str) -> dict[Position, str]:
    """Formula text (with a leading ``=``) of each formula cell of *sheet*."""
    key = f"formulas:{sheet}"
    if key not in workbook.cache:
        if workbook.kind == XLSX:
            part = ooxml_sheet_part(workbook, sheet)
            if part and workbook.cache.get(f"formula-free:{part}"):  # seen when measured
                workbook.cache[key] = {}
            else:
                workbook.cache[key] = _ooxml_formulas((workbook.part(part) if part else None)
                                                     or b"")
        elif workbook.kind == ODS:
            extras = ods_sheet(workbook, sheet) if b"table:formula" in (
                workbook.part("content.xml") or b"") else None
            workbook.cache[key] = extras.formulas if extras else {}
        else:
            workbook.cache[key] = {}
    return workbook.cache[key]


def _ooxml_formulas(xml: bytes) -> dict[Position, str]:
    # Plain byte searches first: most sheets have no formula at all.
    if not may_hold_formulas(xml) or not _F_TAG.search(xml):
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
        found[(int(ref.group(2)) - 1, _column_index(ref.group(1).decode()))] = f"={text}"
    return found


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


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
        extras = ods_sheet(workbook, sheet, fills=True)
        return {pos: colour for pos, colour in (extras.fills.items() if extras else ())
                if pos[0] in rows}
    return {}


def _ooxml_fills(workbook: Workbook, sheet: str, rows: set[int]) -> dict[Position, str]:
    from openpyxl import load_workbook

    found: dict[Position, str] = {}
    if not openpyxl_can_open(workbook):  # too big for openpyxl: months by marks only
        return found
    try:
        book = workbook.cache.get("openpyxl")
        if book is None:  # opened once per file, even when both tables need fills
            with warnings.catch_warnings():  # openpyxl's notes are no business of the user
                warnings.simplefilter("ignore")
                book = load_workbook(io.BytesIO(workbook.data), read_only=True,
                                     data_only=True, keep_links=False)
            workbook.cache["openpyxl"] = book
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


# --- .ods --------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#: Repeated cells beyond this many are empty padding: not expanded for fills.
_MAX_EXPANDED = 5000


@dataclass
class OdsSheet:
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas: dict[Position, str] = field(default_factory=dict)
    fills: dict[Position, str] = field(default_factory=dict)


#: What content.xml says when some cell is merged or holds a formula (any prefix).
_ODS_SPAN, _ODS_FORMULA = b"-spanned=", b":formula="


def ods_sheet(workbook: Workbook, sheet: str, fills: bool = False) -> OdsSheet | None:
    """Merges, formulas and (with *fills*) fills of one sheet of an .ods.

    content.xml is parsed once, and only when needed: a file with no merged cell
    and no formula has nothing to say about merges and formulas, and its fills
    are asked for only when some row has no month marked by value.
    """
    sheets = workbook.cache.get("ods")
    if sheets is None and not fills:
        plain = workbook.cache.get("ods-plain")
        if plain is None:  # two byte searches, once per file
            content = workbook.part("content.xml") or b""
            plain = _ODS_SPAN not in content and _ODS_FORMULA not in content
            workbook.cache["ods-plain"] = plain
        if plain:
            return OdsSheet()
    if sheets is None:
        try:
            sheets = _parse_ods(workbook.part("content.xml") or b"",
                                workbook.part("styles.xml") or b"")
        except (ET.ParseError, expat.ExpatError, ValueError):
            sheets = {}  # broken XML, or a repeat count that is not a number
        workbook.cache["ods"] = sheets
    return sheets.get(sheet)


def _parse_ods(content: bytes, styles: bytes) -> dict[str, OdsSheet]:
    # expat callbacks, not ElementTree.iterparse: no Element is built for the
    # tens of thousands of cells and paragraphs of a sheet (0.06 s a file -> 0.02 s).
    backgrounds: dict[str, str] = {}
    if styles:
        for element in ET.fromstring(styles).iter(f"{{{_STYLE}}}style"):
            _ods_background(element, backgrounds)
    table, style_ns = f"{_TABLE}}}", f"{_STYLE}}}"
    name, columns_repeated, rows_repeated = (table + "name", table + "number-columns-repeated",
                                             table + "number-rows-repeated")
    default_style, style_name = table + "default-cell-style-name", table + "style-name"
    rows_spanned, columns_spanned = table + "number-rows-spanned", table + "number-columns-spanned"
    formula_name = table + "formula"
    cell_tags = {table + "table-cell", table + "covered-table-cell"}
    sheets: dict[str, OdsSheet] = {}
    state = {"current": None, "row": 0, "col": 0, "row_repeat": 1, "row_style": "",
             "style": None}
    column_styles: list[tuple[int, str]] = []  # (repeat, default cell style)

    def start(tag: str, attributes: dict[str, str]) -> None:
        current = state["current"]
        if tag in cell_tags:
            if current is None:
                return
            row, col = state["row"], state["col"]
            repeat = int(attributes.get(columns_repeated, 1))
            spanned_rows = int(attributes.get(rows_spanned, 1))
            spanned_cols = int(attributes.get(columns_spanned, 1))
            if spanned_rows > 1 or spanned_cols > 1:
                current.merges.append((row, col, row + spanned_rows - 1,
                                       col + spanned_cols - 1))
            formula = attributes.get(formula_name)
            if formula:
                current.formulas[(row, col)] = _ods_formula(formula)
            style = (attributes.get(style_name) or state["row_style"]
                     or _column_style(column_styles, col))
            colour = backgrounds.get(style)
            row_repeat = state["row_repeat"]
            if colour and repeat * row_repeat <= _MAX_EXPANDED:
                for r in range(row, row + row_repeat):
                    for c in range(col, col + repeat):
                        current.fills[(r, c)] = colour
            state["col"] = col + repeat
        elif tag == table + "table-row":
            state["col"] = 0
            state["row_repeat"] = int(attributes.get(rows_repeated, 1))
            state["row_style"] = attributes.get(default_style, "")
        elif tag == table + "table-column":
            column_styles.append((int(attributes.get(columns_repeated, 1)),
                                  attributes.get(default_style, "")))
        elif tag == table + "table":
            state["current"] = sheets.setdefault(attributes.get(name, ""), OdsSheet())
            state["row"] = 0
            column_styles.clear()
        elif tag == style_ns + "style":
            # Automatic styles come before the tables in content.xml.
            state["style"] = ET.Element(f"{{{_STYLE}}}style", _clark(attributes))
        elif tag == style_ns + "table-cell-properties" and state["style"] is not None:
            ET.SubElement(state["style"], f"{{{_STYLE}}}table-cell-properties",
                          _clark(attributes))

    def end(tag: str) -> None:
        if tag == table + "table-row":
            state["row"] += state["row_repeat"]
        elif tag == table + "table":
            state["current"] = None
        elif tag == style_ns + "style" and state["style"] is not None:
            _ods_background(state["style"], backgrounds)
            state["style"] = None

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(content, True)
    return sheets


def _clark(attributes: dict[str, str]) -> dict[str, str]:
    """expat's ``uri}local`` attribute names as ElementTree's ``{uri}local``."""
    return {f"{{{key}" if "}" in key else key: value for key, value in attributes.items()}


def _ods_formula(formula: str) -> str:
    """``of:=[.E5]*2`` → ``=E5*2``: shown the way Excel users write it."""
    def reference(match: re.Match) -> str:
        parts = []
        for part in match.group(1).split(":"):
            sheet, _, cell = part.lstrip("$").rpartition(".")
            parts.append(f"{sheet.lstrip('$')}!{cell}" if sheet else cell)
        return ":".join(parts)

    text = re.sub(r"^\w+:=", "", formula)
    return "=" + re.sub(r"\[([^\]]*)\]", reference, text)


def _column_style(column_styles: list[tuple[int, str]], col: int) -> str:
    position = 0
    for repeat, style in column_styles:
        position += repeat
        if col < position:
            return style
    return ""


def _ods_background(element, backgrounds: dict[str, str]) -> None:
    """Record a cell style's background colour (its own, or its parent's)."""
    if element.get(f"{{{_STYLE}}}family") != "table-cell":
        return
    name = element.get(f"{{{_STYLE}}}name", "")
    props = element.find(f"{{{_STYLE}}}table-cell-properties")
    colour = props.get(f"{{{_FO}}}background-color") if props is not None else None
    if colour is None:
        parent = backgrounds.get(element.get(f"{{{_STYLE}}}parent-style-name", ""))
        if parent:
            backgrounds[name] = parent
    elif colour.lower() not in ("transparent", "#ffffff") and \
            f"FF{colour.lstrip('#').upper()}" not in RETURNED_FILLS:
        backgrounds[name] = f"rgb:{colour.lower()}"
