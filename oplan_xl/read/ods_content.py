"""An .ods's content.xml read for what calamine does not give: merges, formulas, fills.

calamine gives an .ods's values but not its merged ranges (the
``number-rows-spanned`` attributes), formulas (``table:formula``) or cell
styles (fills).  content.xml is parsed here once per workbook, with expat
callbacks rather than a tree: a sheet's tens of thousands of cells and
paragraphs need no Element each.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.parsers import expat

from oplan_xl.core.layout import RETURNED_FILLS

Position = tuple[int, int]  # 0-based (row, column)

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


def parse_ods(content: bytes, styles: bytes) -> dict[str, OdsSheet]:
    """Merges, formulas and fills of each table of content.xml, by table name
    (empty when content.xml is broken or a repeat count is not a number)."""
    try:
        return _parse_ods(content, styles)
    except (ET.ParseError, expat.ExpatError, ValueError):
        return {}


def _parse_ods(content: bytes, styles: bytes) -> dict[str, OdsSheet]:
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
