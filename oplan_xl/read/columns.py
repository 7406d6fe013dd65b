"""Which column holds which field of a table: decided here, once, from all the evidence.

``header`` finds the header and which columns' labels name a field.  That is not
always one column per field, and not every column a person filled is named:

- Two columns name one field (the same label twice, or synonyms: งบประมาณ and
  จำนวนเงิน), as when last year's budget is kept beside this year's.  The one a
  person sees is read over a hidden one, the one whose label does not name another
  year over ones that do (``งบประมาณ ปี 2568`` over ``งบประมาณ ปี 2567``, ``งบ 68``
  over ``งบ 67``), with a warning naming both.  With no such evidence neither is
  read: an error names both (``column-ambiguous``).
- A field spread over columns under one merged label: ``บาท | สตางค์`` is read
  whole (the สตางค์ column becomes the row value ``SATANG_PART``, added to the
  budget by ``check``), as is an unmerged ``งบประมาณ (บาท)`` beside ``สตางค์``;
  years ``2567 | 2568`` give the plan year's column, with a warning; any other
  split is an error, as neither column is certainly the figure.
- A column inside the table that no label names as a field but that holds numbers
  in data rows is reported once per table (``column-not-read``), unless it is
  plainly a row number (ที่, ลำดับ, or 1, 2, 3 … running).  Text-only columns
  (remarks, indicators) are not reported: they cannot change a figure, a month or
  which rows are planned, and the forms have no place for them.

"This year" is the plan's fiscal year when the caller knows it, else the year
the file states: its หน่วยงาน sheet, a title above the table (ปีงบประมาณ 2568),
or the years its month labels imply (ต.ค. 67 … ก.ย. 68 is 2568).  The findings
about the header itself (a missing or ambiguous column) list the labels found,
so the officer sees what the reader saw.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from oplan_xl.core.cells import a1, column_letter
from oplan_xl.core.findings import Finding, finding
from oplan_xl.core.layout import MONTH_KEYS
from oplan_xl.core.model import to_arabic_digits
from oplan_xl.core.normalise import NotANumber, is_blank, parse_amount
from oplan_xl.read.header import header_labels, shown_label, unit_of_label
from oplan_xl.read.raw import Table
from oplan_xl.read.workbook import SheetValues
from oplan_xl.speed.text import clean_text, label_key

#: Row value key of the สตางค์ column of a budget written in บาท and สตางค์.
SATANG_PART = "budget_satang_part"

#: A fiscal year in a title above the table.
_TITLE_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.?\s?ศ\.?)?\s*(25\d\d)")
#: A year in a column's label: 2568, or two digits after ปี / งบ / พ.ศ. (ปี 68, งบ 68).
_YEAR_IN_LABEL = re.compile(r"(25\d\d)(?!\d)|(?:ปี|งบ|ศ\.?)\s*(\d\d)(?!\d)")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
#: Labels of a row-number column.
_ROW_NUMBER_LABELS = {label_key(text) for text in ("ที่", "ลำดับ", "ลำดับที่", "ข้อ", "no",
                                                    "no.", "#", "เลขที่")}


def settle_columns(table: Table, values: SheetValues, file: str,
                   year: int | None = None) -> list[Finding]:
    """Decide which single column holds each field of *table* (its header is
    changed in place) and return the warnings about the choices made.

    *year* is the fiscal year the figures are for, when the caller knows it (the
    plan's, or the หน่วยงาน sheet's); otherwise the sheet's titles and month
    labels tell it, if they do.  What cannot be decided stays in
    ``header.ambiguous``, reported by ``header_findings`` as an error.
    """
    header = table.header
    _take_sub_labels(table, values)
    settle = _Settle(table, values, file, year or _year_in_sheet(table, values.grid))
    for key, positions in list(header.ambiguous.items()):
        settle.choose(key, positions)
    if "budget" in header.columns and "budget" not in header.ambiguous:
        settle.spread()
    if "budget" in header.columns and "budget" not in header.ambiguous:
        settle.only_column_of_another_year("budget")
    return settle.findings


def header_findings(table: Table, values: SheetValues, file: str) -> list[Finding]:
    """The errors about *table*'s header: required columns missing, fields that
    more than one column names; each lists the labels found in the header."""
    header = table.header
    if not header.missing and not header.ambiguous:
        return []
    found = found_labels(table, values)
    findings = [finding("missing-column", file, table.sheet, header.row + 1, column.label,
                        a1(header.row, 0), found=found)
                for column in header.missing]
    for key, positions in header.ambiguous.items():
        findings.append(finding(
            "column-ambiguous", file, table.sheet, header.row + 1, table.label(key),
            a1(header.row, positions[0]),
            columns=", ".join(column_letter(p) for p in positions), found=found))
    return findings


def found_labels(table: Table, values: SheetValues) -> str:
    """The labels of the header rows as a person reads them, left to right."""
    return header_labels(values.grid, table.header.row, table.header.end)


def unread_columns(table: Table, values: SheetValues, file: str) -> list[Finding]:
    """One warning per column inside the table that no label names as a field but
    that holds numbers in its data rows (call once the rows are lifted)."""
    header = table.header
    read = set(header.columns.values())
    if not read or not table.rows:
        return []
    view = _HeaderView(table, values)
    labelled = {p for p in range(view.width) if view.texts(p)}
    first, last = min(read | labelled), max(read | labelled)
    reported = {p for positions in header.ambiguous.values() for p in positions}
    findings = []
    # One column past each end too: a figure typed just beside the table.
    for position in range(max(0, first - 1), last + 2):
        if position in read or position in header.set_aside or position in reported:
            continue
        label = view.label(position)
        if label_key(label) in _ROW_NUMBER_LABELS:
            continue
        numbers = _numbers(values.grid, table, position)
        if not numbers or (not label and _running(numbers)):
            continue
        findings.append(finding(
            "column-not-read", file, table.sheet, header.row + 1, label,
            a1(header.row, position), label or "-", letter=column_letter(position),
            rows=len(numbers)))
    return findings


class _HeaderView:
    """What the header rows say over each column, merged labels included."""

    def __init__(self, table: Table, values: SheetValues) -> None:
        header = table.header
        self.header, self.grid = header, values.grid
        self.rows = range(header.row, header.end + 1)
        self.width = max((len(values.grid[i]) for i in self.rows), default=0)
        #: Merges starting in the header rows and spanning columns (a band label).
        self.bands = [m for m in values.merges
                      if header.row <= m[0] <= header.end and m[3] > m[1]]
        #: (row, column) → the top-left cell of the band over it.  A band starting
        #: under another is skipped and one running into another stops there, so a
        #: hostile file's thousands of overlapping merges cost no more than the cells.
        self.covered: dict[tuple[int, int], tuple[int, int]] = {}
        for first_row, first, _, last in sorted(self.bands):
            for position in range(first, min(last, self.width - 1) + 1):
                if (first_row, position) in self.covered:
                    break
                self.covered[(first_row, position)] = (first_row, first)

    def cell(self, index: int, position: int) -> object:
        row = self.grid[index]
        return row[position] if position < len(row) else ""

    def texts(self, position: int, below: int = -1) -> list[str]:
        """The labels over a column, top down (from the row after *below*): its own
        cells, or where one is blank the band merged over it; column numbers left out."""
        texts = []
        for index in self.rows:
            if index <= below:
                continue
            cell = self.cell(index, position)
            if is_blank(cell):
                top_left = self.covered.get((index, position))
                cell = self.cell(*top_left) if top_left else ""
            if not is_blank(cell) and not _COLUMN_NUMBER.match(clean_text(cell)):
                texts.append(shown_label(cell))
        return texts

    def label(self, position: int) -> str:
        return " ".join(self.texts(position))

    def year(self, position: int, below: int = -1) -> int | None:
        """The one year the labels over a column name, else None."""
        years = set()
        for text in self.texts(position, below):
            for full, short in _YEAR_IN_LABEL.findall(to_arabic_digits(text)):
                years.add(int(full) if full else 2500 + int(short))
        return years.pop() if len(years) == 1 else None


class _Settle:
    """The decisions about one table's columns, and the warnings saying so."""

    def __init__(self, table: Table, values: SheetValues, file: str, year: int | None) -> None:
        self.table, self.header, self.file, self.year = table, table.header, file, year
        self.hidden = values.hidden_columns
        self.view = _HeaderView(table, values)
        self.findings: list[Finding] = []

    def choose(self, key: str, positions: list[int]) -> None:
        """Of several columns labelled for *key*: the only visible one, else the only
        visible one not labelled with another year; else the ambiguity stays, as it
        does when the evidence disagrees (the visible column names last year, the
        hidden one this year)."""
        visible = [p for p in positions if p not in self.hidden]
        years = {p: self.view.year(p) for p in positions}
        other_years = [p for p in positions
                       if self.year is not None and years[p] not in (None, self.year)]
        if len(visible) == 1:
            chosen = visible[0]
            if chosen in other_years:
                return  # seen but last year's: which holds this year's figure is unsure
            self.take(key, chosen, positions)
            self.warn("column-hidden-not-read", key, chosen,
                      hidden=", ".join(column_letter(p) for p in positions if p != chosen))
            return
        left = [p for p in (visible or positions) if p not in other_years]
        if other_years and len(left) == 1:
            self.take(key, left[0], positions)
            self.warn_other_years(key, left[0], positions)

    def spread(self) -> None:
        """A budget under a label merged over several columns, or beside a สตางค์
        column: read whole, or its year's column taken, or reported."""
        header, view = self.header, self.view
        position = header.columns["budget"]
        band = next((m for m in view.bands if m[1] == position), None)
        if band is None:
            # The column a person sees beside it: hidden ones in between are not seen.
            beside = next(p for p in range(position + 1, position + 2 + len(self.hidden))
                          if p not in self.hidden)
            if beside not in header.columns.values() and any(
                    unit_of_label(text) == "satang" for text in view.texts(beside)):
                self.satang_part(beside)
            return
        columns = list(range(band[1], band[3] + 1))
        units = {p: {unit_of_label(t) for t in view.texts(p, below=band[2])} for p in columns}
        if not any(view.texts(p, below=band[2]) for p in columns):
            return  # merged for width alone, no sub-labels: numbers beside are reported
        satang = [p for p in columns if "satang" in units[p]]
        if len(columns) == 2 and len(satang) == 1 and satang[0] == columns[1]:
            self.satang_part(columns[1])
            header.labels.setdefault("budget", view.label(position))
            return
        years = {p: view.year(p, below=band[2]) for p in columns}
        chosen = [p for p in columns if years[p] == self.year]
        if self.year is not None and None not in years.values() and len(chosen) == 1:
            self.take("budget", chosen[0], columns)
            self.warn_other_years("budget", chosen[0], columns)
        else:
            header.ambiguous["budget"] = columns
        self.forget_years(columns)

    def only_column_of_another_year(self, key: str) -> None:
        """The one column for *key*, its label naming a year other than this one
        (งบประมาณ ปี 2567 in a 2568 plan): read, as a person would, but said."""
        position = self.header.columns[key]
        if position in self.header.set_aside or self.year is None:
            return
        named = self.view.year(position)
        if named is not None and named != self.year:
            self.header.labels[key] = self.view.label(position)
            self.findings.append(finding(
                "column-names-other-year", self.file, self.table.sheet, self.header.row + 1,
                self.table.label(key), a1(self.header.row, position), named, year=self.year))

    def satang_part(self, position: int) -> None:
        self.header.columns[SATANG_PART] = position
        self.header.labels[SATANG_PART] = self.view.label(position)

    def take(self, key: str, chosen: int, positions: list[int]) -> None:
        header = self.header
        header.ambiguous.pop(key, None)
        header.columns[key] = chosen
        header.labels[key] = self.view.label(chosen)
        header.set_aside.update(p for p in positions if p != chosen)
        self.forget_years(positions)

    def forget_years(self, positions: list[int]) -> None:
        """Years labelling budget columns say whose figure a column holds, not which
        year the file is for: they are not the file's stated year."""
        self.header.years = [y for y in self.header.years if y[2] not in positions]

    def warn(self, code: str, key: str, chosen: int, **params: object) -> None:
        header = self.header
        self.findings.append(finding(
            code, self.file, self.table.sheet, header.row + 1, self.table.label(key),
            a1(header.row, chosen), chosen=column_letter(chosen), **params))

    def warn_other_years(self, key: str, chosen: int, positions: list[int]) -> None:
        others = ", ".join(f'{column_letter(p)} "{self.view.label(p)}"'
                           for p in positions if p != chosen)
        self.warn("column-other-year-not-read", key, chosen, others=others, year=self.year)


