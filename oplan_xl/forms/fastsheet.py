"""A faster XlsxWriter worksheet for the large tables: the same bytes, less Python per cell.

A 20,000-project plan writes some 800,000 formatted cells.  XlsxWriter spends
about 13 µs on each on a slow office PC: a checked ``write_*`` call that
stores a cell tuple, then at ``close()`` a generic ``_write_cell`` that builds
an attribute list and escapes every attribute.  For the three cell kinds the
forms write in bulk (text, number, formatted blank) both steps can be done
with one f-string or one dict store, and that is all this module does:

- :meth:`FastWorksheet.write_cells` stores a row of cells after checking the
  row's bounds once (strings still go through the workbook's shared string
  table, in the same order, so string indexes do not change);
- ``_write_rows`` serialises each row's formatted text, number and blank
  cells the way XlsxWriter does, character for character, in one write per
  row, and hands every other cell (formulas, unformatted cells, anything new)
  to XlsxWriter's own ``_write_cell``; it and ``_calculate_spans`` walk each
  row's own cells instead of every column of the used range.

XlsxWriter invites subclassing through ``add_worksheet(worksheet_class=...)``,
but the methods overridden here are private, so the class is used only with
the XlsxWriter versions it was checked against (:data:`CHECKED_VERSIONS`);
with any other version :func:`worksheet_class` returns XlsxWriter's own
class and only speed is lost.  ``tests/test_fastsheet.py`` writes every form
with both classes and requires byte-identical files, so a new XlsxWriter
release is checked before it is added to the list.
"""

from __future__ import annotations

import math
import re

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_range
from xlsxwriter.worksheet import Worksheet

#: XlsxWriter (major, minor) versions whose private cell writing this class mirrors.
CHECKED_VERSIONS = {(3, 1), (3, 2), (3, 3)}

#: Functions the forms use, none of which XlsxWriter rewrites, and how a formula
#: names a function (any run of letters, digits, dots and underscores before "(").
_CLASSIC_FUNCTIONS = frozenset({"SUM", "COUNT", "COUNTIF", "COUNTIFS", "SUMIF", "SUMIFS",
                                "IF", "ROUND"})
_FUNCTION = re.compile(r"([\w.]+)\s*\(")

#: Shared strings longer than half of Excel's 32,767 UTF-16 units may need
#: truncating: they go through XlsxWriter's own write_string.
_SHORT_STRING = 32767 // 2


def _tuple_types():
    """XlsxWriter's cell tuples: CellStringTuple in 3.3, cell_string_tuple before."""
    from xlsxwriter import worksheet

    def pick(new: str, old: str):
        return getattr(worksheet, new, None) or getattr(worksheet, old)

    return (pick("CellStringTuple", "cell_string_tuple"),
            pick("CellNumberTuple", "cell_number_tuple"),
            pick("CellBlankTuple", "cell_blank_tuple"))


_STRING, _NUMBER, _BLANK = _tuple_types()


def _version() -> tuple[int, int]:
    major, minor = xlsxwriter.__version__.split(".")[:2]
    return int(major), int(minor)


def worksheet_class(force: bool = False) -> type[Worksheet]:
    """FastWorksheet where this XlsxWriter is a checked version, else XlsxWriter's own."""
    return FastWorksheet if force or _version() in CHECKED_VERSIONS else Worksheet


def write_cells(ws, row: int, first_col: int, cells) -> None:
    """Write ``(value, format)`` pairs from *first_col* on: str as text, int/float as
    a number, None as a formatted blank.  Any worksheet: XlsxWriter's own
    class gets one ``write_*`` call per cell."""
    if isinstance(ws, FastWorksheet):
        ws.write_cells(row, first_col, cells)
    else:
        _write_each(ws, row, first_col, cells)


def merge_blanks(ws, row: int, first_col: int, last_col: int, cell_format) -> None:
    """Merge cells of one row already written as blanks in *cell_format*: what
    ``merge_range(row, first_col, row, last_col, "", cell_format)`` does."""
    if isinstance(ws, FastWorksheet):
        ws.merge_blanks(row, first_col, last_col, cell_format)
    else:
        ws.merge_range(row, first_col, row, last_col, "", cell_format)


def _write_each(ws, row: int, first_col: int, cells) -> None:
    for col, (value, cell_format) in enumerate(cells, first_col):
        if value is None:
            ws.write_blank(row, col, None, cell_format)
        elif isinstance(value, str):
            ws.write_string(row, col, value, cell_format)
        else:
            ws.write_number(row, col, value, cell_format)


