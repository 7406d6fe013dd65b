"""How tall a row must be for its text: lines from the font's own widths, points from
its line height.  Every workbook we write sets its row heights here.

Neither Excel nor LibreOffice grows a row for text written into a file (the height
is the file's), so we work it out as they would and take the larger of the two:
Excel draws TH SarabunPSK, LibreOffice on Debian draws Laksaman, the same design
drawn half as large again.  ``fontmetrics`` (written by tools/font_metrics.py from
the fonts) has every character's width, already the larger of the two, in column
width units per point of font size; Thai vowels above and below the line and tone
marks have none.

Column widths are in the file's unit, the width of a digit of the workbook's default
font (conventions.DEFAULT_SIZE); XlsxWriter stores a width with 5 pixels of padding
added (:func:`xlsxwriter_width`), openpyxl as given.

Lines break at spaces.  A run without spaces longer than a line breaks between
words, which both programs find with a Thai dictionary; without one, each such
line is taken as holding :data:`WORD_SLACK` less than it could.
"""

from __future__ import annotations

import math
from functools import lru_cache

from oplan_xl.write import fontmetrics

#: Column width units of a cell not available to its text (padding and margins;
#: LibreOffice measured between 0.7 and 1.3).
MARGIN = 1.0
#: LibreOffice sets Thai text up to 3% wider than the font's advance widths add up
#: to (measured over 3,500 texts of the sample at widths 8 to 60: with 3% and the
#: figures here no text took more lines than estimated, a quarter of those in narrow
#: columns one line fewer).
SPREAD = 1.03
#: Points a row needs beyond its lines (LibreOffice: 1.5 pt at every size, measured).
ROW_PADDING = 2.0
#: Width (quanta per point) a line broken inside a run without spaces may leave
#: unused: the end of a Thai word that did not fit, about four letters (measured
#: with SPREAD).
WORD_SLACK = 600

_SCALE = fontmetrics.SCALE
_REGULAR = str.maketrans({chr(code): chr(width) for code, width in fontmetrics.REGULAR.items()})
_BOLD = str.maketrans({chr(code): chr(width) for code, width in fontmetrics.BOLD.items()})


def xlsxwriter_width(width: float) -> float:
    """The width XlsxWriter stores for ``set_column(..., width)``: the pixels Excel
    shows (7 per unit, plus 5 of padding) back in units."""
    if width <= 0:
        return 0.0
    pixels = int(width * 12 + 0.5) if width < 1 else int(width * 7 + 0.5) + 5
    return pixels / 7


def text_width(text: str, bold: bool = False) -> int:
    """The width of *text* in quanta (``fontmetrics.SCALE`` per column unit) per
    point of font size."""
    try:
        return sum(text.translate(_BOLD if bold else _REGULAR).encode("latin-1"))
    except UnicodeEncodeError:  # a character the table does not list: the widest width
        default = fontmetrics.DEFAULT_BOLD if bold else fontmetrics.DEFAULT_REGULAR
        table = fontmetrics.BOLD if bold else fontmetrics.REGULAR
        return sum(table.get(ord(char), default) for char in text)