def _take_sub_labels(table: Table, values: SheetValues) -> None:
    """The row under the header is header too when it holds only words under a
    label merged over several columns (เงินรายได้ | เงินอุดหนุน under งบประมาณ,
    ลำดับ | หน้า under แผนพัฒนาท้องถิ่น): ``header`` takes only rows of labels it
    knows, and such a row read as data would be a row of errors.  Rows touching
    the month columns are left alone: a mark there is data."""
    header, grid = table.header, values.grid
    index = header.end + 1
    if index >= len(grid):
        return
    bands = sorted((first, last) for first_row, first, last_row, last in values.merges
                   if header.row <= first_row and last_row == header.end and last > first)
    if not bands:
        return
    starts = [first for first, _ in bands]
    reach = list(accumulate((last for _, last in bands), max))  # furthest end so far

    def under_band(position: int) -> bool:
        at = bisect_right(starts, position) - 1
        return at >= 0 and reach[at] >= position

    months = {header.columns[key] for key in MONTH_KEYS if key in header.columns}
    cells = [(p, cell) for p, cell in enumerate(grid[index]) if not is_blank(cell)]
    if cells and all(p not in months and _is_word(cell) and under_band(p) for p, cell in cells):
        header.end = index


def _is_word(cell: object) -> bool:
    """Short text with at least two letters, not a figure."""
    if not isinstance(cell, str):
        return False
    text = clean_text(cell)
    if len(text) > 40 or sum(ch.isalpha() for ch in text) < 2:
        return False
    try:
        parse_amount(text)
    except NotANumber:
        return True
    return False