class FastWorksheet(Worksheet):
    """XlsxWriter's Worksheet with a cheaper path for bulk text, number and blank cells."""

    def __init__(self) -> None:
        super().__init__()
        self._blanks: dict = {}

    def write_cells(self, row: int, first_col: int, cells) -> None:
        """See the module function :func:`write_cells`."""
        last_col = first_col + len(cells) - 1
        if self.constant_memory or self._check_dimensions(row, first_col) \
                or self._check_dimensions(row, last_col):
            # Rows are streamed, or out of bounds: let XlsxWriter decide per cell.
            _write_each(super(), row, first_col, cells)
            return
        stored = self.table[row]
        shared = self.str_table._get_shared_string_index
        blanks = self._blanks
        new = tuple.__new__  # what the cell tuples' own __new__ calls, one frame less
        for col, (value, cell_format) in enumerate(cells, first_col):
            kind = value.__class__
            if value is None:
                if cell_format is not None:
                    # Cell tuples are immutable: one blank per format serves every cell.
                    blank = blanks.get(cell_format)
                    if blank is None:
                        blank = blanks[cell_format] = _BLANK(cell_format)
                    stored[col] = blank
            elif kind is str and len(value) <= _SHORT_STRING:
                stored[col] = new(_STRING, (shared(value), cell_format))
            elif (kind is int or kind is float) and math.isfinite(value):
                stored[col] = new(_NUMBER, (value, cell_format))
            elif kind is str:
                self._write_string(row, col, value, cell_format)
            else:
                self._write_number(row, col, value, cell_format)

    def merge_blanks(self, row: int, first_col: int, last_col: int, cell_format) -> None:
        """See the module function :func:`merge_blanks`.  XlsxWriter's merge_range
        writes every cell of the range again; these are written already, so only
        its bookkeeping is done: the overlap check and the list of merges."""
        merged, tables = getattr(self, "merged_cells", None), getattr(self, "table_cells", None)
        stored = self.table.get(row, {})
        blank = self._blanks.get(cell_format)
        columns = range(first_col, last_col + 1)
        if merged is None or tables is None or self.constant_memory or blank is None \
                or first_col >= last_col or any(stored.get(c) is not blank for c in columns) \
                or any((row, c) in merged or (row, c) in tables for c in columns):
            # Anything unusual, overlaps included (XlsxWriter raises): its own way.
            self.merge_range(row, first_col, row, last_col, "", cell_format)
            return
        cell_range = xl_range(row, first_col, row, last_col)
        for col in columns:
            merged[(row, col)] = cell_range
        self.merge.append([row, first_col, row, last_col])

    def _prepare_formula(self, formula, expand_future_functions=False):
        # XlsxWriter runs some thirty regular expressions over every formula to
        # prefix Excel's newer functions (_xlfn.).  A formula that calls only the
        # classic functions below comes out of them unchanged but for its "=":
        # 0.1 ms a formula, a tenth of ผด.01 for a small plan.
        if self.use_future_functions or expand_future_functions \
                or not formula.startswith("=") or "{" in formula:
            return super()._prepare_formula(formula, expand_future_functions)
        if set(_FUNCTION.findall(formula)) <= _CLASSIC_FUNCTIONS:
            return formula[1:]
        return super()._prepare_formula(formula, expand_future_functions)

    # --- serialising: the same characters as XlsxWriter's _write_rows ------------

    def _calculate_spans(self) -> None:
        # The span of each block of 16 rows: its first and last used column (1-based).
        blocks: dict[int, list[int]] = {}
        for source in (self.table, self.comments):
            for row_num, cells in source.items():
                if not cells or not self.dim_rowmin <= row_num <= self.dim_rowmax:
                    continue
                columns = [c for c in cells if self.dim_colmin <= c <= self.dim_colmax]
                if not columns:
                    continue
                block = blocks.setdefault(row_num // 16, [min(columns), max(columns)])
                block[0] = min(block[0], *columns)
                block[1] = max(block[1], *columns)
        self.row_spans = {index: f"{low + 1}:{high + 1}" for index, (low, high) in blocks.items()}

    def _write_rows(self) -> None:
        self._calculate_spans()
        table, row_info, comments, spans = self.table, self.row_info, self.comments, self.row_spans
        col_min, col_max = self.dim_colmin, self.dim_colmax
        letters = [xl_col_to_name(col) for col in range(col_max + 1)]
        xf_index: dict = {}
        write = self.fh.write
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table.get(row_num)
            if not (cells or row_num in row_info or row_num in comments):
                continue
            span = spans.get(row_num // 16)
            if not cells:
                self._write_empty_row(row_num, span, row_info.get(row_num))
                continue
            self._write_row(row_num, span, row_info.get(row_num))
            number = row_num + 1
            parts = []
            for col_num in sorted(cells):
                if not col_min <= col_num <= col_max:
                    continue
                cell = cells[col_num]
                cell_format = cell.format
                kind = cell.__class__
                if cell_format is None or not (kind is _STRING or kind is _NUMBER
                                               or kind is _BLANK):
                    # Row and column formats, formulas, anything else: XlsxWriter's way.
                    write("".join(parts))
                    parts.clear()
                    self._write_cell(row_num, col_num, cell)
                    continue
                xf = xf_index.get(cell_format)
                if xf is None:
                    xf = xf_index[cell_format] = cell_format._get_xf_index()
                if kind is _BLANK:
                    parts.append(f'<c r="{letters[col_num]}{number}" s="{xf}"/>')
                elif kind is _STRING:
                    parts.append(f'<c r="{letters[col_num]}{number}" s="{xf}" t="s">'
                                 f'<v>{cell.string}</v></c>')
                else:
                    parts.append(f'<c r="{letters[col_num]}{number}" s="{xf}">'
                                 f'<v>{cell.number:.16G}</v></c>')
            write("".join(parts))
            self._xml_end_tag("row")
