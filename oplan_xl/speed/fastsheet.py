"""A faster XlsxWriter worksheet for the large tables: the same bytes, less Python per cell.

A 20,000-project plan writes some 800,000 formatted cells.  XlsxWriter spends
most of a form's time on them: a checked ``write_*`` call per cell that stores
a cell tuple, then at ``close()`` a generic ``_write_cell`` that builds an
attribute list and escapes every attribute.  For the three cell kinds the
forms write in bulk (text, number, formatted blank) both steps can be done
with one f-string or one dict store, and that is all this module does:

- :func:`write_row` (:meth:`FastWorksheet.write_cells`) stores a row of cells
  after checking the row's bounds once (strings still go through the
  workbook's shared string table, in the same order, so string indexes do not
  change), trailing blank cells (the month cells) from one reusable tuple, and
  remembers the row; :func:`merge_blanks` merges cells already written as
  blanks (a month bar) without writing them again;
- ``_write_rows`` writes such a row, if it is still exactly what was stored,
  with one ``%`` template per kind of row (columns, cell kinds, formats) and
  the ``<row>`` tag XlsxWriter makes once per kind of row; other rows cell by
  cell the way XlsxWriter does, character for character, handing every other
  cell (formulas, unformatted cells, anything new) to XlsxWriter's own
  ``_write_cell``; it and ``_calculate_spans`` walk each row's own cells
  instead of every column of the used range.

The form code calls :func:`add_worksheet`, :func:`write_row` and
:func:`merge_blanks`, which work on any XlsxWriter worksheet.  XlsxWriter invites
a worksheet class through ``add_worksheet(worksheet_class=...)``, but the methods
overridden here are private, so the class is used only with the XlsxWriter
versions it was checked against (:data:`CHECKED_VERSIONS`, 3.3.x); with any other
version :func:`add_worksheet` gives XlsxWriter's own worksheet and only speed is
lost.  ``tests/test_fastsheet.py`` writes every form of every golden case, and a
sheet of odd cells, with both classes and requires byte-identical files, so a new
XlsxWriter release is checked before it is added to the list.

Measured in one process (Python 3.11, XlsxWriter 3.3.1, a two-core machine shared
with other work; best of several runs), the three forms written from a finished
plan: 2,000 projects 0.19 s with this class, 0.40 s with XlsxWriter's own;
20,000 projects 1.9 s and 4.0 s.  The whole ``oplan build`` (with the memo of
the row heights' text measure): 2,000 projects 0.78 s instead of 0.96 s, 20,000
projects 3.8 s instead of 5.8 s.
"""

from __future__ import annotations

import io
import math
from itertools import repeat
from operator import attrgetter, is_

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from oplan_xl.core.cells import a1_range, column_letter

#: XlsxWriter (major, minor) versions whose private cell writing this class mirrors.
#: (3.1 and 3.2 keep row properties elsewhere: the class would fail there.)
CHECKED_VERSIONS = {(3, 3)}

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


def add_worksheet(workbook, name: str):
    """A new sheet *name* in *workbook* (any XlsxWriter workbook): a FastWorksheet
    where this XlsxWriter is a checked version, else XlsxWriter's own worksheet."""
    return workbook.add_worksheet(name, worksheet_class=worksheet_class())