def _year_in_sheet(table: Table, grid) -> int | None:
    """The fiscal year a sheet states: a title above the table, else the latest
    year its header's labels imply (ต.ค. 67 … ก.ย. 68 is 2568)."""
    titles = set()
    for row in grid[:table.header.row]:
        for cell in row:
            if isinstance(cell, str):
                match = _TITLE_YEAR.search(to_arabic_digits(clean_text(cell)))
                if match:
                    titles.add(int(match.group(1)))
    if len(titles) == 1:
        return titles.pop()
    months = [year for year, *_ in table.header.years]
    return max(months) if months and not titles else None


def _numbers(grid, table: Table, position: int) -> list[float]:
    """The numbers a column holds in the table's data rows (typed or as text)."""
    numbers = []
    for raw in table.rows:
        row = grid[raw.origin.row - 1]
        cell = row[position] if position < len(row) else ""
        if isinstance(cell, bool) or cell == "" or cell is None:
            continue
        if isinstance(cell, (int, float)):
            numbers.append(float(cell))
        elif isinstance(cell, str):
            try:
                numbers.append(float(parse_amount(cell)))
            except NotANumber:
                pass
    return numbers


def _running(numbers: list[float]) -> bool:
    """1, 2, 3 … (starting again at 1 where a section starts): row numbers."""
    previous = 0.0
    for number in numbers:
        if number not in (previous + 1, 1):
            return False
        previous = number
    return True
