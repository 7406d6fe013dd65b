"""An .ods's content.xml read for what calamine does not give: merges, formulas,
fills, hidden rows and columns, struck-through text.

calamine gives an .ods's values but not its merged ranges (the
``number-rows-spanned`` attributes), formulas (``table:formula``), cell
styles (fills, ``text-line-through-style``) or ``table:visibility`` (a row or
column hidden, ``collapse``, or filtered out, ``filter``).  content.xml is
parsed here once per workbook, with expat callbacks rather than a tree: a
sheet's tens of thousands of cells and paragraphs need no Element each.
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
    #: Hidden rows and columns as (first, count): a hidden row may repeat to the
    #: sheet's end.  The rows a filter hides are among the hidden ones.
    hidden_rows: list[tuple[int, int]] = field(default_factory=list)
    filtered_rows: list[tuple[int, int]] = field(default_factory=list)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    #: Row → the columns whose text is struck through, as bits (column c is 1 << c).
    struck: dict[int, int] = field(default_factory=dict)


def parse_ods(content: bytes, styles: bytes) -> dict[str, OdsSheet]:
    """Merges, formulas, fills, hidden rows and columns and struck cells of each
    table of content.xml, by table name
    (empty when content.xml is broken or a repeat count is not a number)."""
    try:
        return _parse_ods(content, styles)
    except (ET.ParseError, expat.ExpatError, ValueError):
        return {}


def _parse_ods(content: bytes, styles: bytes) -> dict[str, OdsSheet]:
    parser = _Parser()
    if styles:
        for element in ET.fromstring(styles).iter(f"{{{_STYLE}}}style"):
            parser.record_style(element)
    expat_parser = expat.ParserCreate(namespace_separator="}")
    expat_parser.StartElementHandler = parser.start
    expat_parser.EndElementHandler = parser.end
    expat_parser.Parse(content, True)
    return parser.sheets


_T, _S = f"{_TABLE}}}", f"{_STYLE}}}"
_CELL_TAGS = {_T + "table-cell", _T + "covered-table-cell"}
_HIDDEN = ("collapse", "filter")  # table:visibility of a hidden row or column


class _Parser:
    """expat callbacks over content.xml, one table at a time."""

    def __init__(self) -> None:
        self.sheets: dict[str, OdsSheet] = {}
        self.backgrounds: dict[str, str] = {}
        self.struck_styles: set[str] = set()
        self.current: OdsSheet | None = None
        self.row = self.col = self.column = 0
        self.row_repeat = 1
        self.row_style = ""
        self.style: ET.Element | None = None
        self.column_styles: list[tuple[int, str]] = []  # (repeat, default cell style)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag in _CELL_TAGS:
            if self.current is not None:
                self.cell(self.current, attributes)
        elif tag == _T + "table-row":
            self.col = 0
            self.row_repeat = int(attributes.get(_T + "number-rows-repeated", 1))
            self.row_style = attributes.get(_T + "default-cell-style-name", "")
            if self.current is not None and attributes.get(_T + "visibility") in _HIDDEN:
                self.current.hidden_rows.append((self.row, self.row_repeat))
                if attributes.get(_T + "visibility") == "filter":
                    self.current.filtered_rows.append((self.row, self.row_repeat))
        elif tag == _T + "table-column":
            repeat = int(attributes.get(_T + "number-columns-repeated", 1))
            self.column_styles.append((repeat, attributes.get(_T + "default-cell-style-name",
                                                              "")))
            if self.current is not None and attributes.get(_T + "visibility") in _HIDDEN:
                self.current.hidden_columns.append((self.column, repeat))
            self.column += repeat
        elif tag == _T + "table":
            self.current = self.sheets.setdefault(attributes.get(_T + "name", ""), OdsSheet())
            self.row = self.column = 0
            self.column_styles.clear()
        elif tag == _S + "style":
            # Automatic styles come before the tables in content.xml.
            self.style = ET.Element(f"{{{_STYLE}}}style", _clark(attributes))
        elif tag in (_S + "table-cell-properties", _S + "text-properties") \
                and self.style is not None:
            ET.SubElement(self.style, "{" + tag, _clark(attributes))

    def cell(self, current: OdsSheet, attributes: dict[str, str]) -> None:
        row, col = self.row, self.col
        repeat = int(attributes.get(_T + "number-columns-repeated", 1))
        spanned_rows = int(attributes.get(_T + "number-rows-spanned", 1))
        spanned_cols = int(attributes.get(_T + "number-columns-spanned", 1))
        if spanned_rows > 1 or spanned_cols > 1:
            current.merges.append((row, col, row + spanned_rows - 1, col + spanned_cols - 1))
        formula = attributes.get(_T + "formula")
        if formula:
            current.formulas[(row, col)] = _ods_formula(formula)
        style = (attributes.get(_T + "style-name") or self.row_style
                 or _column_style(self.column_styles, col))
        colour = self.backgrounds.get(style)
        if repeat * self.row_repeat <= _MAX_EXPANDED:
            for r in range(row, row + self.row_repeat):
                if colour:
                    for c in range(col, col + repeat):
                        current.fills[(r, c)] = colour
                if style in self.struck_styles:
                    bits = ((1 << repeat) - 1) << col
                    current.struck[r] = current.struck.get(r, 0) | bits
        self.col = col + repeat

    def end(self, tag: str) -> None:
        if tag == _T + "table-row":
            self.row += self.row_repeat
        elif tag == _T + "table":
            self.current = None
        elif tag == _S + "style" and self.style is not None:
            self.record_style(self.style)
            self.style = None

    def record_style(self, element: ET.Element) -> None:
        _ods_background(element, self.backgrounds)
        _ods_strike(element, self.struck_styles)


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


def _ods_strike(element, struck: set[str]) -> None:
    """Record a cell style whose text is struck through (its own, or its parent's)."""
    if element.get(f"{{{_STYLE}}}family") != "table-cell":
        return
    name = element.get(f"{{{_STYLE}}}name", "")
    props = element.find(f"{{{_STYLE}}}text-properties")
    line = props.get(f"{{{_STYLE}}}text-line-through-style") if props is not None else None
    if line is None:
        if element.get(f"{{{_STYLE}}}parent-style-name", "") in struck:
            struck.add(name)
    elif line != "none":
        struck.add(name)