def write_row(ws, row: int, first_col: int, cells, blanks: tuple = ()) -> None:
    """Write ``(value, format)`` pairs from *first_col* on: str as text, int/float as
    a number, None as a formatted blank; then a formatted blank cell for each
    format in *blanks* (month cells, say: a tuple, so it can be reused).  Any
    worksheet: XlsxWriter's own class gets one ``write_*`` call per cell."""
    if isinstance(ws, FastWorksheet):
        ws.write_cells(row, first_col, cells, blanks)
    else:
        _write_each(ws, row, first_col, [*cells, *((None, f) for f in blanks)])


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
        self._blanks: dict = {}  # format → its blank cell
        self._tails: dict[tuple, tuple] = {}  # formats → their blank cells
        #: Row → (first column, the cells write_cells stored, their values) for rows
        #: written in one call with nothing but formatted text, number and blank cells.
        self._rows: dict[int, tuple[int, tuple, tuple]] = {}

    def write_cells(self, row: int, first_col: int, cells, blanks: tuple = ()) -> None:
        """See the module function :func:`write_cells`."""
        last_col = first_col + len(cells) + len(blanks) - 1
        if self.constant_memory or None in blanks or self._check_dimensions(row, first_col) \
                or self._check_dimensions(row, last_col):
            # Rows are streamed, or out of bounds: let XlsxWriter decide per cell.
            _write_each(super(), row, first_col, [*cells, *((None, f) for f in blanks)])
            return
        stored = self.table[row]
        shared = self.str_table._get_shared_string_index
        blank_cells = self._blanks
        new = tuple.__new__  # what the cell tuples' own __new__ calls, one frame less
        # The cells stored and their values, for _write_rows' template of the row.
        row_cells, row_values = [], []
        for col, (value, cell_format) in enumerate(cells, first_col):
            kind = value.__class__
            if cell_format is None:
                # A row or column format may apply: XlsxWriter's own write does that.
                row_cells = None
                _write_each(super(), row, col, [(value, cell_format)])
            elif value is None:
                blank = stored[col] = _blank_cell(blank_cells, cell_format)
                if row_cells is not None:
                    row_cells.append(blank)
            elif kind is str and len(value) <= _SHORT_STRING:
                index = shared(value)
                cell = stored[col] = new(_STRING, (index, cell_format))
                if row_cells is not None:
                    row_cells.append(cell)
                    row_values.append(index)
            elif (kind is int or kind is float) and math.isfinite(value):
                cell = stored[col] = new(_NUMBER, (value, cell_format))
                if row_cells is not None:
                    row_cells.append(cell)
                    row_values.append(value)
            else:
                row_cells = None
                if kind is str:
                    self._write_string(row, col, value, cell_format)
                else:
                    self._write_number(row, col, value, cell_format)
        if blanks:
            tail = self._tails.get(blanks)
            if tail is None:  # one blank cell per format, the same for every row
                tail = self._tails[blanks] = tuple(_blank_cell(self._blanks, f) for f in blanks)
            stored.update(zip(range(last_col + 1 - len(tail), last_col + 1), tail, strict=True))
            if row_cells is not None:
                row_cells += tail
        if row_cells:
            self._rows[row] = (first_col, tuple(row_cells), tuple(row_values))
        else:
            self._rows.pop(row, None)

    def merge_blanks(self, row: int, first_col: int, last_col: int, cell_format) -> None:
        """See the module function :func:`merge_blanks`.  XlsxWriter's merge_range
        writes every cell of the range again; these are written already, so only
        its bookkeeping is done: the overlap check and the list of merges."""
        merged, tables = getattr(self, "merged_cells", None), getattr(self, "table_cells", None)
        stored = self.table.get(row, {})
        blank = self._blanks.get(cell_format)
        columns = range(first_col, last_col + 1)
        cells = [(row, col) for col in columns]
        if merged is None or tables is None or self.constant_memory or blank is None \
                or first_col >= last_col \
                or not all(map(is_, map(stored.get, columns), repeat(blank))) \
                or not merged.keys().isdisjoint(cells) or not tables.keys().isdisjoint(cells):
            # Anything unusual, overlaps included (XlsxWriter raises): its own way.
            self.merge_range(row, first_col, row, last_col, "", cell_format)
            return
        cell_range = a1_range(row, first_col, row, last_col)
        merged.update(dict.fromkeys(cells, cell_range))
        self.merge.append([row, first_col, row, last_col])

    # --- serialising: the same characters as XlsxWriter's _write_rows ------------

    def _calculate_spans(self) -> None:
        # The span of each block of 16 rows: its first and last used column (1-based).
        blocks: dict[int, list[int]] = {}
        row_min, row_max = self.dim_rowmin, self.dim_rowmax
        col_min, col_max = self.dim_colmin, self.dim_colmax
        for source in (self.table, self.comments):
            for row_num, cells in source.items():
                if not cells or not row_min <= row_num <= row_max:
                    continue
                low, high = min(cells), max(cells)
                if low < col_min or high > col_max:  # only what the used range holds
                    columns = [c for c in cells if col_min <= c <= col_max]
                    if not columns:
                        continue
                    low, high = min(columns), max(columns)
                block = blocks.get(row_num >> 4)
                if block is None:
                    blocks[row_num >> 4] = [low, high]
                else:
                    if low < block[0]:
                        block[0] = low
                    if high > block[1]:
                        block[1] = high
        self.row_spans = {index: f"{low + 1}:{high + 1}" for index, (low, high) in blocks.items()}

    def _write_rows(self) -> None:
        self._calculate_spans()
        table, row_info, comments, spans = self.table, self.row_info, self.comments, self.row_spans
        col_min, col_max = self.dim_colmin, self.dim_colmax
        letters = [column_letter(col) for col in range(col_max + 1)]
        xf_index: dict = {}
        fast_rows, templates, row_tags = self._rows, {}, {}
        write = self.fh.write
        for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table.get(row_num)
            if not (cells or row_num in row_info or row_num in comments):
                continue
            span = spans.get(row_num // 16)
            info = row_info.get(row_num)
            if not cells:
                self._write_empty_row(row_num, span, info)
                continue
            number = row_num + 1
            tag = self._row_tag(row_tags, row_num, span, info)
            fast = fast_rows.get(row_num)
            if fast is not None:
                first_col, row_cells, values = fast
                # The row is still exactly what write_cells stored (nothing written
                # over or beside it since): one template, filled in one go.
                if len(cells) == len(row_cells) and all(map(is_, cells.values(), row_cells)) \
                        and col_min <= first_col and first_col + len(row_cells) <= col_max + 1:
                    key = (first_col, tuple(map(type, row_cells)),
                           tuple(map(_format_of, row_cells)))
                    template = templates.get(key)
                    if template is None:
                        template = templates[key] = _row_template(key, letters, xf_index)
                    write((tag + template % values).replace(_NUMBER_MARK, str(number)))
                    continue
            write(tag.replace(_NUMBER_MARK, str(number)))
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

    def _row_tag(self, tags: dict, row_num: int, span, info) -> str:
        """The row's ``<row ...>`` start tag with :data:`_NUMBER_MARK` for its number:
        XlsxWriter's _write_row run once per kind of row (span, height, format), not
        once per row."""
        try:
            key = (span, None if info is None else tuple(vars(info).values()))
            tag = tags.get(key)
        except TypeError:  # an unhashable property: no reuse for this row
            key, tag = None, None
        if tag is None:
            out, self.fh = self.fh, io.StringIO()
            try:
                self._write_row(row_num, span, info)
                text = self.fh.getvalue()
            finally:
                self.fh = out
            start = f'<row r="{row_num + 1}"'
            if not text.startswith(start):  # pragma: no cover - not XlsxWriter 3.3
                return text
            tag = f'<row r="{_NUMBER_MARK}"' + text[len(start):]
            if key is not None:
                tags[key] = tag
        return tag


#: Stands for the row number in a row's templates: the one character XML never holds.
_NUMBER_MARK = "\x00"

_format_of = attrgetter("format")


def _blank_cell(blanks: dict, cell_format):
    """The blank cell of *cell_format*: cell tuples are immutable, one serves every
    cell."""
    blank = blanks.get(cell_format)
    if blank is None:
        blank = blanks[cell_format] = _BLANK(cell_format)
    return blank


def _row_template(key, letters: list[str], xf_index: dict) -> str:
    """A row of text, number and blank cells as a ``%`` template of its values (the
    shared string indexes and the numbers; blanks have none), ending the row, with
    :data:`_NUMBER_MARK` for the row number.  The formats' XF numbers are asked for
    in column order, as XlsxWriter does cell by cell; numbers are written ``%.16G``,
    which is XlsxWriter's ``{:.16G}``."""
    first_col, kinds, formats = key
    parts = []
    for col, kind, cell_format in zip(range(first_col, first_col + len(kinds)), kinds, formats,
                                      strict=False):
        xf = xf_index.get(cell_format)
        if xf is None:
            xf = xf_index[cell_format] = cell_format._get_xf_index()
        ref = f"{letters[col]}{_NUMBER_MARK}"
        if kind is _BLANK:
            parts.append(f'<c r="{ref}" s="{xf}"/>')
        elif kind is _STRING:
            parts.append(f'<c r="{ref}" s="{xf}" t="s"><v>%d</v></c>')
        else:
            parts.append(f'<c r="{ref}" s="{xf}"><v>%.16G</v></c>')
    return "".join(parts) + "</row>"