def line_count(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines *text* takes in a wrapped cell of the file width *width* at *size* pt."""
    capacity = max(1.0, (width - MARGIN) / SPREAD * _SCALE / size)  # quanta per point
    lines = 0
    for paragraph in text.split("\n"):
        if text_width(paragraph, bold) <= capacity:
            lines += 1
        else:
            lines += _wrapped(paragraph.split(" "), capacity, text_width(" ", bold), bold)
    return lines


def _wrapped(words: list[str], capacity: float, space: int, bold: bool) -> int:
    """Greedy filling at spaces; a word longer than a line is broken, each line
    of it holding WORD_SLACK less."""
    lines, used = 1, 0.0
    full = max(capacity - WORD_SLACK, capacity * 2 / 3)
    for word in words:
        width = text_width(word, bold)
        if used and used + space + width <= capacity:
            used += space + width
            continue
        if used:
            lines += 1
        if width <= capacity:
            used = width
            continue
        broken = math.ceil(width / full) - 1  # lines filled by the word's beginning
        lines += broken
        used = width - broken * full
    return lines


def row_height(lines: int, size: float) -> float:
    """Points for *lines* lines of *size* pt text, rounded up to whole pixels
    (0.75 pt) so Excel shows the height it is given."""
    points = lines * fontmetrics.LINE_EM * size + ROW_PADDING
    return math.ceil(points / 0.75) * 0.75


def cell_height(text: str, width: float, size: float, bold: bool = False,
                wrap: bool = True) -> float:
    """Points the row of a cell holding *text* needs (not wrapped: a line for each
    line break's line, which LibreOffice shows)."""
    if not wrap:
        return row_height(text.count("\n") + 1, size)
    return row_height(line_count(text, width, size, bold), size)


@lru_cache(maxsize=32768)
def fitted_height(text: str, width: float, size: float, bold: bool = False, wrap: bool = True,
                  indent: int = 0) -> float:
    """:func:`cell_height` for a cell of a given format, remembered: the forms repeat
    their texts (the same activity, place and office row after row).  *indent*: the
    format's indent level, each taking about three spaces' width of the cell."""
    return cell_height(text, width - indent * 1.5, size, bold, wrap)


#: The file width of a column no width was given: Excel's 8.43 with its padding.
DEFAULT_FILE_WIDTH = xlsxwriter_width(8.43)


class Heights:
    """The tallest text of each row of one sheet, for sheets written cell by cell:
    tell it the columns' file widths and each text cell, then set ``rows()``."""

    def __init__(self, body_size: float) -> None:
        self.one_line = row_height(1, body_size)
        self.widths: dict[int, float] = {}
        self.tallest: dict[int, float] = {}

    def column(self, first_col: int, last_col: int, file_width: float) -> None:
        for col in range(first_col, last_col + 1):
            self.widths[col] = file_width

    def text(self, row: int, col: int, text: str, size: float, bold: bool = False,
             wrap: bool = True, indent: int = 0, last_col: int | None = None) -> None:
        """A text in *col* (merged across to *last_col*)."""
        width = sum(self.widths.get(c, DEFAULT_FILE_WIDTH)
                    for c in range(col, (col if last_col is None else last_col) + 1))
        height = fitted_height(text, width, size, bold, wrap, indent)
        if height > self.tallest.get(row, 0):
            self.tallest[row] = height

    def rows(self, every: bool = False) -> list[tuple[int, float]]:
        """``(row, points)`` of every row taller than one line of body text (the
        sheet's default height), or *every* row with text."""
        return sorted((row, height) for row, height in self.tallest.items()
                      if every or height > self.one_line)


def xlsxwriter_text(cell_format, default_size: float) -> tuple[float, bool, bool, int]:
    """How an XlsxWriter format draws text: ``(size, bold, wrapped, indent)``."""
    if cell_format is None:
        return default_size, False, False, 0
    return (cell_format.font_size or default_size, bool(cell_format.bold),
            bool(cell_format.text_wrap), cell_format.indent or 0)


def fit_openpyxl_sheet(ws, default_size: float) -> None:
    """Give every row of an openpyxl worksheet with text the height that text needs
    (never lowering a height already set): each text cell measured in its font and
    column (merged across columns: their widths added up)."""
    from openpyxl.utils import column_index_from_string

    heights = Heights(default_size)
    for letter, dimension in ws.column_dimensions.items():
        if dimension.width:
            # A width set by letter (ws.column_dimensions["E"].width = 50) has no
            # min and max until the sheet is saved: the letter says which column.
            first = dimension.min or column_index_from_string(letter)
            heights.column(first, dimension.max or first, dimension.width)
    spans = {(merged.min_row, merged.min_col): merged for merged in ws.merged_cells.ranges}
    # The cells the sheet holds: iter_rows() would make every cell of the rectangle
    # up to the last one, a million rows for one stray value at the sheet's end.
    for cell in list(ws._cells.values()):
        if not isinstance(cell.value, str) or not cell.value:
            continue
        row, col = cell.row, cell.column
        merged = spans.get((row, col))
        if merged is not None and merged.max_row > row:
            continue  # a merge down rows: both programs leave its rows alone
        font = cell.font
        heights.text(row, col, cell.value, font.sz or default_size, bool(font.b),
                     bool(cell.alignment.wrap_text), int(cell.alignment.indent or 0),
                     merged.max_col if merged is not None else None)
    for row, height in heights.rows(every=True):
        dimension = ws.row_dimensions[row]
        if dimension.height is None or dimension.height < height:
            dimension.height = height
